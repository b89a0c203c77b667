using Zhifa.Domain.Calendar;
using Zhifa.Domain.Common;

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
        ServiceMethod.Direct => "直接送达",
        ServiceMethod.Left => "留置送达",
        ServiceMethod.Post => "邮寄送达",
        ServiceMethod.Announcement => "公告送达",
        ServiceMethod.Electronic => "电子送达",
        ServiceMethod.Entrusted => "委托送达",
        ServiceMethod.Forwarded => "转交送达",
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
            .Required("recipient", f.Recipient, "受送达人").MaxLength("recipient", f.Recipient, 200, "受送达人")
            .MaxLength("place", f.Place, 200, "送达地点").MaxLength("witnesses", f.Witnesses, 500, "见证人")
            .MaxLength("leftReason", f.LeftReason, 1000, "留置原因").MaxLength("trackingNumber", f.TrackingNumber, 100, "邮件单号")
            .MaxLength("announcementWhere", f.AnnouncementWhere, 500, "公告载体").MaxLength("electronicAddress", f.ElectronicAddress, 200, "电子送达地址")
            .MaxLength("intermediary", f.Intermediary, 200, "代为送达的机关或单位");
        if (f.Method is not { } method || !Enum.IsDefined(method))
        {
            errors.Add("method", "required", "请选择送达方式");
            return errors;
        }
        if (f.ServedAtUtc is not { } at) errors.Add("servedAt", "required", method == ServiceMethod.Announcement ? "公告发布时间不能为空" : "送达时间不能为空");
        else errors.EventMoment("servedAt", method == ServiceMethod.Announcement ? "公告发布时间" : "送达时间", toChina(at), toChina(nowUtc),
            new PriorMoment("文书制作时间", toChina(notBeforeUtc)));
        switch (method)
        {
            case ServiceMethod.Direct:
                errors.Required("place", f.Place, "送达地点");
                break;
            case ServiceMethod.Left:
                errors.Required("place", f.Place, "送达地点").Required("witnesses", f.Witnesses, "见证人")
                    .Required("leftReason", f.LeftReason, "受送达人拒绝签收的情况");
                break;
            case ServiceMethod.Post:
                errors.Required("trackingNumber", f.TrackingNumber, "邮件单号");
                break;
            case ServiceMethod.Announcement:
                errors.Required("announcementWhere", f.AnnouncementWhere, "公告载体（在何处公告）");
                if (f.AnnouncementDays is { } days && days is < 1 or > 90) errors.Add("announcementDays", "out_of_range", "公告期应在 1 至 90 日之间");
                break;
            case ServiceMethod.Electronic:
                errors.Required("electronicAddress", f.ElectronicAddress, "电子送达地址");
                if (f.ConsentId is not { } consentId || !consents.TryGetValue(consentId, out var signed))
                    errors.Add("consentId", "consent_missing", "电子送达须先登记当事人同意电子送达的书面确认");
                else if (f.ServedAtUtc is { } when && ChinaDay(when) < signed)
                    errors.Add("consentId", "consent_after_service", "当事人书面同意晚于送达时间，不能据此电子送达");
                break;
            case ServiceMethod.Entrusted:
            case ServiceMethod.Forwarded:
                errors.Required("intermediary", f.Intermediary, method == ServiceMethod.Entrusted ? "受委托送达的机关" : "代为转交的机关或单位");
                break;
        }
        return errors;
    }

    public static ValidationErrors ValidateConsent(string? partyName, string? address, DateOnly? signedOn, DateOnly today)
    {
        var errors = new ValidationErrors().Required("partyName", partyName, "当事人").MaxLength("partyName", partyName, 200, "当事人")
            .Required("address", address, "电子送达地址").MaxLength("address", address, 200, "电子送达地址");
        if (signedOn is not { } on) errors.Add("signedOn", "required", "书面确认的签署日期不能为空");
        else errors.EventDay("signedOn", "签署日期", on, today);
        return errors;
    }
}
