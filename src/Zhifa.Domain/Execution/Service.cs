using Zhifa.Domain.Calendar;
using Zhifa.Domain.Common;
using Zhifa.Domain.Rules;

namespace Zhifa.Domain.Execution;

/// <summary>The ways a document is served (送达, 行政处罚法 art. 61 and the 民事诉讼法 provisions it refers to).</summary>
public enum ServiceMethod { Direct, Left, Post, Announcement, Electronic, Entrusted, Forwarded }

/// <summary>
/// One service of a case document on its recipient (送达记录): how, to whom, when and where, with what each method
/// needs as proof; the 送达回证 generated for it is kept beside it.
/// </summary>
public sealed class ServiceRecord
{
    public int Id { get; set; }
    public int AgencyId { get; set; }
    public int CaseId { get; set; }
    /// <summary>The case document served.</summary>
    public int DocumentId { get; set; }
    public string DocumentTypeCode { get; set; } = "";
    /// <summary>Name and number of the document as served, e.g. 行政处罚决定书 永卫罚决〔2026〕3号.</summary>
    public string DocumentTitle { get; set; } = "";
    public ServiceMethod Method { get; set; }
    public string Recipient { get; set; } = "";
    /// <summary>UTC. When delivered, left, signed for, received electronically or, for 公告送达, when the announcement was published.</summary>
    public DateTime ServedAt { get; set; }
    public string Place { get; set; } = "";
    /// <summary>留置送达: the witnesses present (or the photo/video that stands for them).</summary>
    public string Witnesses { get; set; } = "";
    /// <summary>留置送达: why the recipient did not accept.</summary>
    public string LeftReason { get; set; } = "";
    public string TrackingNumber { get; set; } = "";
    /// <summary>公告送达: where the announcement was published.</summary>
    public string AnnouncementWhere { get; set; } = "";
    /// <summary>公告送达: days after publication that count as service.</summary>
    public int AnnouncementDays { get; set; }
    /// <summary>电子送达: the consent it relies on and the address it went to.</summary>
    public int? ConsentId { get; set; }
    public string ElectronicAddress { get; set; } = "";
    /// <summary>委托送达 / 转交送达: the body that served on the agency's behalf.</summary>
    public string Intermediary { get; set; } = "";
    /// <summary>The 送达回证 generated for this service.</summary>
    public int? ReceiptDocumentId { get; set; }
    public string RecordedBy { get; set; } = "";
    public DateTime RecordedAt { get; set; }
}

/// <summary>A party's written consent to electronic service (电子送达确认书), recorded before any electronic service.</summary>
public sealed class ElectronicServiceConsent
{
    public int Id { get; set; }
    public int AgencyId { get; set; }
    public int CaseId { get; set; }
    public string PartyName { get; set; } = "";
    /// <summary>The address the party agreed to: e-mail, mobile number or platform account.</summary>
    public string Address { get; set; } = "";
    public DateOnly SignedOn { get; set; }
    public string RecordedBy { get; set; } = "";
    public DateTime RecordedAt { get; set; }
}

/// <summary>What a service record is entered with; the web layer converts the time to UTC.</summary>
public sealed record ServiceFacts(
    ServiceMethod? Method, string? Recipient, DateTime? ServedAtUtc, string? Place, string? Witnesses, string? LeftReason,
    string? TrackingNumber, string? AnnouncementWhere, int? AnnouncementDays, int? ConsentId, string? ElectronicAddress, string? Intermediary);

/// <summary>The rules of service (LAW-5 art. 61): what each method needs, when service counts, and the 7-working-day limit.</summary>
public static class ServiceRules
{
    /// <summary>民事诉讼法 art. 95: an announced service counts as made thirty days after the announcement.</summary>
    public const int DefaultAnnouncementDays = 30;

    /// <summary>Art. 61: the decision is served within seven days of being made — working days (art. 85, LAW-1).</summary>
    public const int DecisionServiceWorkingDays = 7;

    /// <summary>The document types that are the decision of a case; serving one of them is serving the decision.</summary>
    public static readonly IReadOnlyList<string> DecisionTypes = ["penalty-decision", "no-penalty-decision"];

    public const string DemandNoticeType = "demand-notice";

    public static bool IsDecision(string typeCode) => DecisionTypes.Contains(typeCode);

    public static string Label(ServiceMethod method) => method switch
    {
        ServiceMethod.Direct => Messages.Get("execution.service.method.direct"),
        ServiceMethod.Left => Messages.Get("execution.service.method.left"),
        ServiceMethod.Post => Messages.Get("execution.service.method.post"),
        ServiceMethod.Announcement => Messages.Get("execution.service.method.announcement"),
        ServiceMethod.Electronic => Messages.Get("execution.service.method.electronic"),
        ServiceMethod.Entrusted => Messages.Get("execution.service.method.entrusted"),
        ServiceMethod.Forwarded => Messages.Get("execution.service.method.forwarded"),
        _ => method.ToString(),
    };

    /// <summary>The day service counts as made (China date): the day of delivery, or the end of the announcement period.</summary>
    public static DateOnly EffectiveOn(ServiceMethod method, DateOnly servedDay, int announcementDays)
        => method == ServiceMethod.Announcement ? LegalPeriods.AnnouncedService(announcementDays).LastDay(servedDay) : servedDay;

    /// <summary>The last day to serve the decision: the 7th working day after the decision date.</summary>
    public static DateOnly DecisionServiceDue(DateOnly decidedOn, Func<DateOnly, int, DateOnly> addWorkingDays)
        => addWorkingDays(decidedOn, DecisionServiceWorkingDays);

    /// <summary>
    /// Checks a service before it is recorded. <paramref name="consents"/> are the case's recorded consents (id and
    /// signing day); <paramref name="notBeforeUtc"/> is when the served document was made (a document is served only
    /// once it exists); <paramref name="toChina"/> turns a UTC time into China Standard Time.
    /// </summary>
    public static ValidationErrors Validate(ServiceFacts f, IReadOnlyDictionary<int, DateOnly> consents, DateTime notBeforeUtc, DateTime nowUtc, Func<DateTime, DateTime> toChina)
    {
        DateOnly ChinaDay(DateTime utc) => DateOnly.FromDateTime(toChina(utc));
        var errors = new ValidationErrors()
            .Required("recipient", f.Recipient, Messages.Get("execution.service.field.recipient")).MaxLength("recipient", f.Recipient, 200, Messages.Get("execution.service.field.recipient"))
            .MaxLength("place", f.Place, 200, Messages.Get("execution.service.field.place")).MaxLength("witnesses", f.Witnesses, 500, Messages.Get("execution.service.field.witnesses"))
            .MaxLength("leftReason", f.LeftReason, 1000, Messages.Get("execution.service.field.left_reason")).MaxLength("trackingNumber", f.TrackingNumber, 100, Messages.Get("execution.service.field.tracking_number"))
            .MaxLength("announcementWhere", f.AnnouncementWhere, 500, Messages.Get("execution.service.field.announcement_where")).MaxLength("electronicAddress", f.ElectronicAddress, 200, Messages.Get("execution.service.field.electronic_address"))
            .MaxLength("intermediary", f.Intermediary, 200, Messages.Get("execution.service.field.intermediary"));
        if (f.Method is not { } method || !Enum.IsDefined(method))
        {
            errors.Add("method", "required", Messages.Get("execution.service.method_required"));
            return errors;
        }
        if (f.ServedAtUtc is not { } at) errors.Add("servedAt", "required", method == ServiceMethod.Announcement ? Messages.Get("execution.service.announced_at_required") : Messages.Get("execution.service.served_at_required"));
        else errors.EventMoment("servedAt", method == ServiceMethod.Announcement ? Messages.Get("execution.service.field.announced_at") : Messages.Get("execution.service.field.served_at"), toChina(at), toChina(nowUtc),
            new PriorMoment(Messages.Get("execution.service.field.document_made_at"), toChina(notBeforeUtc)));
        switch (method)
        {
            case ServiceMethod.Direct:
                errors.Required("place", f.Place, Messages.Get("execution.service.field.place"));
                break;
            case ServiceMethod.Left:
                errors.Required("place", f.Place, Messages.Get("execution.service.field.place")).Required("witnesses", f.Witnesses, Messages.Get("execution.service.field.witnesses"))
                    .Required("leftReason", f.LeftReason, Messages.Get("execution.service.field.refusal"));
                break;
            case ServiceMethod.Post:
                errors.Required("trackingNumber", f.TrackingNumber, Messages.Get("execution.service.field.tracking_number"));
                break;
            case ServiceMethod.Announcement:
                errors.Required("announcementWhere", f.AnnouncementWhere, Messages.Get("execution.service.field.announcement_where_long"));
                if (f.AnnouncementDays is { } days && days is < 1 or > 90) errors.Add("announcementDays", "out_of_range", Messages.Get("execution.service.announcement_days_range"));
                break;
            case ServiceMethod.Electronic:
                errors.Required("electronicAddress", f.ElectronicAddress, Messages.Get("execution.service.field.electronic_address"));
                if (f.ConsentId is not { } consentId || !consents.TryGetValue(consentId, out var signed))
                    errors.Add("consentId", "consent_missing", Messages.Get("execution.service.consent_missing"));
                else if (f.ServedAtUtc is { } when && ChinaDay(when) < signed)
                    errors.Add("consentId", "consent_after_service", Messages.Get("execution.service.consent_after_service"));
                break;
            case ServiceMethod.Entrusted:
            case ServiceMethod.Forwarded:
                errors.Required("intermediary", f.Intermediary, method == ServiceMethod.Entrusted ? Messages.Get("execution.service.field.entrusted_to") : Messages.Get("execution.service.field.forwarded_by"));
                break;
        }
        return errors;
    }

    public static ValidationErrors ValidateConsent(string? partyName, string? address, DateOnly? signedOn, DateOnly today)
    {
        var errors = new ValidationErrors().Required("partyName", partyName, Messages.Get("execution.service.field.party")).MaxLength("partyName", partyName, 200, Messages.Get("execution.service.field.party"))
            .Required("address", address, Messages.Get("execution.service.field.electronic_address")).MaxLength("address", address, 200, Messages.Get("execution.service.field.electronic_address"));
        if (signedOn is not { } on) errors.Add("signedOn", "required", Messages.Get("execution.service.consent_signed_on_required"));
        else errors.EventDay("signedOn", Messages.Get("execution.service.field.signed_on"), on, today);
        return errors;
    }
}
