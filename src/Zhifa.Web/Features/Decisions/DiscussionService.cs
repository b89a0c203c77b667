using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Zhifa.Data;
using Zhifa.Domain.Accounts;
using Zhifa.Domain.Cases;
using Zhifa.Domain.Common;
using Zhifa.Domain.Decisions;
using Zhifa.Domain.Documents;
using Zhifa.Domain.Rules;
using Zhifa.Web.Features.Documents;
using Zhifa.Web.Features.LegalReview;
using Zhifa.Web.Infrastructure;
using static Zhifa.Web.Infrastructure.UiText;

namespace Zhifa.Web.Features.Decisions;

public sealed class ParticipantInput
{
    public int UserId { get; set; }
    public string? Opinion { get; set; }
}

/// <summary>
/// A collective discussion as held: who presided (a deputy with the head's designation), who took part and what each
/// said, and the conclusion; 出席 or 列席 follows from each account's role. Times without a zone are China Standard Time.
/// </summary>
public sealed class DiscussionInput
{
    public string? Reason { get; set; }
    public DateTime? HeldAt { get; set; }
    public string? Place { get; set; }
    public int? PresiderUserId { get; set; }
    public int? DesignatedByUserId { get; set; }
    public string? Designation { get; set; }
    public List<ParticipantInput> Participants { get; set; } = [];
    public string? Conclusion { get; set; }
}

/// <summary>An account of the agency: whether it is one of its 负责人 (counted at a discussion) and whether it is the head.</summary>
public sealed record StaffView(int UserId, string Name, string Roles, bool Leader, bool Head);

/// <summary>How many 负责人 must attend a discussion of the agency, and from how many accounts that was counted.</summary>
public sealed record QuorumView(int LeaderAccounts, int Required, int? AgencySetting, string Basis);

/// <summary>LAW-4 art. 57 (2): collective discussion of major (legal review required) and complex cases by the agency's 负责人, with its minutes as the 集体讨论记录.</summary>
public sealed class DiscussionService(AppDbContext db, CurrentUser me, DocumentService documents, LegalReviewGateService legalReview, ProposalService proposals,
    DecisionFactsService facts)
{
    private async Task<List<(StaffView View, IReadOnlyCollection<string> Roles)>> StaffWithRolesAsync(int agencyId)
    {
        var users = await db.Users.AsNoTracking().Where(u => u.AgencyId == agencyId).OrderBy(u => u.Id).Select(u => new { u.Id, u.DisplayName, u.UserName }).ToListAsync();
        var ids = users.Select(u => u.Id).ToList();
        var roles = await db.UserRoles.Where(ur => ids.Contains(ur.UserId)).Join(db.Roles, ur => ur.RoleId, r => r.Id, (ur, r) => new { ur.UserId, r.Name }).ToListAsync();
        return users.Select(u =>
        {
            IReadOnlyCollection<string> mine = roles.Where(r => r.UserId == u.Id).Select(r => r.Name ?? "").ToList();
            return (new StaffView(u.Id, u.DisplayName.Length > 0 ? u.DisplayName : u.UserName ?? "", string.Join("、", mine.Select(Roles.Label)),
                DiscussionRules.IsLeader(mine), mine.Contains(Roles.Head)), mine);
        }).ToList();
    }

    /// <summary>The staff accounts of the agency, who may take part: its 负责人 attend (出席), the others sit in (列席).</summary>
    public async Task<List<StaffView>> StaffAsync(int agencyId) => (await StaffWithRolesAsync(agencyId)).Select(s => s.View).ToList();

    public static QuorumView Quorum(int? setting, int leaderAccounts) => new(leaderAccounts, DiscussionRules.Quorum(setting, leaderAccounts), setting,
        setting is null ? Messages.Get("discussion.quorum.default", leaderAccounts) : Messages.Get("discussion.quorum.agency", setting));

    public async Task<QuorumView> QuorumAsync(int agencyId)
    {
        var staff = await StaffAsync(agencyId);
        return Quorum((await facts.SettingsAsync(agencyId)).DiscussionQuorum, staff.Count(s => s.Leader));
    }

    public async Task<CollectiveDiscussion> RecordAsync(Case c, DiscussionInput input)
    {
        if (!DecisionFactsService.Applies(c) || c.Step is not (CaseSteps.InternalReview or CaseSteps.Notice or CaseSteps.Statement))
            throw new DomainValidationException("caseId", "step.wrong", T("decisions.discussion.wrong_step"));
        var gate = await legalReview.GateAsync(c);
        if (!gate.IsOpen)
            throw new DomainValidationException("caseId", "legal_review.not_passed", T("decisions.discussion.legal_review_not_passed", gate.Message));
        var staff = (await StaffWithRolesAsync(c.AgencyId)).ToDictionary(s => s.View.UserId);
        var quorum = Quorum((await facts.SettingsAsync(c.AgencyId)).DiscussionQuorum, staff.Values.Count(s => s.View.Leader));
        var participants = input.Participants ?? [];
        var at = DocumentService.ToUtc(input.HeldAt);
        IReadOnlyCollection<string> RolesOf(int id) => staff.TryGetValue(id, out var s) ? s.Roles : [];
        var errors = DiscussionRules.Validate(
            new DiscussionMinutes(input.Reason, at, input.Conclusion, input.PresiderUserId, input.DesignatedByUserId, input.Designation,
                participants.Select(p => new DiscussionAttendee(p.UserId, RolesOf(p.UserId), p.Opinion)).ToList()),
            staff.ToDictionary(s => s.Key, s => s.Value.Roles), quorum.Required, db.UtcNow);
        errors.MaxLength("place", input.Place, 200, T("decisions.discussion.place"));
        errors.ThrowIfAny();

        // 出席 first (the 负责人, counted), then 列席, each in the order entered.
        var rows = participants.Select(p =>
        {
            var s = staff[p.UserId];
            return new DiscussionParticipant
            {
                UserId = p.UserId, Name = s.View.Name, RoleLabel = s.View.Roles, Attendance = DiscussionRules.AttendanceOf(s.Roles), Opinion = p.Opinion?.Trim() ?? "",
            };
        }).OrderBy(r => r.Attendance).ToList();
        var presider = staff[input.PresiderUserId!.Value].View;
        var designatedBy = !presider.Head && input.DesignatedByUserId is { } by ? staff[by].View : null;
        var present = rows.Where(r => r.Attendance == Attendance.Present).ToList();
        var observers = rows.Where(r => r.Attendance == Attendance.Observer).ToList();
        string Who(DiscussionParticipant r) => r.Name + (r.RoleLabel.Length > 0 ? "（" + r.RoleLabel + "）" : "");
        var local = Display.ToChina(at!.Value);
        var minutes = string.Join("\n", new[]
        {
            Messages.Get("discussion.minutes.reason", input.Reason!.Trim()),
            Messages.Get("discussion.minutes.presider", presider.Name, presider.Roles)
                + (designatedBy is null ? "" : Messages.Get("discussion.minutes.designated", designatedBy.Name, input.Designation!.Trim())),
            Messages.Get("discussion.minutes.present", quorum.LeaderAccounts, present.Count, quorum.Required, string.Join("、", present.Select(Who))),
            Messages.Get("discussion.minutes.observers", observers.Count == 0 ? Messages.Get("discussion.minutes.none") : string.Join("、", observers.Select(Who))),
        }.Concat(present.Select(r => Messages.Get("discussion.minutes.opinion", r.Name, r.Opinion)))
         .Concat(observers.Where(r => r.Opinion.Length > 0).Select(r => Messages.Get("discussion.minutes.remark", r.Name, r.Opinion))));
        await using var tx = await db.Database.BeginTransactionAsync();
        var doc = await documents.GenerateAsync(c, new GenerateInput("collective-discussion", new Dictionary<string, string?>
        {
            [Placeholder.Time] = DocumentRules.ChineseDate(local) + T("decisions.time_of_day", local),
            [Placeholder.Place] = input.Place, [Placeholder.Content] = minutes, [Placeholder.Opinion] = input.Conclusion,
        }));
        var d = new CollectiveDiscussion
        {
            CaseId = c.Id, AgencyId = c.AgencyId, Reason = input.Reason.Trim(), HeldAt = at.Value, Place = input.Place?.Trim() ?? "",
            PresiderUserId = presider.UserId, PresiderName = presider.Name, PresiderRole = presider.Roles,
            DesignatedByUserId = designatedBy?.UserId, DesignatedByName = designatedBy?.Name ?? "", Designation = designatedBy is null ? "" : input.Designation!.Trim(),
            Quorum = quorum.Required, LeaderAccounts = quorum.LeaderAccounts,
            Conclusion = input.Conclusion!.Trim(), ProposalFingerprint = (await proposals.GetAsync(c.Id))?.Fingerprint() ?? "", DocumentId = doc.Id, RecordedAt = db.UtcNow, RecordedBy = me.UserName, Participants = rows,
        };
        db.Add(d);
        await db.SaveChangesAsync();
        await tx.CommitAsync();
        return d;
    }
}
