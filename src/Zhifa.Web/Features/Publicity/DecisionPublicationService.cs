using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Zhifa.Data;
using Zhifa.Domain.Accounts;
using Zhifa.Domain.Cases;
using Zhifa.Domain.Common;
using Zhifa.Domain.Decisions;
using Zhifa.Domain.Documents;
using Zhifa.Domain.Publicity;
using Zhifa.Domain.Redaction;
using Zhifa.Domain.Rules;
using Zhifa.Web.Features.Calendar;
using Zhifa.Web.Features.Cases;
using Zhifa.Web.Features.Decisions;
using Zhifa.Web.Features.Documents;
using Zhifa.Web.Infrastructure;
using static Zhifa.Web.Infrastructure.UiText;
using Zhifa.Web.Infrastructure.Storage;

namespace Zhifa.Web.Features.Publicity;

public sealed record ContentInput(string? Form, string? Title, string? Violation, string? LegalBasis, string? Conclusion);
public sealed record SpanInput(int Start, int Length, string? Kind);
/// <summary>The spans the publicity officer keeps (proposed ones left ticked and ones added), confirmed on the source with that digest.</summary>
public sealed record RedactionConfirmInput(string? SourceSha256, List<SpanInput>? Spans, List<string?>? AlsoHide);
public sealed record NonDisclosureInput(string? Ground, string? Reason, string? Exception, string? ExceptionReason);
public sealed record LegalStatusInput(string? Status, string? Note, DateOnly? ChangedOn);
public sealed record WithdrawInput(string? Reason);

public sealed record TaskRow(int Id, int SeriesId, int Version, int AgencyId, string Agency, string Unit, string Title, string CaseNumber, int? CaseId,
    string Category, string CategoryLabel, string Status, string StatusLabel, DateOnly? TriggeredOn, DateOnly? DueOn, bool Overdue,
    string LegalStatus, string LegalStatusLabel, DateOnly? WithdrawalDueOn, bool WithdrawalOverdue, DateTime? PublishedAt, string Waiting);

public sealed record RedactionSpanView(int Start, int Length, string Kind, string KindLabel, string Text, string Mask, bool Proposed, bool Kept);
public sealed record RedactionView(bool HasSource, string Source, string SourceSha256, IReadOnlyList<RedactionSpanView> Spans, string Preview,
    bool Confirmed, DateTime? ConfirmedAt, string ConfirmedBy, bool SourceChanged);

public sealed record PublicationDetail(TaskRow Row, string Form, string FormLabel, string DocumentNumber, string Party, string PartyCreditCode,
    string Violation, string LegalBasis, string Conclusion, decimal? FineYuan, DateOnly? DecidedOn, DateOnly? ShownUntil,
    string? NonDisclosureGround, string NonDisclosureGroundLabel, string NonDisclosureReason, string DisclosureException, string DisclosureExceptionReason,
    string LegalStatusNote, DateOnly? LegalStatusChangedOn, DateTime? WithdrawnAt, string WithdrawalReason, bool RedactionConfirmed,
    ChainView Chain, IReadOnlyList<ApprovalView> Approvals, IReadOnlyList<VersionView> Versions, string PublicUrl);

public sealed record VersionView(int Id, int Version, string Status, string StatusLabel, DateTime CreatedAt, DateTime? PublishedAt,
    DateTime? SupersededAt, DateTime? WithdrawnAt);

/// <summary>PUB-4 … PUB-7: the publication of a case's decision, from the task created when it is made to its withdrawal.</summary>
public sealed class DecisionPublicationService(AppDbContext db, CurrentUser me, PublicationService publications, CalendarService calendar,
    BlobStore blobs, Agencies.AgencyService agencyNames, CaseService cases, Officers.OfficerService officerService, DecisionFactsService decisions,
    ProposalService proposals, DocumentService documents) : ICaseDeadlineSource
{
    private static readonly JsonSerializerOptions SpanJson = new(JsonSerializerDefaults.Web);
    private sealed record StoredSpan(int Start, int Length, RedactionKind Kind);

    /// <summary>
    /// Called with every step move: when the case reaches the step at which its decision is made, the publication task
    /// opens (once per case), due 7 or 20 working days later, with its summary prefilled from the case and redacted. A
    /// minor party's decision is proposed not to be disclosed (PUB-6).
    /// </summary>
    public async Task OpenTaskAsync(Case c)
    {
        if (c.Step != PublicationRules.DecisionStep(c.Category)) return;
        if (await db.Set<Publication>().AnyAsync(p => p.CaseId == c.Id && p.Kind == PublicationKind.Decision)) return;
        var p = new Publication
        {
            Kind = PublicationKind.Decision, AgencyId = c.AgencyId, UnitId = c.UnitId, CaseId = c.Id, Category = c.Category,
            TriggeredOn = publications.Today,
        };
        await FillFromCaseAsync(p, c);
        await publications.AddFirstVersionAsync(p);
    }

    private Task<List<Party>> PartiesAsync(int caseId) => cases.PartiesAsync(caseId);

    /// <summary>What the case knows about the people in its texts: natural persons to hide, representatives and officers to keep.</summary>
    private async Task<RedactionOptions> NamesAsync(int caseId, IReadOnlyList<Party>? parties = null)
    {
        parties ??= await PartiesAsync(caseId);
        var officers = (await officerService.OfficerNamesAsync(await cases.OfficerIdsAsync(caseId))).Values;
        var hide = parties.Where(x => x.Kind is PartyKind.NaturalPerson or PartyKind.IndividualBusiness && x.Name.Trim().Length >= 2)
            .Select(x => x.Name.Trim());
        // An 个体工商户's operator is a natural person too; the shop's registered name is public.
        return new RedactionOptions
        {
            KnownNames = [.. hide.Where(n => n.Length <= 4).Distinct()],
            // Legal representatives (seed 003 art. 16 (一)) and the officers, whose names and certificates are public (PUB-2).
            LegalRepresentatives = [.. parties.Select(x => x.LegalRepresentative.Trim()).Where(n => n.Length >= 2).Concat(officers).Distinct()],
        };
    }

    private async Task FillFromCaseAsync(Publication p, Case c)
    {
        var parties = await PartiesAsync(c.Id);
        var names = await NamesAsync(c.Id, parties);
        string Clean(string text) => text.Length == 0 ? "" : Redactor.Redact(text, names).RedactedText;
        var first = parties.FirstOrDefault();
        p.PartyDisplay = string.Join("、", parties.Select(x => PublicationRules.PartyDisplay(x.Kind, x.Name)));
        p.PartyCreditCode = first is { Kind: not PartyKind.NaturalPerson } ? first.CreditCode : "";
        p.Title = Clean(c.Title);
        p.Violation = Clean(c.Title);
        p.DecidedOn = p.TriggeredOn;
        if (first?.IsMinor == true || parties.Any(x => x.IsMinor))
        {
            p.NonDisclosureGround = NonDisclosureGround.Minor;
            p.NonDisclosureReason = T("publication.minor_reason");
        }
        var decision = await decisions.LatestDecisionAsync(c.Id);
        var proposal = await proposals.GetAsync(c.Id);
        if (decision is not null)
        {
            p.DecisionId = decision.Id;
            p.DocumentNumber = decision.Number;
            p.FineYuan = decision.FineYuan;
            p.DecidedOn = CaseService.ChinaDay(decision.IssuedAt);
        }
        else if (await DecisionDocumentAsync(c.Id, null) is { } doc)
        {
            p.DocumentNumber = doc.Number;
        }
        if (proposal is not null)
        {
            p.LegalBasis = Clean(proposal.LegalBasis);
            p.Conclusion = Clean(NoticeService.ProposedText(proposal));
            p.FineYuan ??= proposal.FineYuan;
        }
        if (p.Conclusion.Length == 0)
        {
            var note = (await cases.StepHistoryAsync(c.Id)).Where(h => h.ToStep == c.Step).MaxBy(h => h.Id)?.Note;
            p.Conclusion = Clean(note ?? "");
        }
        if (p.Conclusion.Length == 0) p.Conclusion = $"{CaseSteps.Label(c.Step)}：{Clean(c.Title)}";
    }

    /// <summary>The document whose text is published in full: the decision's own document, else the latest numbered one of the case.</summary>
    private async Task<CaseDocument?> DecisionDocumentAsync(int caseId, int? decisionId)
    {
        if (decisionId is { } id && await decisions.DecisionAsync(id) is { } d)
            return await documents.FindAsync(d.DocumentId);
        return await documents.LatestNumberedAsync(caseId);
    }

    private async Task<string?> SourceAsync(Publication p)
    {
        if (p.CaseId is not { } caseId || await DecisionDocumentAsync(caseId, p.DecisionId) is not { } doc) return null;
        await using var read = blobs.OpenRead(doc.Sha256);
        using var buffer = new MemoryStream();
        await read.CopyToAsync(buffer);
        return DocumentWord.ReadText(buffer.ToArray());
    }

    private static string Sha(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));

    private static List<StoredSpan> Stored(Publication p) => JsonSerializer.Deserialize<List<StoredSpan>>(p.RedactionSpans, SpanJson) ?? [];

    /// <summary>The case's publication deadlines (SUP-1): the publication still owed, or a withdrawal due.</summary>
    public async Task<IReadOnlyList<DeadlineView>> DeadlinesAsync(Case c)
    {
        var open = await db.Set<Publication>().AsNoTracking().Include(p => p.Approvals)
            .Where(p => p.CaseId == c.Id && p.Kind == PublicationKind.Decision
                && (p.Status == PublicationStatus.Draft || p.Status == PublicationStatus.Approving || p.Status == PublicationStatus.Published))
            .ToListAsync();
        var list = new List<DeadlineView>();
        var cal = await calendar.GetAsync();
        string? Note(DateOnly? from, DateOnly due) => from is { } f ? Domain.Calendar.StatutoryHolidays.Note(cal.YearsWithoutData(f.AddDays(1), due)) : null;
        foreach (var r in await RowsAsync(open))
        {
            if (r.DueOn is { } due && PublicationRules.IsOpen(Enum.Parse<PublicationStatus>(r.Status)) && Note(r.TriggeredOn, due) is var note)
                list.Add(new DeadlineView(T("publication.deadline.publish", r.StatusLabel), due, r.Overdue,
                    T("publication.deadline.publish_basis", PublicationRules.DueWorkingDays(c.Category)), false, note is not null, note));
            if (r.WithdrawalDueOn is { } w && Note(open.First(p => p.Id == r.Id).LegalStatusChangedOn, w) is var wnote)
                list.Add(new DeadlineView(T("publication.deadline.withdraw"), w, r.WithdrawalOverdue, T("publication.deadline.withdraw_basis"),
                    false, wnote is not null, wnote));
        }
        return list;
    }

    // ---- lists and detail ----

    public async Task<List<TaskRow>> ListAsync(int? agencyId, string? status, bool overdueOnly)
    {
        var q = db.Set<Publication>().AsNoTracking().Where(p => p.Kind == PublicationKind.Decision);
        q = await q.InScopeAsync(me, p => p.AgencyId);
        if (agencyId is { } a) q = q.Where(p => p.AgencyId == a);
        if (!string.IsNullOrWhiteSpace(status))
        {
            if (!Enum.TryParse<PublicationStatus>(status, true, out var s))
                throw new DomainValidationException("status", "invalid", T("publication.error.status_invalid"));
            q = q.Where(p => p.Status == s);
        }
        else q = q.Where(p => p.Status != PublicationStatus.Superseded);
        var list = await q.OrderByDescending(p => p.Id).Take(1000).Include(p => p.Approvals).ToListAsync();
        var rows = await RowsAsync(list);
        return overdueOnly ? rows.Where(r => r.Overdue || r.WithdrawalOverdue).ToList() : rows;
    }

    private async Task<List<TaskRow>> RowsAsync(List<Publication> list)
    {
        var calendarNow = await calendar.GetAsync();
        var today = publications.Today;
        var agencyIds = list.Select(p => p.AgencyId).Distinct().ToList();
        var (agencies, units) = await agencyNames.NamesWithUnitsAsync(agencyIds);
        var caseIds = list.Where(p => p.CaseId != null).Select(p => p.CaseId!.Value).Distinct().ToList();
        var caseNumbers = await cases.NumbersAsync(caseIds);
        var policies = new Dictionary<int, PublicationPolicy>();
        foreach (var id in agencyIds) policies[id] = await publications.PolicyAsync(id);
        return list.Select(p =>
        {
            DateOnly? due = p.TriggeredOn is { } on ? PublicationRules.DueOn(calendarNow, on, p.Category) : null;
            DateOnly? wdue = p.Status == PublicationStatus.Published && PublicationRules.NeedsWithdrawal(p.LegalStatus) && p.LegalStatusChangedOn is { } ch
                ? PublicationRules.WithdrawalDueOn(calendarNow, ch) : null;
            string waiting = p.Status switch
            {
                PublicationStatus.Draft => PublicationRules.Label(ApprovalStep.Prepared),
                PublicationStatus.Approving => PublicationRules.NextStep(PublicationRules.Chain(policies[p.AgencyId], p.Kind), p.Approvals) is { } s ? PublicationRules.Label(s) : "",
                _ => "",
            };
            return new TaskRow(p.Id, p.SeriesId, p.Version, p.AgencyId, agencies.GetValueOrDefault(p.AgencyId, ""),
                p.UnitId is { } u ? units.GetValueOrDefault(u, "") : "", p.Title, p.CaseId is { } c ? caseNumbers.GetValueOrDefault(c, "") : "", p.CaseId,
                p.Category?.ToString() ?? "", p.Category is { } cat ? CaseOpeningRules.Label(cat) : "", p.Status.ToString(), PublicationRules.Label(p.Status),
                p.TriggeredOn, due, due is { } d && PublicationRules.IsOverdue(p.Status, d, today),
                p.LegalStatus.ToString(), PublicationRules.Label(p.LegalStatus), wdue, wdue is { } w && today > w, p.PublishedAt, waiting);
        }).ToList();
    }

    public async Task<PublicationDetail> DetailAsync(Publication p)
    {
        var row = (await RowsAsync([p]))[0];
        var versions = (await publications.VersionsAsync(p.SeriesId)).Select(v => new VersionView(v.Id, v.Version, v.Status.ToString(),
            PublicationRules.Label(v.Status), v.CreatedAt, v.PublishedAt, v.SupersededAt, v.WithdrawnAt)).ToList();
        return new PublicationDetail(row, p.Form.ToString(), PublicationRules.Label(p.Form), p.DocumentNumber, p.PartyDisplay, p.PartyCreditCode,
            p.Violation, p.LegalBasis, p.Conclusion, p.FineYuan, p.DecidedOn, p.ShownUntil,
            p.NonDisclosureGround?.ToString(), p.NonDisclosureGround is { } g ? PublicationRules.Label(g) : "", p.NonDisclosureReason,
            p.DisclosureException.ToString(), p.DisclosureExceptionReason, p.LegalStatusNote, p.LegalStatusChangedOn, p.WithdrawnAt, p.WithdrawalReason,
            p.RedactionConfirmedAt is not null, await publications.ChainAsync(p), PublicationService.Approvals(p), versions,
            $"/gs/decisions/{p.SeriesId}");
    }

    // ---- preparing ----

    /// <summary>拟稿 (Draft → Draft): the owner unit's staff or the publicity officer edit the item while it is a draft.</summary>
    private async Task<Outcome<Publication>> PrepareAsync(Publication p, Func<Task> apply)
        => await publications.MoveAsync(p, await publications.FactsAsync(p), PublicationLifecycle.Draft, null, apply);

    /// <summary>What the signed-in user may not do to prepare the item, and why (for the page's disabled forms).</summary>
    public async Task<MoveCheck> CheckPrepareAsync(Publication p)
        => PublicationLifecycle.Check(await publications.FactsAsync(p), PublicationLifecycle.Draft, await me.ActorAsync());

    /// <summary>What the signed-in user may not do after publication (legal status, withdrawal), and why.</summary>
    public async Task<MoveCheck> CheckManageAsync(Publication p)
        => PublicationLifecycle.Check(await publications.FactsAsync(p), PublicationLifecycle.Withdrawn, await me.ActorAsync());

    /// <summary>Chooses summary or full text and edits the summary's fields; a change of form needs a new redaction confirmation.</summary>
    public async Task<Outcome<Publication>> SaveContentAsync(Publication p, ContentInput input)
    {
        if (await CheckPrepareAsync(p) is { IsAllowed: false } may) return Outcome<Publication>.Refused(may);
        var errors = new ValidationErrors();
        PublicationForm form = p.Form;
        if (!string.IsNullOrWhiteSpace(input.Form) && !Enum.TryParse(input.Form, true, out form))
            errors.Add("form", "invalid", T("publication.error.form_invalid"));
        string title = T("publication.field.title"), conclusion = T("publication.field.conclusion");
        errors.Required("title", input.Title, title).MaxLength("title", input.Title?.Trim(), Publication.TitleMaxLength, title)
            .MaxLength("violation", input.Violation?.Trim(), 4000, T("publication.field.violation")).MaxLength("legalBasis", input.LegalBasis?.Trim(), 4000, T("publication.field.basis"))
            .Required("conclusion", input.Conclusion, conclusion).MaxLength("conclusion", input.Conclusion?.Trim(), 4000, conclusion);
        errors.ThrowIfAny();
        // What a person typed is checked once more by the engine: a name or number slipped into a summary is hidden too.
        var names = p.CaseId is { } caseId ? await NamesAsync(caseId) : new RedactionOptions();
        string Clean(string? text) => string.IsNullOrWhiteSpace(text) ? "" : Redactor.Redact(text.Trim(), names).RedactedText;
        return await PrepareAsync(p, () =>
        {
            if (form != p.Form)
            {
                p.RedactionConfirmedAt = null;
                p.RedactionConfirmedBy = "";
                if (form == PublicationForm.Summary) p.Body = "";
            }
            p.Form = form;
            p.Title = Clean(input.Title);
            p.Violation = Clean(input.Violation);
            p.LegalBasis = Clean(input.LegalBasis);
            p.Conclusion = Clean(input.Conclusion);
            return Task.CompletedTask;
        });
    }

    /// <summary>The source text with the engine's proposals and the confirmed spans, for the person who confirms them.</summary>
    public async Task<RedactionView> RedactionAsync(Publication p)
    {
        var source = await SourceAsync(p);
        if (source is null) return new RedactionView(false, "", "", [], "", false, null, "", false);
        var sha = Sha(source);
        var proposed = Redactor.Redact(source, p.CaseId is { } caseId ? await NamesAsync(caseId) : null).Spans;
        bool confirmed = p.RedactionConfirmedAt is not null && p.SourceSha256 == sha;
        var kept = confirmed ? Stored(p) : proposed.Select(s => new StoredSpan(s.Start, s.Length, s.Kind)).ToList();
        var keptSet = kept.Select(s => (s.Start, s.Length)).ToHashSet();
        var all = proposed.Select(s => (s.Start, s.Length, s.Kind, Proposed: true))
            .Concat(kept.Where(k => !proposed.Any(s => s.Start == k.Start && s.Length == k.Length)).Select(k => (k.Start, k.Length, k.Kind, Proposed: false)))
            .OrderBy(s => s.Start).ToList();
        var preview = Redactor.Apply(source, kept.Select(k => (k.Start, k.Length, k.Kind)));
        var views = all.Select(s => new RedactionSpanView(s.Start, s.Length, s.Kind.ToString(), RedactionKinds.Label(s.Kind), source.Substring(s.Start, s.Length),
            Masks.For(s.Kind, source.Substring(s.Start, s.Length)), s.Proposed, keptSet.Contains((s.Start, s.Length)))).ToList();
        return new RedactionView(true, source, sha, views, preview.RedactedText, confirmed, confirmed ? p.RedactionConfirmedAt : null,
            confirmed ? p.RedactionConfirmedBy : "", p.RedactionConfirmedAt is not null && p.SourceSha256 != sha);
    }

    /// <summary>
    /// The publicity officer confirms the redaction (PUB-5): the spans kept, plus every occurrence of each text to hide
    /// as well. The published body is the source with exactly these applied; the confirmation is tied to the source.
    /// </summary>
    public async Task<Outcome<Publication>> ConfirmRedactionAsync(Publication p, RedactionConfirmInput input)
    {
        if (await CheckPrepareAsync(p) is { IsAllowed: false } may) return Outcome<Publication>.Refused(may);
        if (p.Form != PublicationForm.FullText)
            throw new DomainValidationException("form", "not_full_text", T("publication.error.not_full_text"));
        var source = await SourceAsync(p) ?? throw new DomainValidationException("source", "missing", T("publication.error.no_source"));
        var sha = Sha(source);
        var errors = new ValidationErrors();
        if (input.SourceSha256 != sha) errors.Add("sourceSha256", "changed", T("publication.error.source_changed"));
        var spans = new List<(int Start, int Length, RedactionKind Kind)>();
        var given = input.Spans ?? [];
        for (int i = 0; i < given.Count; i++)
        {
            if (!Enum.TryParse<RedactionKind>(given[i].Kind, true, out var kind)) errors.Add($"spans[{i}].kind", "invalid", T("publication.error.span_kind", i + 1));
            else spans.Add((given[i].Start, given[i].Length, kind));
        }
        var also = input.AlsoHide ?? [];
        for (int i = 0; i < also.Count; i++)
        {
            var text = also[i]?.Trim();
            if (string.IsNullOrEmpty(text)) continue;
            if (text.Length < 2) { errors.Add($"alsoHide[{i}]", "too_short", T("publication.error.hide_too_short", text)); continue; }
            int found = 0;
            for (int at = source.IndexOf(text, StringComparison.Ordinal); at >= 0; at = source.IndexOf(text, at + text.Length, StringComparison.Ordinal))
            {
                found++;
                // A hand-added span inside one already kept adds nothing.
                if (!spans.Any(s => s.Start <= at && at + text.Length <= s.Start + s.Length))
                {
                    spans.RemoveAll(s => at <= s.Start && s.Start + s.Length <= at + text.Length);
                    spans.Add((at, text.Length, RedactionKind.PersonName));
                }
            }
            if (found == 0) errors.Add($"alsoHide[{i}]", "not_found", T("publication.error.hide_not_found", text));
        }
        errors.ThrowIfAny();
        var result = Redactor.Apply(source, spans);
        return await PrepareAsync(p, () =>
        {
            p.Body = result.RedactedText;
            p.RedactionSpans = JsonSerializer.Serialize(result.Spans.Select(s => new StoredSpan(s.Start, s.Length, s.Kind)), SpanJson);
            p.SourceSha256 = sha;
            p.RedactionConfirmedAt = db.UtcNow;
            p.RedactionConfirmedBy = me.UserName;
            return Task.CompletedTask;
        });
    }

    /// <summary>PUB-6: proposes not to publish, with the ground and reason, or under the art. 17 exception; the chain's head approves it.</summary>
    public async Task<Outcome<Publication>> ProposeNonDisclosureAsync(Publication p, NonDisclosureInput input)
    {
        if (await CheckPrepareAsync(p) is { IsAllowed: false } may) return Outcome<Publication>.Refused(may);
        NonDisclosureGround? ground = Enum.TryParse<NonDisclosureGround>(input.Ground, true, out var g) ? g : null;
        var exception = DisclosureException.None;
        var errors = new ValidationErrors();
        if (!string.IsNullOrWhiteSpace(input.Ground) && ground is null) errors.Add("ground", "invalid", T("publication.error.ground_invalid"));
        if (!string.IsNullOrWhiteSpace(input.Exception) && !Enum.TryParse(input.Exception, true, out exception))
            errors.Add("exception", "invalid", T("publication.error.exception_invalid"));
        errors.AddRange(PublicationRules.ValidateNonDisclosure(ground, input.Reason, exception, input.ExceptionReason).Items
            .Where(e => !(e.Field == "ground" && errors.Items.Any(x => x.Field == "ground"))));
        errors.ThrowIfAny();
        return await PrepareAsync(p, () =>
        {
            p.NonDisclosureGround = ground;
            p.NonDisclosureReason = input.Reason!.Trim();
            p.DisclosureException = exception;
            p.DisclosureExceptionReason = exception == DisclosureException.None ? "" : input.ExceptionReason!.Trim();
            return Task.CompletedTask;
        });
    }

    public Task<Outcome<Publication>> ClearNonDisclosureAsync(Publication p) => PrepareAsync(p, () =>
    {
        p.NonDisclosureGround = null;
        p.NonDisclosureReason = "";
        p.DisclosureException = DisclosureException.None;
        p.DisclosureExceptionReason = "";
        return Task.CompletedTask;
    });

    // ---- after publication ----

    /// <summary>
    /// PUB-10 legal status: under 复议/诉讼 is shown beside the decision; changed, revoked or found illegal starts the
    /// 3-working-day withdrawal (PUB-7, LAW-1), counted from the day given (the day the result was received). The
    /// basis and the date's rule are conditions of the table's move (Published → Published).
    /// </summary>
    public async Task<Outcome<Publication>> SetLegalStatusAsync(Publication p, LegalStatusInput input)
    {
        if (await CheckManageAsync(p) is { Forbidden.Count: > 0 } may) return Outcome<Publication>.Refused(may.Forbidden, []);
        var errors = new ValidationErrors();
        if (!Enum.TryParse<LegalStatus>(input.Status, true, out var status))
            errors.Add("legalStatus", "invalid", T("publication.error.legal_status_invalid"));
        errors.MaxLength("note", input.Note?.Trim(), Publication.ReasonMaxLength, T("publication.field.note"));
        errors.ThrowIfAny();
        var facts = await publications.FactsAsync(p, input.Note, status, input.ChangedOn);
        return await publications.MoveAsync(p, facts, PublicationLifecycle.Published, null, () =>
        {
            p.LegalStatus = status;
            p.LegalStatusNote = input.Note?.Trim() ?? "";
            p.LegalStatusChangedOn = PublicationRules.NeedsWithdrawal(status) ? input.ChangedOn ?? publications.Today : null;
            return Task.CompletedTask;
        });
    }

    /// <summary>PUB-7: takes a published decision off the portal; the public sees the reason in place of the text.</summary>
    public async Task<Outcome<Publication>> WithdrawAsync(Publication p, WithdrawInput input)
    {
        if (await CheckManageAsync(p) is { Forbidden.Count: > 0 } may) return Outcome<Publication>.Refused(may.Forbidden, []);
        new ValidationErrors().MaxLength("reason", input.Reason?.Trim(), Publication.ReasonMaxLength, T("publication.field.withdrawal_reason")).ThrowIfAny();
        var facts = await publications.FactsAsync(p, input.Reason);
        return await publications.MoveAsync(p, facts, PublicationLifecycle.Withdrawn, null, async () =>
        {
            p.WithdrawnAt = db.UtcNow;
            p.WithdrawnBy = me.UserName;
            p.WithdrawalReason = input.Reason!.Trim();
            // Its old text leaves the portal's search in the same transaction.
            await Data.Publicity.PortalSearchIndex.SyncAsync(db, p);
        });
    }

    /// <summary>An update (PUB-7): the next version starts as a draft copy refreshed from the case; it replaces the public one on release.</summary>
    public async Task<Outcome<Publication>> NewVersionAsync(Publication p)
        => await publications.NewVersionAsync(p, async next =>
        {
            if (p.CaseId is { } caseId && (await cases.FindManyAsync([caseId])).GetValueOrDefault(caseId) is { } c)
            {
                var title = next.Title;
                await FillFromCaseAsync(next, c);
                next.Title = title;
                next.TriggeredOn = publications.Today;
            }
        });
}

/// <summary>PUB-4: a decision's publication is owed from the day it is made, so its task opens with the case's move to 决定.</summary>
public sealed class DecisionPublicationOnCaseMoved(DecisionPublicationService publications) : IDomainEventHandler<CaseMoved>
{
    public Task HandleAsync(CaseMoved e) => publications.OpenTaskAsync(e.Case);
}
