using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Zhifa.Data;
using Zhifa.Domain.Cases;
using Zhifa.Domain.Common;
using Zhifa.Domain.Decisions;
using Zhifa.Domain.Documents;
using Zhifa.Domain.Records;
using Zhifa.Web.Features.Documents;
using Zhifa.Web.Infrastructure;
using Zhifa.Web.Infrastructure.Storage;
using static Zhifa.Web.Infrastructure.UiText;

namespace Zhifa.Web.Features.Decisions;

/// <summary>Making the notice: whether the intended penalty is one the law lets the party be heard on (art. 63) is decided by the rules; other heavy penalties are marked by the handler.</summary>
public sealed record NoticeInput(bool OtherHeavyPenalty = false, string? Reasons = null);

/// <summary>When and how a document was served; a time without a zone is China Standard Time.</summary>
public sealed record ServiceInput(DateTime? ServedAt, string? ServiceMethod);

public sealed record WaiverInput(DateTime? WaivedAt, string? Note);

/// <summary>A statement: Oral (recorded as 陈述申辩笔录) or Written (typed here, or its scan uploaded).</summary>
public sealed record StatementInput(string? Form, DateTime? MadeAt, string? Speaker, string? Content, string? Place = null);

/// <summary>Adopted / PartlyAdopted / NotAdopted, with the reasons.</summary>
public sealed record AnswerInput(string? Answer, string? Reason);

/// <summary>LAW-4: the 行政处罚事先告知书 from the proposal, its service, a written waiver, and the party's statements with their answers.</summary>
public sealed class NoticeService(AppDbContext db, CurrentUser me, ProposalService proposals, DocumentService documents, DecisionFactsService facts, BlobStore blobs,
    Records.StoredFiles storedFiles)
{
    public static string ProposedText(DecisionProposal p)
    {
        // 首违不罚 is a 不予行政处罚 too, and the decision says so (行政处罚法第三十三条第一款).
        if (p.Outcome is DecisionOutcome.NoPenalty or DecisionOutcome.FirstViolationNoPenalty) return T("decisions.proposed.no_penalty", p.Content);
        if (p.Outcome != DecisionOutcome.Penalty) return $"{DecisionRules.OutcomeLabel(p.Outcome)}。{p.Content}";
        var parts = new List<string> { DecisionRules.KindsLabel(p.Kinds) };
        if (p.FineYuan is { } fine) parts.Add(T("decisions.terms.fine", DecisionRules.Yuan(fine)));
        if (p.ConfiscationYuan is { } conf and > 0) parts.Add(T("decisions.terms.confiscation", DecisionRules.Yuan(conf)));
        return $"{string.Join("，", parts)}。{p.Content}";
    }

    private static void RequireSteps(Case c, params string[] steps)
    {
        if (!DecisionFactsService.Applies(c))
            throw new DomainValidationException("caseId", "decision.not_general", T("decisions.notice.not_general"));
        if (!steps.Contains(c.Step))
            throw new DomainValidationException("caseId", "step.wrong",
                T("decisions.notice.wrong_step", CaseSteps.Label(c.Step), string.Join(T("list.or"), steps.Select(s => $"“{CaseSteps.Label(s)}”"))));
    }

    public async Task<Notice?> FindAsync(int caseId, int noticeId)
        => await db.Set<Notice>().FirstOrDefaultAsync(n => n.Id == noticeId && n.CaseId == caseId);

    /// <summary>Generates the 事先告知书 from the proposal as it stands and keeps what it told, for the art. 62 comparison.</summary>
    public async Task<Notice> CreateAsync(Case c, NoticeInput input)
    {
        RequireSteps(c, CaseSteps.Notice, CaseSteps.Statement);
        var errors = new ValidationErrors().MaxLength("reasons", input.Reasons, 4000, T("decisions.notice.reasons"));
        var p = await proposals.GetAsync(c.Id);
        if (p is null) errors.Add("proposal", "proposal.missing", T("decisions.notice.proposal_missing"));
        // 行政处罚法第四十四条: the notice tells the facts, the reasons and the provisions, each in its place.
        else foreach (var m in DecisionProvisions.Missing(p)) errors.Add(m.Field, m.Code, T("decisions.notice.cannot_make", m.Message));
        errors.ThrowIfAny();

        var settings = await facts.SettingsAsync(c.AgencyId);
        var partyKinds = await Cases.CaseService.PartyKindsAsync(db, c.Id);
        var reasons = DecisionRules.HearingReasons(DecisionFactsService.Terms(p!), partyKinds, settings, input.OtherHeavyPenalty);
        var hearingText = reasons.Count > 0
            ? T("decisions.notice.hearing_right", string.Join("；", reasons))
            : T("decisions.notice.no_hearing_right");
        // The document and the notice that points at it are one act.
        await using var tx = await db.Database.BeginTransactionAsync();
        var doc = await documents.GenerateAsync(c, new GenerateInput("penalty-notice", new Dictionary<string, string?>
        {
            [Placeholder.ViolatedProvisions] = p!.ViolatedProvisions,
            // A 不予处罚 is told with its ground in place of the 罚则.
            [Placeholder.PenaltyBasis] = p.Outcome == DecisionOutcome.Penalty ? p.PenaltyBasis : DecisionProvisions.ForDocuments(p).NoPenaltyBasis,
            [Placeholder.ProposedPenalty] = ProposedText(p),
            [Placeholder.PenaltyReasons] = string.IsNullOrWhiteSpace(input.Reasons) ? p.DiscretionReason : input.Reasons,
            [Placeholder.HearingRights] = hearingText,
        }));
        var n = new Notice
        {
            CaseId = c.Id, AgencyId = c.AgencyId, DocumentId = doc.Id, Number = doc.Number, Outcome = p.Outcome, PenaltyKinds = string.Join(',', p.Kinds),
            FineYuan = p.FineYuan, ConfiscationYuan = p.ConfiscationYuan, ProposalFingerprint = p.Fingerprint(),
            HearingRight = reasons.Count > 0, HearingReasons = string.Join("；", reasons), CreatedAt = db.UtcNow, CreatedBy = me.UserName,
        };
        db.Add(n);
        await db.SaveChangesAsync();
        await tx.CommitAsync();
        return n;
    }

    /// <summary>Records once when and how the notice reached the party; the statement period runs from that day.</summary>
    public async Task ServeAsync(Case c, Notice n, ServiceInput input)
    {
        RequireSteps(c, CaseSteps.Notice, CaseSteps.Statement);
        if (n.ServedAt is not null) throw new DomainValidationException("servedAt", "notice.already_served", T("notice.already_served"));
        var at = DocumentService.ToUtc(input.ServedAt);
        DecisionRules.ValidateService(at, input.ServiceMethod, T("decisions.notice.document"), n.CreatedAt, db.UtcNow, Display.ToChina).ThrowIfAny();
        n.ServedAt = at;
        n.ServiceMethod = input.ServiceMethod!.Trim();
        n.ServedBy = me.UserName;
        await db.SaveChangesAsync();
    }

    /// <summary>The party gave up the statement (and any hearing) in writing; the decision then need not wait for the period.</summary>
    public async Task WaiveAsync(Case c, Notice n, WaiverInput input)
    {
        RequireSteps(c, CaseSteps.Notice, CaseSteps.Statement);
        var at = DocumentService.ToUtc(input.WaivedAt);
        var errors = new ValidationErrors().Required("note", input.Note, T("decisions.waiver.note")).MaxLength("note", input.Note, 2000, T("decisions.waiver.note"));
        if (n.ServedAt is null) errors.Add("waivedAt", "notice.not_served", T("decisions.waiver.not_served"));
        if (n.WaivedAt is not null) errors.Add("waivedAt", "notice.already_waived", T("notice.already_waived"));
        if (at is not { } w) errors.Add("waivedAt", "required", T("decisions.waiver.waived_at_required"));
        else errors.EventMoment("waivedAt", T("decisions.waiver.waived_at"), Display.ToChina(w), Display.ToChina(db.UtcNow),
            n.ServedAt is { } s ? new PriorMoment(T("decisions.notice.served_at"), Display.ToChina(s)) : null);
        errors.ThrowIfAny();
        n.WaivedAt = at;
        n.WaiverNote = input.Note!.Trim();
        n.WaiverRecordedBy = me.UserName;
        await db.SaveChangesAsync();
    }

    // ---- statements ----

    public async Task<Statement?> FindStatementAsync(int caseId, int statementId)
        => await db.Set<Statement>().FirstOrDefaultAsync(s => s.Id == statementId && s.CaseId == caseId);

    /// <summary>An oral statement is written down as a 陈述申辩笔录; a written one is typed or its file uploaded (PDF, JPEG, PNG).</summary>
    public async Task<Statement> RecordStatementAsync(Case c, StatementInput input, IFormFile? file)
    {
        RequireSteps(c, CaseSteps.Notice, CaseSteps.Statement);
        var (_, served) = await facts.NoticesAsync(c.Id);
        StatementForm? form = Enum.TryParse<StatementForm>(input.Form?.Trim(), true, out var f) ? f : null;
        var at = DocumentService.ToUtc(input.MadeAt);
        var errors = new ValidationErrors().MaxLength("content", input.Content, 8000, T("decisions.statement.content")).MaxLength("speaker", input.Speaker, 100, T("decisions.statement.speaker"))
            .MaxLength("place", input.Place, 200, T("decisions.statement.place"));
        if (served is null) errors.Add("form", "notice.not_served", T("decisions.statement.not_served"));
        if (form is null) errors.Add("form", "required", T("decisions.statement.form_required"));
        if (at is not { } made) errors.Add("madeAt", "required", T("decisions.statement.made_at_required"));
        else errors.EventMoment("madeAt", T("decisions.statement.made_at"), Display.ToChina(made), Display.ToChina(db.UtcNow),
            served?.ServedAt is { } s ? new PriorMoment(T("decisions.notice.served_at"), Display.ToChina(s)) : null);
        string? scanType = null;
        if (form == StatementForm.Oral)
        {
            errors.Required("speaker", input.Speaker, T("decisions.statement.speaker")).Required("content", input.Content, T("decisions.statement.content"));
            if (file is { Length: > 0 }) errors.Add("file", "not_allowed", T("decisions.statement.oral_no_file"));
        }
        else if (form == StatementForm.Written)
        {
            if (file is { Length: > 0 })
            {
                var head = new byte[8];
                await using (var read = file.OpenReadStream())
                {
                    int n = await read.ReadAtLeastAsync(head, head.Length, throwOnEndOfStream: false);
                    scanType = DocumentRules.DetectScanType(head.AsSpan(0, n));
                }
                errors.AddRange(DocumentRules.ValidateScan(file.Length, scanType).Items);
            }
            else if (string.IsNullOrWhiteSpace(input.Content)) errors.Add("content", "required", T("decisions.statement.written_empty"));
        }
        errors.ThrowIfAny();

        var statement = new Statement
        {
            CaseId = c.Id, AgencyId = c.AgencyId, NoticeId = served!.Id, Form = form!.Value, MadeAt = at!.Value, Content = input.Content?.Trim() ?? "",
            RecordedAt = db.UtcNow, RecordedBy = me.UserName,
        };
        await using var tx = await db.Database.BeginTransactionAsync();
        if (form == StatementForm.Oral)
        {
            var doc = await documents.GenerateAsync(c, new GenerateInput("statement-record", new Dictionary<string, string?>
            {
                [Placeholder.Time] = DocumentRules.ChineseDate(Display.ToChina(at.Value)) + T("decisions.time_of_day", Display.ToChina(at.Value)),
                [Placeholder.Place] = input.Place, [Placeholder.Speaker] = input.Speaker, [Placeholder.Content] = input.Content,
            }));
            statement.DocumentId = doc.Id;
        }
        else if (file is { Length: > 0 })
        {
            StoredBlob blob;
            await using (var s = file.OpenReadStream()) blob = await blobs.SaveAsync(s);
            await storedFiles.EnsureAsync(blob);
            var name = Path.GetFileName(file.FileName ?? "").Trim();
            statement.FileSha256 = blob.Sha256;
            statement.FileName = name.Length is > 0 and <= 255 ? name : "statement";
            statement.FileContentType = scanType!;
        }
        db.Add(statement);
        await db.SaveChangesAsync();
        await tx.CommitAsync();
        return statement;
    }

    /// <summary>Each statement is answered: adopted, partly or not, always with the reasons (art. 45).</summary>
    public async Task AnswerAsync(Case c, Statement s, AnswerInput input)
    {
        RequireSteps(c, CaseSteps.Notice, CaseSteps.Statement);
        StatementAnswer? answer = Enum.TryParse<StatementAnswer>(input.Answer?.Trim(), true, out var a) && a != StatementAnswer.Pending ? a : null;
        var errors = new ValidationErrors().Required("reason", input.Reason, T("decisions.answer.reason")).MaxLength("reason", input.Reason, 4000, T("decisions.answer.reason_short"));
        if (answer is null) errors.Add("answer", "required", T("decisions.answer.required"));
        errors.ThrowIfAny();
        s.Answer = answer!.Value;
        s.AnswerReason = input.Reason!.Trim();
        s.AnsweredAt = db.UtcNow;
        s.AnsweredBy = me.UserName;
        await db.SaveChangesAsync();
    }

    public async Task<Stream?> OpenStatementFileAsync(Statement s)
    {
        if (s.FileSha256 is null || !blobs.Exists(s.FileSha256)) return null;
        db.AddAuditEvent("statement.file-downloaded", nameof(Statement), s.Id.ToString(CultureInfo.InvariantCulture), s.AgencyId);
        await db.SaveChangesAsync();
        return blobs.OpenRead(s.FileSha256);
    }

    public static string AnswerLabel(StatementAnswer a) => a switch
    {
        StatementAnswer.Adopted => T("decisions.answer.adopted"),
        StatementAnswer.PartlyAdopted => T("decisions.answer.partly_adopted"),
        StatementAnswer.NotAdopted => T("decisions.answer.not_adopted"),
        _ => T("decisions.answer.pending"),
    };
}
