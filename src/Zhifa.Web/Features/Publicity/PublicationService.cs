using Microsoft.EntityFrameworkCore;
using Zhifa.Data;
using Zhifa.Domain.Accounts;
using Zhifa.Domain.Common;
using Zhifa.Domain.Publicity;
using Zhifa.Domain.Rules;
using Zhifa.Web.Features.Calendar;
using Zhifa.Web.Features.Cases;
using Zhifa.Web.Infrastructure;
using static Zhifa.Web.Infrastructure.UiText;

namespace Zhifa.Web.Features.Publicity;

public sealed record ApprovalInput(string? Note);

/// <summary>The acts of the approval chain (PUB-1).</summary>
public enum ChainAct { Submit, Approve, Return }

/// <summary>What one kind of publication (decision, pre-disclosure list, annual report) adds to the common chain.</summary>
public interface IPublicationKind
{
    PublicationKind Kind { get; }

    /// <summary>What the item still lacks before it may enter the chain; empty when it is ready.</summary>
    Task<IReadOnlyList<ValidationError>> ReadinessAsync(Publication p);

    /// <summary>The published version no longer matches the data it was made from (PUB-2 动态调整, PUB-9 stale).</summary>
    Task<bool> IsStaleAsync(Publication published) => Task.FromResult(false);
}
public sealed record PolicyInput(bool? UnitHeadCheck, bool? DeputyHeadCheck, int? ShortPeriodMonths, int? LongPeriodMonths, decimal? SmallFineYuan);

public sealed record PolicyView(int AgencyId, bool UnitHeadCheck, bool DeputyHeadCheck, int ShortPeriodMonths, int LongPeriodMonths,
    decimal SmallFineYuan, IReadOnlyList<string> DecisionChain, IReadOnlyList<string> PreDisclosureChain, bool IsDefault);

public sealed record ApprovalView(string Step, string StepLabel, string Outcome, string Note, DateTime At, string By, bool Current);

/// <summary>Where an item stands in its chain: the steps in order, which are done, and which one waits.</summary>
public sealed record ChainView(IReadOnlyList<ChainStepView> Steps, string? WaitingStep, string? WaitingLabel, string? WaitingRole);
public sealed record ChainStepView(string Step, string Label, bool Done, string By, DateTime? At, string Note);

/// <summary>
/// PUB-1: the approval chain every publication passes — prepared by the owner unit, checked as the agency's chain says,
/// signed off by the head — and what happens on release: the older version is superseded, the item goes public (or,
/// proposed not to be disclosed, is recorded as NotDisclosed). Each act is an audited change of the rows.
/// </summary>
public sealed class PublicationService(AppDbContext db, CurrentUser me, TimeProvider time, CalendarService calendar,
    IEnumerable<IPublicationKind> kinds, Decisions.DecisionFactsService decisions)
{
    private DateTime Now => time.GetUtcNow().UtcDateTime;
    public DateOnly Today => CaseService.ChinaDay(Now);

    public async Task<Publication?> FindVisibleAsync(int id)
    {
        var p = await db.Set<Publication>().Include(x => x.Approvals).FirstOrDefaultAsync(x => x.Id == id);
        return p is not null && await me.CanSee(p.AgencyId) ? p : null;
    }

    public async Task<List<Publication>> VersionsAsync(int seriesId)
        => await db.Set<Publication>().AsNoTracking().Where(x => x.SeriesId == seriesId).OrderBy(x => x.Version).ToListAsync();

    // ---- policy ----

    public async Task<PublicationPolicy> PolicyAsync(int agencyId)
        => await db.Set<PublicationPolicy>().AsNoTracking().FirstOrDefaultAsync(x => x.AgencyId == agencyId) ?? new PublicationPolicy { AgencyId = agencyId };

    public async Task<PolicyView> PolicyViewAsync(int agencyId)
    {
        bool exists = await db.Set<PublicationPolicy>().AnyAsync(x => x.AgencyId == agencyId);
        return View(await PolicyAsync(agencyId), !exists);
    }

    public static PolicyView View(PublicationPolicy p, bool isDefault) => new(p.AgencyId, p.UnitHeadCheck, p.DeputyHeadCheck, p.ShortPeriodMonths,
        p.LongPeriodMonths, p.SmallFineYuan,
        [.. PublicationRules.Chain(p, PublicationKind.Decision).Select(PublicationRules.Label)],
        [.. PublicationRules.Chain(p, PublicationKind.PreDisclosure).Select(PublicationRules.Label)], isDefault);

    /// <summary>Only the agency's administrator or head sets its chain and periods; items already in the chain follow the new chain.</summary>
    public bool MaySetPolicy(int agencyId) => (me.IsInRole(Roles.Head) && me.AgencyId == agencyId) || me.IsAdministrator;

    public async Task<PolicyView> SetPolicyAsync(int agencyId, PolicyInput input)
    {
        var p = await db.Set<PublicationPolicy>().FirstOrDefaultAsync(x => x.AgencyId == agencyId);
        var current = p ?? new PublicationPolicy { AgencyId = agencyId };
        int shortMonths = input.ShortPeriodMonths ?? current.ShortPeriodMonths, longMonths = input.LongPeriodMonths ?? current.LongPeriodMonths;
        decimal small = input.SmallFineYuan ?? current.SmallFineYuan;
        PublicationRules.ValidatePolicy(shortMonths, longMonths, small).ThrowIfAny();
        if (p is null) db.Add(p = current);
        p.UnitHeadCheck = input.UnitHeadCheck ?? p.UnitHeadCheck;
        p.DeputyHeadCheck = input.DeputyHeadCheck ?? p.DeputyHeadCheck;
        p.ShortPeriodMonths = shortMonths;
        p.LongPeriodMonths = longMonths;
        p.SmallFineYuan = small;
        p.UpdatedAt = Now;
        p.UpdatedBy = me.UserName;
        await db.SaveChangesAsync();
        return View(p, false);
    }

    // ---- creating ----

    /// <summary>Adds the first version of an item; its id becomes the series' stable id. Joins the caller's transaction if any.</summary>
    public async Task<Publication> AddFirstVersionAsync(Publication p)
    {
        await using var tx = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync() : null;
        p.Version = 1;
        p.Status = PublicationStatus.Draft; // a new item starts as a draft; every later change is a move of the table
        p.CreatedAt = Now;
        p.CreatedBy = me.UserName;
        db.Add(p);
        await db.SaveChangesAsync();
        p.SeriesId = p.Id;
        await db.SaveChangesAsync();
        if (tx is not null) await tx.CommitAsync();
        return p;
    }

    /// <summary>
    /// Starts the next version of a published item (an update, PUB-7, or a new list version, PUB-2) as a draft copy of the
    /// latest one; the published one stays public until the new one is released. Only one draft at a time.
    /// <paramref name="fill"/> refreshes the copy (from the case, from today's data) before it is saved.
    /// </summary>
    public async Task<Outcome<Publication>> NewVersionAsync(Publication from, Func<Publication, Task>? fill = null)
    {
        var versions = await VersionsAsync(from.SeriesId);
        var last = versions[^1];
        var check = await CheckNewVersionAsync(from);
        if (!check.IsAllowed) return Outcome<Publication>.Refused(check);
        var next = new Publication
        {
            SeriesId = last.SeriesId, Version = last.Version + 1, AgencyId = last.AgencyId, UnitId = last.UnitId, Kind = last.Kind,
            Status = PublicationStatus.Draft, Title = last.Title, CaseId = last.CaseId, DecisionId = last.DecisionId, Category = last.Category,
            TriggeredOn = Today, Form = last.Form, DocumentNumber = last.DocumentNumber, PartyDisplay = last.PartyDisplay,
            PartyCreditCode = last.PartyCreditCode, Violation = last.Violation, LegalBasis = last.LegalBasis, Conclusion = last.Conclusion,
            FineYuan = last.FineYuan, DecidedOn = last.DecidedOn, LegalStatus = last.LegalStatus, LegalStatusNote = last.LegalStatusNote,
            ListKey = last.ListKey, CreatedAt = Now, CreatedBy = me.UserName,
        };
        if (fill is not null) await fill(next);
        db.Add(next);
        await db.SaveChangesAsync();
        return Outcome<Publication>.Done(next);
    }

    /// <summary>For callers not yet on outcomes (the annual report): the next version, or the refusal as a validation error.</summary>
    public async Task<Publication> NewVersionAsync(Publication from)
        => OrThrow(await NewVersionAsync(from, null));

    // ---- the table ----

    /// <summary>
    /// Everything the publication table reads about <paramref name="p"/>, with the note, legal status and date the act
    /// brings (none when the act brings none).
    /// </summary>
    public async Task<PublicationFacts> FactsAsync(Publication p, string? note = null, LegalStatus? legalStatus = null, DateOnly? changedOn = null)
    {
        var chain = PublicationRules.Chain(await PolicyAsync(p.AgencyId), p.Kind);
        var current = p.Approvals.Where(a => a.Current).ToList();
        // The kind's own preparation (the decision's number, taken late in the simple procedure).
        if (kinds.FirstOrDefault(k => k.Kind == p.Kind) is { } kind && p.Kind != PublicationKind.AnnualReport) await kind.ReadinessAsync(p);
        var series = await db.Set<Publication>().AsNoTracking().Where(x => x.SeriesId == p.SeriesId)
            .Select(x => new { x.Id, x.Version, x.Status, x.PublishedAt }).ToListAsync();
        var firstPublished = series.Where(x => x.PublishedAt != null).Select(x => x.PublishedAt).Min() ?? p.PublishedAt;
        return new PublicationFacts
        {
            Kind = p.Kind, AgencyId = p.AgencyId, Title = p.Title,
            State = PublicationLifecycle.StateOf(p.Status, PublicationRules.NextStep(chain, current)),
            Chain = chain,
            SubmittedBy = p.Status == PublicationStatus.Approving ? current.LastOrDefault(a => a.Step == ApprovalStep.Prepared)?.By ?? "" : "",
            Disclosing = p.NonDisclosureGround is null || p.DisclosureException != DisclosureException.None,
            PartyShown = !string.IsNullOrWhiteSpace(p.PartyDisplay), ConclusionGiven = !string.IsNullOrWhiteSpace(p.Conclusion),
            FullText = p.Form == PublicationForm.FullText, RedactionConfirmed = p.RedactionConfirmedAt is not null,
            ListKnown = PreDisclosureLists.IsKnown(p.ListKey),
            ContentRows = p.Kind == PublicationKind.PreDisclosure ? ListContent.FromJson(p.Body)?.Sections?.Sum(x => x.Rows.Count) ?? 0 : 0,
            Note = note?.Trim() ?? "", NewLegalStatus = legalStatus ?? p.LegalStatus, ChangedOn = changedOn,
            FirstPublishedOn = firstPublished is { } f ? CaseService.ChinaDay(f) : null, Today = Today, ShownUntil = p.ShownUntil,
            OpenVersion = series.Where(x => PublicationRules.IsOpen(x.Status)).Select(x => (int?)x.Version).FirstOrDefault(),
        };
    }

    /// <summary>
    /// Makes one move of the table: checked for the signed-in user with <paramref name="facts"/>, then the version takes
    /// the move's state, <paramref name="apply"/> records what the act adds, and all is saved at once. A refusal changes nothing.
    /// </summary>
    public async Task<Outcome<Publication>> MoveAsync(Publication p, PublicationFacts facts, string to, string? act, Func<Task>? apply = null, bool asUser = true)
    {
        var check = PublicationLifecycle.Check(facts, to, asUser ? await me.ActorAsync() : null, act);
        if (!check.IsAllowed) return Outcome<Publication>.Refused(check);
        p.Status = StatusOf(to);
        if (apply is not null) await apply();
        await db.SaveChangesAsync();
        return Outcome<Publication>.Done(p);
    }

    private static PublicationStatus StatusOf(string state)
        => state.StartsWith("Approving.", StringComparison.Ordinal) ? PublicationStatus.Approving : Enum.Parse<PublicationStatus>(state);

    /// <summary>What the signed-in user may not do at a move, without the facts' conditions (for disabling a button and saying why).</summary>
    public async Task<MoveCheck> CheckAsync(Publication p, ChainAct act)
    {
        var facts = await FactsAsync(p);
        return PublicationLifecycle.Check(facts, Target(p, facts, act), await me.ActorAsync(), act == ChainAct.Approve && Target(p, facts, act) is PublicationLifecycle.Published or PublicationLifecycle.NotDisclosed ? PublicationActs.Release : null);
    }

    /// <summary>May the signed-in user start the series' next version from <paramref name="p"/>, and if not, why.</summary>
    public async Task<MoveCheck> CheckNewVersionAsync(Publication p)
        => PublicationLifecycle.Check(await FactsAsync(p), PublicationLifecycle.NextVersion, await me.ActorAsync(), PublicationActs.NewVersion);

    // ---- the chain ----

    public async Task<ChainView> ChainAsync(Publication p)
    {
        var chain = PublicationRules.Chain(await PolicyAsync(p.AgencyId), p.Kind);
        var current = p.Approvals.Where(a => a.Current).ToList();
        var prepared = current.LastOrDefault(a => a.Step == ApprovalStep.Prepared);
        var steps = new List<ChainStepView>
        {
            new(nameof(ApprovalStep.Prepared), PublicationRules.Label(ApprovalStep.Prepared), prepared is not null, prepared?.ByName ?? "", prepared?.At, prepared?.Note ?? ""),
        };
        foreach (var s in chain)
        {
            var a = current.LastOrDefault(x => x.Step == s && x.Outcome == ApprovalOutcome.Approved);
            steps.Add(new(s.ToString(), PublicationRules.Label(s), a is not null, a?.ByName ?? "", a?.At, a?.Note ?? ""));
        }
        ApprovalStep? waiting = p.Status switch
        {
            PublicationStatus.Draft => ApprovalStep.Prepared,
            PublicationStatus.Approving => PublicationRules.NextStep(chain, current),
            _ => null,
        };
        return new ChainView(steps, waiting?.ToString(), waiting is { } w ? PublicationRules.Label(w) : null,
            waiting is { } r ? Roles.Label(PublicationRules.RoleFor(r)) : null);
    }

    /// <summary>The state an act of the chain moves the version to: the chain's first step, the next one, the release, or back to the draft.</summary>
    private static string Target(Publication p, PublicationFacts f, ChainAct act)
    {
        var waiting = f.State.StartsWith("Approving.", StringComparison.Ordinal) ? Enum.Parse<ApprovalStep>(f.State["Approving.".Length..]) : (ApprovalStep?)null;
        return act switch
        {
            ChainAct.Submit => f.Chain.Count > 0 ? PublicationLifecycle.Waiting(f.Chain[0]) : PublicationLifecycle.Released(f),
            ChainAct.Return => PublicationLifecycle.Draft,
            _ => waiting is { } s ? PublicationLifecycle.After(f.Chain, s) ?? PublicationLifecycle.Released(f) : PublicationLifecycle.Released(f),
        };
    }

    /// <summary>
    /// One act of the chain (PUB-1): the owner unit submits the prepared item, the waiting step's role approves it (the
    /// head's sign-off releases it) or returns it with a reason, and the chain starts over. Every refusal is named.
    /// </summary>
    public async Task<Outcome<Publication>> ActAsync(Publication p, ChainAct act, ApprovalInput input)
    {
        new ValidationErrors().MaxLength("note", input.Note?.Trim(), Publication.ReasonMaxLength, T(act == ChainAct.Submit ? "publication.field.note" : "publication.field.opinion")).ThrowIfAny();
        var facts = await FactsAsync(p, input.Note);
        var to = Target(p, facts, act);
        var waiting = PublicationRules.NextStep(facts.Chain, p.Approvals);
        switch (act)
        {
            case ChainAct.Submit:
                // The annual report checks its own figures and year (its area's rules): what it lacks is named by field.
                if (p.Kind == PublicationKind.AnnualReport && PublicationLifecycle.Check(facts, to, await me.ActorAsync()).Forbidden.Count == 0
                    && kinds.FirstOrDefault(k => k.Kind == p.Kind) is { } kind && await kind.ReadinessAsync(p) is { Count: > 0 } problems)
                    throw new DomainValidationException(problems);
                return await MoveAsync(p, facts, to, null, () =>
                {
                    foreach (var a in p.Approvals) a.Current = false;
                    p.Approvals.Add(Record(ApprovalStep.Prepared, ApprovalOutcome.Approved, input.Note));
                    p.SubmittedAt = Now;
                    return Task.CompletedTask;
                });
            case ChainAct.Return:
                return await MoveAsync(p, facts, to, null, () =>
                {
                    p.Approvals.Add(Record(waiting!.Value, ApprovalOutcome.Returned, input.Note));
                    return Task.CompletedTask;
                });
            default:
                bool release = to is PublicationLifecycle.Published or PublicationLifecycle.NotDisclosed;
                return await MoveAsync(p, facts, to, release ? PublicationActs.Release : null, async () =>
                {
                    p.Approvals.Add(Record(waiting!.Value, ApprovalOutcome.Approved, input.Note));
                    if (p.Status == PublicationStatus.Published) await ReleaseAsync(p);
                });
        }
    }

    /// <summary>Why the signed-in user may not submit the item, or null when they may (for callers not yet on outcomes).</summary>
    public string? WhyNotSubmit(Publication p)
        => Why(PublicationLifecycle.Check(FactsAsync(p).GetAwaiter().GetResult(), PublicationLifecycle.Waiting(ApprovalStep.Head), me.ActorAsync().GetAwaiter().GetResult()));

    /// <summary>Why the signed-in user may not act at the waiting step, or null when they may (for callers not yet on outcomes).</summary>
    public async Task<string?> WhyNotApproveAsync(Publication p)
        => p.Status == PublicationStatus.Approving ? Why(await CheckAsync(p, ChainAct.Approve)) : null;

    private static string? Why(MoveCheck check) => check.Forbidden.Count == 0 ? null : string.Join("；", check.Forbidden.Select(f => f.Message));

    /// <summary>For callers not yet on outcomes (the annual report page, the demo): the act, or its refusal as a validation error.</summary>
    public async Task SubmitAsync(Publication p, ApprovalInput input) => OrThrow(await ActAsync(p, ChainAct.Submit, input));

    /// <inheritdoc cref="SubmitAsync"/>
    public async Task<ApprovalStep> ApproveAsync(Publication p, ApprovalInput input)
    {
        var step = PublicationRules.NextStep(PublicationRules.Chain(await PolicyAsync(p.AgencyId), p.Kind), p.Approvals.Where(a => a.Current));
        OrThrow(await ActAsync(p, ChainAct.Approve, input));
        return step ?? ApprovalStep.Head;
    }

    /// <inheritdoc cref="SubmitAsync"/>
    public async Task ReturnAsync(Publication p, ApprovalInput input) => OrThrow(await ActAsync(p, ChainAct.Return, input));

    private static T OrThrow<T>(Outcome<T> outcome) => outcome.Succeeded ? outcome.Value!
        : throw new DomainValidationException(outcome.Reasons.Select(r => new ValidationError(r.Field, r.Code, r.Message)).ToList());

    private PublicationApproval Record(ApprovalStep step, ApprovalOutcome outcome, string? note) => new()
    {
        Step = step, Outcome = outcome, Note = note?.Trim() ?? "", At = Now, By = me.UserName, ByName = me.DisplayName, Current = true,
    };

    /// <summary>
    /// What the release adds to the move to Published: the version it replaces is superseded (a move of its own), and a
    /// penalty gets its LAW-10 period. (A proposal not to disclose moves to NotDisclosed and keeps its ground and reason.)
    /// </summary>
    private async Task ReleaseAsync(Publication p)
    {
        var previous = await db.Set<Publication>().Include(x => x.Approvals)
            .Where(x => x.SeriesId == p.SeriesId && x.Id != p.Id && x.Status == PublicationStatus.Published).ToListAsync();
        foreach (var old in previous)
        {
            var check = PublicationLifecycle.Check(await FactsAsync(old), PublicationLifecycle.Superseded, null, PublicationActs.Supersede);
            if (!check.IsAllowed) throw new InvalidOperationException($"Version {old.Id} cannot be superseded: {check.All[0].Code}");
            old.Status = PublicationStatus.Superseded;
            old.SupersededAt = Now;
        }
        p.PublishedAt = Now;
        p.PublishedBy = me.UserName;
        if (p.Kind == PublicationKind.Decision)
        {
            var kinds = p.DecisionId is { } did
                ? Domain.Decisions.DecisionRules.ParseKinds((await decisions.DecisionAsync(did))?.PenaltyKinds ?? "")
                : [];
            p.ShownUntil = PublicationRules.ShownUntil(await PolicyAsync(p.AgencyId), p.Category, kinds, p.FineYuan, Today);
        }
        // The portal's search lists the new version and drops the superseded one in the same transaction.
        await Zhifa.Data.Publicity.PortalSearchIndex.SyncAsync(db, p);
    }

    /// <summary>LAW-10: penalties past their period leave the portal; each is an audited change. Run daily and on demand.</summary>
    public async Task<int> ExpireDueAsync()
    {
        var today = Today;
        var due = await db.Set<Publication>().Include(x => x.Approvals)
            .Where(x => x.Status == PublicationStatus.Published && x.ShownUntil != null && x.ShownUntil < today).ToListAsync();
        int expired = 0;
        foreach (var p in due)
        {
            var check = PublicationLifecycle.Check(await FactsAsync(p), PublicationLifecycle.Expired, null, PublicationActs.Expire);
            if (!check.IsAllowed) continue;
            p.Status = PublicationStatus.Expired;
            p.ExpiredAt = Now;
            await Zhifa.Data.Publicity.PortalSearchIndex.SyncAsync(db, p);
            expired++;
        }
        await db.SaveChangesAsync();
        return expired;
    }

    public async Task<DateOnly?> DueOnAsync(Publication p)
        => p.TriggeredOn is { } on ? PublicationRules.DueOn(await calendar.GetAsync(), on, p.Category) : null;

    public static List<ApprovalView> Approvals(Publication p) => [.. p.Approvals.OrderBy(a => a.Id)
        .Select(a => new ApprovalView(a.Step.ToString(), PublicationRules.Label(a.Step), a.Outcome == ApprovalOutcome.Approved ? T("publication.outcome.approved") : T("publication.outcome.returned"), a.Note, a.At, a.ByName, a.Current))];

    // ---- for the portal: publications and error reports by key, without its reading these tables ----

    /// <summary>The publications of the given ids, in no particular order and whatever their status (the caller keeps what it may show).</summary>
    public async Task<List<Publication>> ByIdsAsync(IReadOnlyCollection<int> ids)
    {
        // Inlined ids: a parameter list becomes json_each on SQLite, which the planner scans instead of using the key.
        var wanted = ids.ToList();
        return await db.Set<Publication>().AsNoTracking().Where(p => EF.Constant(wanted).Contains(p.Id)).ToListAsync();
    }

    public async Task<PublicationErrorReport?> ErrorReportAsync(int seriesId, string receipt)
        => await db.Set<PublicationErrorReport>().AsNoTracking().FirstOrDefaultAsync(x => x.ReceiptNumber == receipt && x.SeriesId == seriesId);
}

/// <summary>LAW-10: on start and every hour, penalties past their period leave the portal (each an audited change).</summary>
public sealed class HourlyPublicationExpiry(IServiceScopeFactory scopes, TimeProvider time, ILogger<HourlyPublicationExpiry> log) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromHours(1), time);
        do
        {
            try
            {
                using var scope = scopes.CreateScope();
                int expired = await scope.ServiceProvider.GetRequiredService<PublicationService>().ExpireDueAsync();
                if (expired > 0) log.LogInformation("Publication period ended for {Count} decisions", expired);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                log.LogError(ex, "Publication expiry failed; it runs again within the hour");
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
