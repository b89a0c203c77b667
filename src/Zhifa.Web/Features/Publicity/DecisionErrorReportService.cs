using Microsoft.EntityFrameworkCore;
using Zhifa.Data;
using Zhifa.Domain.Common;
using Zhifa.Domain.Publicity;
using Zhifa.Domain.Rules;
using Zhifa.Web.Features.Agencies;
using Zhifa.Web.Features.Calendar;
using Zhifa.Web.Features.Cases;
using Zhifa.Web.Infrastructure;
using static Zhifa.Web.Infrastructure.UiText;

namespace Zhifa.Web.Features.Publicity;

public sealed record ErrorReportRow(int Id, string ReceiptNumber, int AgencyId, string Agency, string Unit, int SeriesId, string Title,
    string Content, bool ContactShown, string? Contact, DateTime ReceivedAt, DateOnly DueOn, bool Overdue, string Status, string StatusLabel,
    string Reply, DateTime? RepliedAt, bool MayHandle, string? CalendarNote = null);

public sealed record ResolveErrorReportInput(string? Status, string? Reply);

/// <summary>
/// PUB-10, the staff's side of error reports: each reaches its publication's owner unit with a due date of
/// <see cref="PublicationErrorReport.DueWorkingDays"/> working days; the agency's staff correct or reject it with a reply.
/// The reporter's contact is shown only to the agency's own staff, and showing it is audited.
/// </summary>
public sealed class DecisionErrorReportService(AppDbContext db, CurrentUser me, TimeProvider time, CalendarService calendar, AgencyService agencyNames)
{
    public const string ContactViewedAction = "publication.error-report.contact-viewed";
    public const int ReplyMaxLength = 2000;

    private DateTime Now => time.GetUtcNow().UtcDateTime;
    private DateOnly Today => CaseService.ChinaDay(Now);

    public async Task<PublicationErrorReport?> FindVisibleAsync(int id)
    {
        var r = await db.Set<PublicationErrorReport>().FirstOrDefaultAsync(x => x.Id == id);
        return r is not null && await me.CanSee(r.AgencyId) ? r : null;
    }

    /// <summary>The agency's own staff see the reporter's contact; a supervising agency does not (SEC-3).</summary>
    private bool ContactVisible(PublicationErrorReport r) => me.AgencyId == r.AgencyId;

    /// <summary>The visible agencies' reports, pending first then newest; overdueOnly keeps the pending ones past their due date.</summary>
    public async Task<List<ErrorReportRow>> ListAsync(int? agencyId, string? status, bool overdueOnly)
    {
        var q = await db.Set<PublicationErrorReport>().AsNoTracking().InScopeAsync(me, r => r.AgencyId);
        if (agencyId is { } a) q = q.Where(r => r.AgencyId == a);
        if (Enum.TryParse<ErrorReportStatus>(status, true, out var s) && !int.TryParse(status, out _)) q = q.Where(r => r.Status == s);
        var list = await q.OrderBy(r => r.Status == ErrorReportStatus.Pending ? 0 : 1).ThenByDescending(r => r.Id).Take(1000).ToListAsync();
        var rows = await RowsAsync(list);
        return overdueOnly ? [.. rows.Where(r => r.Overdue)] : rows;
    }

    public async Task<ErrorReportRow> DetailAsync(PublicationErrorReport r) => (await RowsAsync([r]))[0];

    private async Task<List<ErrorReportRow>> RowsAsync(List<PublicationErrorReport> list)
    {
        var cal = await calendar.GetAsync();
        var agencyIds = list.Select(r => r.AgencyId).Distinct().ToList();
        var agencies = await agencyNames.NamesAsync(agencyIds);
        var unitIds = list.Where(r => r.UnitId != null).Select(r => r.UnitId!.Value).Distinct().ToList();
        var units = await agencyNames.UnitNamesByIdAsync(unitIds);
        var pubIds = list.Select(r => r.PublicationId).Distinct().ToList();
        var titles = await db.Set<Publication>().AsNoTracking().Where(p => EF.Constant(pubIds).Contains(p.Id)).ToDictionaryAsync(p => p.Id, p => p.Title);
        var shown = list.Where(r => ContactVisible(r) && r.Contact.Length > 0).ToList();
        foreach (var r in shown)
            db.AddAuditEvent(ContactViewedAction, nameof(PublicationErrorReport), r.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), r.AgencyId,
                T("errorreports.audit.contact_viewed", r.ReceiptNumber));
        if (shown.Count > 0) await db.SaveChangesAsync();
        var actor = await me.ActorAsync();
        return [.. list.Select(r =>
        {
            var received = CaseService.ChinaDay(r.ReceivedAt);
            var due = PublicationErrorReportRules.DueOn(cal, received);
            bool contact = ContactVisible(r) && r.Contact.Length > 0;
            bool handled = ErrorReportLifecycle.Check(Facts(r, null), actor).Forbidden.Count == 0;
            return new ErrorReportRow(r.Id, r.ReceiptNumber, r.AgencyId, agencies.GetValueOrDefault(r.AgencyId, ""),
                r.UnitId is { } u ? units.GetValueOrDefault(u, "") : "", r.SeriesId, titles.GetValueOrDefault(r.PublicationId, ""), r.Content,
                contact, contact ? r.Contact : null, r.ReceivedAt, due, PublicationErrorReportRules.IsOverdue(r.Status, due, Today), r.Status.ToString(),
                PublicationErrorReportRules.Label(r.Status), r.Reply, r.RepliedAt, handled, cal.NoteBetween(received, due));
        })];
    }

    private static ErrorReportFacts Facts(PublicationErrorReport r, ResolveErrorReportInput? input) => new()
    {
        AgencyId = r.AgencyId, Status = r.Status, Resolution = PublicationErrorReportRules.ParseResolution(input?.Status), Reply = input?.Reply?.Trim() ?? "",
    };

    /// <summary>
    /// The agency's staff close a pending report: corrected (the decision gets a new version separately) or rejected,
    /// with a reply, as <see cref="ErrorReportLifecycle"/> allows; refused, nothing changes and every reason is returned.
    /// </summary>
    public async Task<Outcome<PublicationErrorReport>> ResolveAsync(PublicationErrorReport r, ResolveErrorReportInput input)
    {
        new ValidationErrors().MaxLength("reply", input.Reply?.Trim(), ReplyMaxLength, Messages.Get("errorreports.field.reply")).ThrowIfAny();
        var facts = Facts(r, input);
        var check = ErrorReportLifecycle.Check(facts, await me.ActorAsync());
        if (!check.IsAllowed) return Outcome<PublicationErrorReport>.Refused(check);
        r.Status = facts.Resolution!.Value;
        r.Reply = facts.Reply;
        r.RepliedAt = Now;
        r.RepliedBy = me.UserName;
        await db.SaveChangesAsync();
        return Outcome<PublicationErrorReport>.Done(r);
    }
}
