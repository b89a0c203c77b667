using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Zhifa.Data;
using Zhifa.Domain.Accounts;
using Zhifa.Domain.Cases;
using Zhifa.Domain.Common;
using Zhifa.Domain.Decisions;
using Zhifa.Domain.Documents;
using Zhifa.Web.Features.Documents;
using Zhifa.Web.Features.LegalReview;
using Zhifa.Web.Infrastructure;

namespace Zhifa.Web.Features.Decisions;

public sealed class ParticipantInput
{
    public int UserId { get; set; }
    public string? Opinion { get; set; }
}

/// <summary>A collective discussion as held: who took part and what each said, and the conclusion; times without a zone are China Standard Time.</summary>
public sealed class DiscussionInput
{
    public string? Reason { get; set; }
    public DateTime? HeldAt { get; set; }
    public string? Place { get; set; }
    public List<ParticipantInput> Participants { get; set; } = [];
    public string? Conclusion { get; set; }
}

public sealed record StaffView(int UserId, string Name, string Roles);

/// <summary>LAW-4 art. 57: collective discussion of major (legal review required) and complex cases, with its minutes as the 集体讨论记录.</summary>
public sealed class DiscussionService(AppDbContext db, CurrentUser me, DocumentService documents, LegalReviewGateService legalReview, ProposalService proposals)
{
    /// <summary>The staff accounts of the agency, who may take part.</summary>
    public async Task<List<StaffView>> StaffAsync(int agencyId)
    {
        var users = await db.Users.AsNoTracking().Where(u => u.AgencyId == agencyId).OrderBy(u => u.Id).Select(u => new { u.Id, u.DisplayName, u.UserName }).ToListAsync();
        var ids = users.Select(u => u.Id).ToList();
        var roles = await db.UserRoles.Where(ur => ids.Contains(ur.UserId)).Join(db.Roles, ur => ur.RoleId, r => r.Id, (ur, r) => new { ur.UserId, r.Name }).ToListAsync();
        return users.Select(u => new StaffView(u.Id, u.DisplayName.Length > 0 ? u.DisplayName : u.UserName ?? "",
            string.Join("、", roles.Where(r => r.UserId == u.Id).Select(r => Roles.Label(r.Name ?? ""))))).ToList();
    }

    public async Task<CollectiveDiscussion> RecordAsync(Case c, DiscussionInput input)
    {
        if (!DecisionFactsService.Applies(c) || c.Step is not (CaseSteps.InternalReview or CaseSteps.Notice or CaseSteps.Statement))
            throw new DomainValidationException("caseId", "step.wrong", "集体讨论在普通程序处罚案件作出决定前（案件审核至陈述申辩/听证环节）进行");
        var gate = await legalReview.GateAsync(c);
        if (!gate.IsOpen)
            throw new DomainValidationException("caseId", "legal_review.not_passed", $"重大执法决定须经法制审核同意后方可集体讨论：{gate.Message}");
        var staff = await StaffAsync(c.AgencyId);
        var participants = input.Participants ?? [];
        var at = DocumentService.ToUtc(input.HeldAt);
        var errors = DecisionRules.ValidateDiscussion(input.Reason, at, input.Conclusion,
            participants.Select(p => new ParticipantOpinion(p.UserId, p.Opinion)).ToList(), staff.Select(s => s.UserId).ToList(), db.UtcNow);
        errors.MaxLength("place", input.Place, 200, "地点");
        errors.ThrowIfAny();

        var rows = participants.Select(p =>
        {
            var s = staff.First(x => x.UserId == p.UserId);
            return new DiscussionParticipant { UserId = p.UserId, Name = s.Name, RoleLabel = s.Roles, Opinion = p.Opinion!.Trim() };
        }).ToList();
        var local = Display.ToChina(at!.Value);
        var minutes = $"提请理由：{input.Reason!.Trim()}\n参加人员：{string.Join("、", rows.Select(r => r.Name))}\n"
            + string.Join("\n", rows.Select(r => $"{r.Name}{(r.RoleLabel.Length > 0 ? "（" + r.RoleLabel + "）" : "")}：{r.Opinion}"));
        await using var tx = await db.Database.BeginTransactionAsync();
        var doc = await documents.GenerateAsync(c, new GenerateInput("collective-discussion", new Dictionary<string, string?>
        {
            ["时间"] = DocumentRules.ChineseDate(local) + local.ToString(" H时mm分", CultureInfo.InvariantCulture),
            ["地点"] = input.Place, ["内容"] = minutes, ["意见"] = input.Conclusion,
        }));
        var d = new CollectiveDiscussion
        {
            CaseId = c.Id, AgencyId = c.AgencyId, Reason = input.Reason.Trim(), HeldAt = at.Value, Place = input.Place?.Trim() ?? "",
            Conclusion = input.Conclusion!.Trim(), ProposalFingerprint = (await proposals.GetAsync(c.Id))?.Fingerprint() ?? "", DocumentId = doc.Id, RecordedAt = db.UtcNow, RecordedBy = me.UserName, Participants = rows,
        };
        db.Add(d);
        await db.SaveChangesAsync();
        await tx.CommitAsync();
        return d;
    }
}
