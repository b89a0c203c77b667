using Microsoft.EntityFrameworkCore;
using Zhifa.Data;
using Zhifa.Data.Cases;
using Zhifa.Domain.Accounts;
using Zhifa.Domain.Cases;
using Zhifa.Domain.Common;
using Zhifa.Domain.Matters;
using Zhifa.Domain.Officers;
using Zhifa.Domain.Rules;
using Zhifa.Web.Infrastructure;
using static Zhifa.Web.Infrastructure.UiText;

namespace Zhifa.Web.Features.Cases;

/// <summary>What a handler enters to open a case (REC-1); shared by the page and the API.</summary>
public sealed class CaseOpenInput
{
    /// <summary>Defaults to the user's own agency.</summary>
    public int? AgencyId { get; set; }
    /// <summary>Penalty / 处罚, Coercion / 强制, Inspection / 检查, Licensing / 许可, Expropriation / 征收征用, Confirmation / 确认.</summary>
    public string? Category { get; set; }
    /// <summary>Simple / 简易, General / 普通: penalties only.</summary>
    public string? Procedure { get; set; }
    public int? MatterId { get; set; }
    public int? UnitId { get; set; }
    /// <summary>案由.</summary>
    public string? Title { get; set; }
    public string? Facts { get; set; }
    public string? Place { get; set; }
    /// <summary>The day the act happened or, for a continuing act, ended (LAW-2); required of penalties.</summary>
    public DateOnly? ActEndedOn { get; set; }
    public bool SeriousHarm { get; set; }
    public List<PartyInput> Parties { get; set; } = [];
    /// <summary>At least two officers of the agency; the first is the lead handler.</summary>
    public List<int> OfficerIds { get; set; } = [];
    /// <summary>SUP-4: the complaint this case is opened from; it is linked and marked 已转立案 with the opening.</summary>
    public int? ComplaintId { get; set; }
}

public sealed record CaseFilter(int? AgencyId = null, string? Step = null, string? Category = null, int? OfficerId = null, string? Q = null,
    int? Year = null, int Page = 1, int PageSize = 20, int? Before = null);

public sealed record CaseSummaryDto(int Id, int AgencyId, string Number, string Category, string CategoryLabel, string ProcedureLabel,
    string Title, string Step, string StepLabel, DateTime OpenedAt, IReadOnlyList<string> PartyNames);

/// <summary>A page of the list; <see cref="NextBefore"/> continues it by key (before=) without counting what was skipped.</summary>
public sealed record CasePage(IReadOnlyList<CaseSummaryDto> Items, int Page, int PageSize, bool HasMore, int? NextBefore);

public sealed record PartyDto(int Id, int AgencyId, string Kind, string KindLabel, string Name, string IdNumber, string CreditCode,
    string LegalRepresentative, string Address, string Phone, bool IsMinor, bool Masked);

/// <summary>An officer of the case; <see cref="RecusedAt"/> is set once the head granted their recusal (已回避, 行政处罚法第四十三条).</summary>
public sealed record CaseOfficerDto(int OfficerId, string Name, bool IsLead, string CertificateStatus, string CertificateStatusLabel, DateTime? RecusedAt = null)
{
    public bool Recused => RecusedAt is not null;
}

/// <summary>One more officer for an open case.</summary>
public sealed record CaseOfficerInput(int? OfficerId);

public sealed record CaseStepDto(string FromStep, string ToStep, string ToStepLabel, DateTime At, string By, string Place, string Note);

public sealed record NamedRef(int Id, string Name, string? Code = null);

public sealed record CaseDto(int Id, int AgencyId, string AgencyName, string Number, string Category, string CategoryLabel, string Procedure,
    string ProcedureLabel, NamedRef Matter, NamedRef? Unit, string Title, string Facts, string Place, DateOnly? ActEndedOn, bool SeriousHarm,
    string Step, string StepLabel, DateTime OpenedAt, DateOnly OpenedOn, string OpenedBy, IReadOnlyList<PartyDto> Parties,
    IReadOnlyList<CaseOfficerDto> Officers, IReadOnlyList<CaseStepDto> History);

public sealed record PartyCasesDto(PartyDto Party, IReadOnlyList<CaseSummaryDto> Cases);

/// <summary>
/// Opening and reading cases and parties (REC-1). Callers answer 404 for records outside the user's scope before
/// calling; the service checks roles for opening and adding parties and the rules of the domain.
/// </summary>
public sealed class CaseService(AppDbContext db, CurrentUser me, TimeProvider time, DomainEvents events,
    Agencies.AgencyService agencyService, Matters.MatterService matterService, Officers.OfficerService officerService)
{
    /// <summary>On SQLite the number is read and written by one opening at a time; the file has one writer anyway.</summary>
    private static readonly SemaphoreSlim SqliteNumberLock = new(1, 1);

    public static readonly IReadOnlyList<string> OpeningRoles = [Roles.Handler, Roles.UnitHead, Roles.Head, Roles.Administrator];

    /// <summary>Dates of cases are Chinese calendar days, whatever the server's zone.</summary>
    public DateOnly Today => DateOnly.FromDateTime(Display.ToChina(time.GetUtcNow().UtcDateTime));

    public static DateOnly ChinaDay(DateTime utc) => DateOnly.FromDateTime(Display.ToChina(utc));

    public bool MayOpenCases => OpeningRoles.Any(me.IsInRole);

    /// <summary>Opens cases for its own agency; an administrator also for the agencies it administers.</summary>
    public async Task<bool> MayOpenForAsync(int agencyId)
        => MayOpenCases && (me.AgencyId == agencyId || await me.CanAdminister(agencyId));

    public static string StepLabel(string step) => CaseSteps.Label(step);

    // ---- opening -------------------------------------------------------------------------------------------------

    /// <summary>
    /// Checks everything and opens the case with the next number; a refused opening changes nothing.
    /// <paramref name="alsoInTransaction"/> runs after the case is saved and before the opening commits, and so do the
    /// handlers of <see cref="CaseOpened"/> (e.g. SUP-4 links the complaint it came from); what they save or throw
    /// commits or rolls back with the case.
    /// </summary>
    public async Task<Case> OpenAsync(int agencyId, CaseOpenInput input, Func<Case, Task>? alsoInTransaction = null)
    {
        var also = alsoInTransaction;
        alsoInTransaction = async k =>
        {
            if (also is not null) await also(k);
            await events.PublishAsync(new CaseOpened(k, input.ComplaintId));
        };
        var day = Today;
        var errors = new ValidationErrors();
        var (category, procedure) = CaseOpeningRules.CheckCategory(input.Category, input.Procedure, errors);

        var matter = input.MatterId is { } mid ? await matterService.FindAsync(mid, agencyId) : null;
        CaseOpeningRules.CheckMatter(category, matter, errors);
        if (input.UnitId is { } uid && !await agencyService.HasUnitAsync(agencyId, uid))
            errors.Add("unitId", "unknown", T("cases.form.unit_unknown"));

        var title = input.Title?.Trim();
        errors.Required("title", title, T("cases.form.field.title")).MaxLength("title", title, 200, T("cases.form.field.title"))
            .MaxLength("facts", input.Facts?.Trim(), 8000, T("cases.form.field.facts"))
            .MaxLength("place", input.Place?.Trim(), 200, T("cases.form.field.place"));
        CaseOpeningRules.CheckLimitation(category, input.ActEndedOn, input.SeriousHarm, day, errors);

        var parties = CheckParties(input.Parties, day, errors);

        var requested = input.OfficerIds ?? [];
        var ids = requested.Distinct().ToList();
        var officers = await officerService.WithCertificatesAsync(ids, agencyId);
        CaseOpeningRules.CheckOfficers(requested, officers.Select(o => OfficerOnDay.Of(o, day)).ToList(), errors);
        errors.ThrowIfAny();

        var now = time.GetUtcNow().UtcDateTime;
        // REC-2: each category starts at its own first step (立案, 检查启动, 审批, 受理).
        var step = CaseSteps.Initial(category!.Value);
        // A fresh case for each attempt, so that a retried save starts from nothing the failed one touched.
        Case NewCase() => new()
        {
            AgencyId = agencyId, UnitId = input.UnitId, MatterId = matter!.Id, Category = category!.Value, Procedure = procedure,
            Title = title!, Facts = input.Facts?.Trim() ?? "", Place = input.Place?.Trim() ?? "", Step = step,
            ActEndedOn = input.ActEndedOn, SeriousHarm = input.SeriousHarm, OpenedAt = now, OpenedBy = me.UserName, Year = day.Year,
            Officers = ids.Select((id, i) => new CaseOfficer { OfficerId = id, IsLead = i == 0 }).ToList(),
            History = [new CaseStepRecord { FromStep = "", ToStep = step, At = now, By = me.UserName, Place = input.Place?.Trim() ?? "", Note = CaseSteps.Label(step) }],
        };

        bool sqlite = db.Database.IsSqlite();
        if (sqlite) await SqliteNumberLock.WaitAsync();
        try
        {
            // Inside the lock (SQLite) so that two openings naming the same new party create it once; on PostgreSQL
            // the unique party indexes refuse the second insert and the retry links the row the other opening made.
            return await RetryOnPartyRaceAsync(async () =>
            {
                var c = NewCase();
                var linked = await ResolvePartiesAsync(agencyId, parties);
                var dup = new ValidationErrors();
                CaseOpeningRules.CheckDuplicate(c.Category, await SameActCasesAsync(agencyId, matter!.Id, input.ActEndedOn, linked), dup);
                dup.ThrowIfAny();
                c.Parties = linked.Select(p => p.Id == 0 ? new CaseParty { Party = p } : new CaseParty { PartyId = p.Id }).ToList();
                await NumberAndSaveAsync(c, sqlite, alsoInTransaction);
                return c;
            });
        }
        catch
        {
            db.ChangeTracker.Clear();
            throw;
        }
        finally
        {
            if (sqlite) SqliteNumberLock.Release();
        }
    }

    /// <summary>
    /// 集中存储 under concurrency: when another request inserted the same new party between this one's lookup and its
    /// save, the unique index refuses the save (rolling back its case number too) and one retry finds that party's row.
    /// </summary>
    private async Task<T> RetryOnPartyRaceAsync<T>(Func<Task<T>> attempt)
    {
        try
        {
            return await attempt();
        }
        catch (DbUpdateException ex) when (IsPartyRace(ex))
        {
            db.ChangeTracker.Clear();
            return await attempt();
        }
    }

    private static bool IsPartyRace(DbUpdateException ex)
        => UniqueViolations.Of(ex, PartyConfiguration.UniqueCreditCodeIndex, "Parties", nameof(Party.AgencyId), nameof(Party.CreditCode))
           || UniqueViolations.Of(ex, PartyConfiguration.UniqueIdNumberIndex, "Parties", nameof(Party.AgencyId), nameof(Party.IdNumber));

    private static List<Party> CheckParties(IReadOnlyList<PartyInput>? inputs, DateOnly day, ValidationErrors errors)
    {
        var list = new List<Party>();
        var given = inputs ?? [];
        for (int i = 0; i < given.Count; i++)
        {
            if (given[i] is null || given[i].IsBlank()) continue;
            var p = PartyRules.Check(given[i], day, $"parties[{i}].", errors);
            if (p is null) continue;
            if (list.Any(x => PartyRules.IdentityKey(x) == PartyRules.IdentityKey(p)))
                errors.Add($"parties[{i}].name", "duplicate", T("cases.form.party_duplicate", p.Name));
            else list.Add(p);
        }
        if (given.All(p => p is null || p.IsBlank())) errors.Add("parties", "required", T("cases.form.party_required"));
        return list;
    }

    /// <summary>集中存储: the agency's existing row for the same person or organisation is reused; a new one is created otherwise.</summary>
    private async Task<List<Party>> ResolvePartiesAsync(int agencyId, List<Party> parties)
    {
        var result = new List<Party>();
        foreach (var p in parties)
        {
            var (credit, id) = PartyRules.IdentityKey(p);
            Party? existing = credit is not null
                ? await db.Parties.FirstOrDefaultAsync(x => x.AgencyId == agencyId && x.CreditCode == credit)
                : id is not null ? await db.Parties.FirstOrDefaultAsync(x => x.AgencyId == agencyId && x.IdNumber == id && x.CreditCode == "") : null;
            if (existing is not null) { result.Add(existing); continue; }
            // A copy, so that the checked input stays untouched by a save that may fail and be retried.
            result.Add(new Party
            {
                AgencyId = agencyId, Kind = p.Kind, Name = p.Name, IdNumber = p.IdNumber, CreditCode = p.CreditCode,
                LegalRepresentative = p.LegalRepresentative, Address = p.Address, Phone = p.Phone, IsMinor = p.IsMinor,
            });
        }
        return result;
    }

    /// <summary>Penalty cases of the agency for the same matter, party and day the act ended (一事不再罚).</summary>
    private async Task<List<string>> SameActCasesAsync(int agencyId, int matterId, DateOnly? actEndedOn, List<Party> parties)
    {
        var partyIds = parties.Where(p => p.Id != 0).Select(p => p.Id).ToList();
        if (partyIds.Count == 0 || actEndedOn is null) return [];
        return await db.Cases.AsNoTracking()
            .Where(c => c.AgencyId == agencyId && c.Category == CaseCategory.Penalty && c.MatterId == matterId && c.ActEndedOn == actEndedOn
                        && c.Parties.Any(cp => partyIds.Contains(cp.PartyId)))
            .OrderBy(c => c.Id).Select(c => c.Number).ToListAsync();
    }

    /// <summary>
    /// REC-1: the counter of (agency, kind, year) is incremented in the transaction that inserts the case, so a number
    /// is issued only with its case: unique and gap-free, also under concurrent openings.
    /// </summary>
    private async Task NumberAndSaveAsync(Case c, bool sqlite, Func<Case, Task>? alsoInTransaction)
    {
        var agency = await agencyService.FindAsync(c.AgencyId) ?? throw new InvalidOperationException("agency " + c.AgencyId + " not found");
        var kind = CaseNumbering.KindOf(c.Category);
        if (sqlite)
        {
            // The process lock held by the caller serialises openings; SaveChanges writes counter and case in one transaction
            // (an explicit one only when another change has to join it).
            await using var own = alsoInTransaction is null ? null : await db.Database.BeginTransactionAsync();
            var counter = await db.NumberCounters.FirstOrDefaultAsync(n => n.AgencyId == c.AgencyId && n.Kind == kind && n.Year == c.Year);
            if (counter is null) db.NumberCounters.Add(counter = new NumberCounter { AgencyId = c.AgencyId, Kind = kind, Year = c.Year });
            counter.Last++;
            Assign(c, agency, counter.Last);
            db.Cases.Add(c);
            await db.SaveChangesAsync();
            if (own is not null)
            {
                await alsoInTransaction!(c);
                await own.CommitAsync();
            }
            return;
        }

        await using var tx = await db.Database.BeginTransactionAsync();
        // The row lock taken by the upsert makes a concurrent opening wait until this transaction ends.
        var last = await db.Database.SqlQueryRaw<int>(
            """
            INSERT INTO "NumberCounters" ("AgencyId", "Kind", "Year", "Last") VALUES ({0}, {1}, {2}, 1)
            ON CONFLICT ("AgencyId", "Kind", "Year") DO UPDATE SET "Last" = "NumberCounters"."Last" + 1
            RETURNING "Last" AS "Value"
            """, c.AgencyId, kind, c.Year).ToListAsync();
        Assign(c, agency, last.Single());
        db.Cases.Add(c);
        await db.SaveChangesAsync();
        if (alsoInTransaction is not null) await alsoInTransaction(c);
        await tx.CommitAsync();
    }

    private static void Assign(Case c, Domain.Agencies.Agency agency, int sequence)
    {
        c.Sequence = sequence;
        var format = string.IsNullOrWhiteSpace(agency.CaseNumberFormat) ? CaseNumbering.DefaultFormat : agency.CaseNumberFormat;
        c.Number = CaseNumbering.Format(format, agency.ShortName, c.Category, c.Year, sequence);
    }

    /// <summary>Adds a party to a case already open; the same person or organisation twice is refused.</summary>
    public async Task<Party> AddPartyAsync(Case c, PartyInput input)
    {
        var errors = new ValidationErrors();
        var party = PartyRules.Check(input ?? new PartyInput(), Today, "", errors);
        errors.ThrowIfAny();
        return await RetryOnPartyRaceAsync(async () =>
        {
            var resolved = (await ResolvePartiesAsync(c.AgencyId, [party!]))[0];
            if (resolved.Id != 0 && await db.CaseParties.AnyAsync(cp => cp.CaseId == c.Id && cp.PartyId == resolved.Id))
                throw new DomainValidationException("name", "duplicate", T("cases.party.already_in_case", resolved.Name));
            db.CaseParties.Add(resolved.Id == 0 ? new CaseParty { CaseId = c.Id, Party = resolved } : new CaseParty { CaseId = c.Id, PartyId = resolved.Id });
            await db.SaveChangesAsync();
            return resolved;
        });
    }

    /// <summary>
    /// Assigns one more officer to a case still open, with the certificate check of the opening (行政处罚法第四十二条): an
    /// officer of the agency in post; one whose recusal from the case was granted is refused (第四十三条). A refused
    /// assignment changes nothing.
    /// </summary>
    public async Task<CaseOfficer> AddOfficerAsync(Case c, CaseOfficerInput input)
    {
        var step = await db.Cases.AsNoTracking().Where(x => x.Id == c.Id).Select(x => x.Step).SingleAsync();
        if (step is CaseSteps.Closed or CaseSteps.Archived)
            throw new DomainValidationException("officerId", "step.wrong", Messages.Get("officer.add.closed"));
        if (input.OfficerId is not { } officerId) throw new DomainValidationException("officerId", "required", Messages.Get("officer.add.required"));
        var officer = (await OfficersOfAsync(c.AgencyId)).FirstOrDefault(o => o.Id == officerId);
        var link = await db.CaseOfficers.AsNoTracking().FirstOrDefaultAsync(o => o.CaseId == c.Id && o.OfficerId == officerId);
        var errors = new ValidationErrors();
        CaseOpeningRules.CheckAddedOfficer(officer is null ? null : OfficerOnDay.Of(officer, Today), link is not null, link?.RecusedAt is not null, errors);
        errors.ThrowIfAny();
        var added = new CaseOfficer { CaseId = c.Id, OfficerId = officerId };
        db.CaseOfficers.Add(added);
        await db.SaveChangesAsync();
        return added;
    }

    /// <summary>
    /// 行政处罚法第四十三条: takes an officer whose recusal the head granted off the case, marking the row 已回避 (kept as
    /// history); the caller's save commits it with the recusal decision. Nothing happens for someone not handling the case.
    /// </summary>
    public static async Task MarkRecusedAsync(AppDbContext db, int caseId, int officerId, DateTime at)
    {
        if (await db.CaseOfficers.FirstOrDefaultAsync(o => o.CaseId == caseId && o.OfficerId == officerId && o.RecusedAt == null) is { } handler)
            handler.RecusedAt = at;
    }

    /// <summary>
    /// 行政处罚法第三十条: the natural-person parties of a penalty case with their age on the day of the act (the day
    /// it ended for a continuing act; the opening day for a case recorded without it, the latest day the act can have been).
    /// </summary>
    /// <summary>The kinds of the case's parties.</summary>
    public static async Task<List<PartyKind>> PartyKindsAsync(AppDbContext db, int caseId)
        => await db.CaseParties.AsNoTracking().Where(x => x.CaseId == caseId).Select(x => x.Party!.Kind).ToListAsync();

    public static async Task<IReadOnlyList<PartyAge>> PartyAgesAsync(AppDbContext db, Case c)
    {
        if (c.Category != CaseCategory.Penalty) return [];
        var parties = await db.CaseParties.AsNoTracking().Where(x => x.CaseId == c.Id).OrderBy(x => x.Id).Select(x => x.Party!).ToListAsync();
        return MinorParties.Of(parties, c.ActEndedOn ?? ChinaDay(c.OpenedAt));
    }

    // ---- reading ---------------------------------------------------------------------------------------------------

    // ---- reads for the other areas (they do not read the cases' tables themselves) ----

    /// <summary>The case, untracked, whatever the user may see (the caller checks scope).</summary>
    public async Task<Case?> FindAsync(int caseId) => await db.Cases.AsNoTracking().FirstOrDefaultAsync(x => x.Id == caseId);

    /// <summary>The cases of the agencies the user may see, untracked, as a query the caller may narrow (ORG-4).</summary>
    public async Task<IQueryable<Case>> VisibleQueryAsync() => await db.Cases.AsNoTracking().InScopeAsync(me, c => c.AgencyId);

    /// <summary>The step the case is at in the database now.</summary>
    public async Task<string> StepAsync(int caseId) => await db.Cases.AsNoTracking().Where(x => x.Id == caseId).Select(x => x.Step).SingleAsync();

    public async Task<string> NumberAsync(int caseId) => await db.Cases.AsNoTracking().Where(x => x.Id == caseId).Select(x => x.Number).SingleAsync();

    /// <summary>Case id → number.</summary>
    public async Task<Dictionary<int, string>> NumbersAsync(IEnumerable<int> caseIds)
    {
        var ids = caseIds.Distinct().ToList();
        return await db.Cases.AsNoTracking().Where(c => ids.Contains(c.Id)).ToDictionaryAsync(c => c.Id, c => c.Number);
    }

    /// <summary>
    /// The officers who are or were on the case, the lead first; <paramref name="withoutRecused"/> leaves out those whose
    /// recusal was granted.
    /// </summary>
    public async Task<List<int>> OfficerIdsAsync(int caseId, bool withoutRecused = false)
        => await db.CaseOfficers.AsNoTracking().Where(o => o.CaseId == caseId && (!withoutRecused || o.RecusedAt == null))
            .OrderByDescending(o => o.IsLead).ThenBy(o => o.Id).Select(o => o.OfficerId).ToListAsync();

    /// <summary>The officers handling the case now, the lead first: one whose recusal was granted no longer is (行政处罚法第四十三条).</summary>
    public async Task<List<int>> HandlerIdsAsync(int caseId)
        => await db.CaseOfficers.AsNoTracking().Where(o => o.CaseId == caseId && o.RecusedAt == null)
            .OrderByDescending(o => o.IsLead).ThenBy(o => o.Id).Select(o => o.OfficerId).ToListAsync();

    public async Task<bool> IsCaseOfficerAsync(int caseId, int officerId) => await db.CaseOfficers.AnyAsync(o => o.CaseId == caseId && o.OfficerId == officerId);

    /// <summary>
    /// SQLite (one writer, the caller holds its lock): the next number of the (agency, kind, year) counter, moved in the
    /// caller's unit of work so that it is saved, or rolled back, with the numbered row.
    /// </summary>
    public async Task<int> NextNumberAsync(int agencyId, string kind, int year)
    {
        var counter = await db.NumberCounters.FirstOrDefaultAsync(n => n.AgencyId == agencyId && n.Kind == kind && n.Year == year);
        if (counter is null) db.NumberCounters.Add(counter = new NumberCounter { AgencyId = agencyId, Kind = kind, Year = year, Last = 1 });
        else counter.Last++;
        return counter.Last;
    }

    /// <summary>When the case first moved to <paramref name="step"/>; null if it never did.</summary>
    public async Task<DateTime?> ReachedAtAsync(int caseId, string step)
        => await db.CaseSteps.AsNoTracking().Where(h => h.CaseId == caseId && h.ToStep == step).OrderBy(h => h.At).Select(h => (DateTime?)h.At).FirstOrDefaultAsync();

    /// <summary>The rows that belong to the case (its parties' and officers' links, its steps), by entity name, for its audit trail.</summary>
    public async Task<List<(string Type, int Id)>> RowsOfAsync(int caseId)
    {
        var rows = new List<(string Type, int Id)>();
        rows.AddRange((await db.CaseParties.Where(p => p.CaseId == caseId).Select(p => p.Id).ToListAsync()).Select(id => ("CaseParty", id)));
        rows.AddRange((await db.CaseOfficers.Where(o => o.CaseId == caseId).Select(o => o.Id).ToListAsync()).Select(id => ("CaseOfficer", id)));
        rows.AddRange((await db.CaseSteps.Where(h => h.CaseId == caseId).Select(h => h.Id).ToListAsync()).Select(id => ("CaseStepRecord", id)));
        return rows;
    }

    /// <summary>The case's parties in the order they were added, untracked.</summary>
    public async Task<List<Party>> PartiesAsync(int caseId)
        => await db.CaseParties.AsNoTracking().Where(p => p.CaseId == caseId).OrderBy(p => p.Id).Select(p => p.Party!).ToListAsync();

    /// <summary>Case id → number and unit, for lists that name them.</summary>
    public async Task<Dictionary<int, (string Number, int? UnitId)>> NumbersAndUnitsAsync(IEnumerable<int> caseIds)
    {
        var ids = caseIds.Distinct().ToList();
        return (await db.Cases.AsNoTracking().Where(c => ids.Contains(c.Id)).Select(c => new { c.Id, c.Number, c.UnitId }).ToListAsync())
            .ToDictionary(c => c.Id, c => (c.Number, c.UnitId));
    }

    /// <summary>
    /// For supervision (REC-5): the moves of cases to one of <paramref name="steps"/>, in the given agencies (all when
    /// null) or the one agency, at most <paramref name="take"/>.
    /// </summary>
    public async Task<List<PassedStepRow>> PassedStepsAsync(IReadOnlyCollection<string> steps, IReadOnlySet<int>? agencyIds, int? agencyId, int take)
        => (await (from h in db.CaseSteps.AsNoTracking()
                   where steps.Contains(h.ToStep)
                   join c in db.Cases on h.CaseId equals c.Id
                   where (agencyIds == null || agencyIds.Contains(c.AgencyId)) && (agencyId == null || c.AgencyId == agencyId)
                   select new { c.Id, c.Number, c.Category, c.UnitId, h.ToStep, h.At, h.By }).Take(take).ToListAsync())
            .Select(x => new PassedStepRow(x.Id, x.Number, x.Category, x.UnitId, x.ToStep, x.At, x.By)).ToList();

    /// <summary>The case's steps as they happened, in order of entry.</summary>
    public async Task<List<CaseStepRecord>> HistoryAsync(int caseId)
        => await db.CaseSteps.AsNoTracking().Where(h => h.CaseId == caseId).OrderBy(h => h.Id).ToListAsync();

    public async Task<Case?> FindVisibleAsync(int caseId)
    {
        var c = await db.Cases.AsNoTracking().FirstOrDefaultAsync(x => x.Id == caseId);
        return c is not null && await me.CanSee(c.AgencyId) ? c : null;
    }

    public async Task<Party?> FindVisiblePartyAsync(int partyId)
    {
        var p = await db.Parties.AsNoTracking().FirstOrDefaultAsync(x => x.Id == partyId);
        return p is not null && await me.CanSee(p.AgencyId) ? p : null;
    }

    /// <summary>May change the case: its agency's openers (handlers, unit heads, heads) or an administrator of it.</summary>
    public async Task<bool> MayChangeAsync(Case c) => await MayOpenForAsync(c.AgencyId);

    public async Task<CasePage> ListAsync(CaseFilter f)
    {
        var errors = new ValidationErrors();
        CaseCategory? category = null;
        if (!string.IsNullOrWhiteSpace(f.Category) && (category = CaseOpeningRules.ParseCategory(f.Category)) is null)
            errors.Add("category", "invalid", T("cases.list.category_invalid"));
        if (f.Page < 1) errors.Add("page", "out_of_range", T("cases.list.page_out_of_range"));
        if (f.PageSize is < 1 or > 200) errors.Add("pageSize", "out_of_range", T("cases.list.page_size_out_of_range"));
        errors.ThrowIfAny();

        var q = await db.Cases.AsNoTracking().InScopeAsync(me, c => c.AgencyId);
        if (f.AgencyId is { } aid) q = q.Where(c => c.AgencyId == aid);
        if (!string.IsNullOrWhiteSpace(f.Step)) { var s = f.Step.Trim(); q = q.Where(c => c.Step == s); }
        if (category is { } cat) q = q.Where(c => c.Category == cat);
        if (f.OfficerId is { } oid) q = q.Where(c => c.Officers.Any(o => o.OfficerId == oid));
        if (f.Year is { } y) q = q.Where(c => c.Year == y);
        if (!string.IsNullOrWhiteSpace(f.Q))
        {
            var text = f.Q.Trim();
            var code = PartyRules.NormalizeCode(text);
            q = q.Where(c => c.Parties.Any(cp => cp.Party!.Name.Contains(text) || cp.Party.IdNumber == code || cp.Party.CreditCode == code)
                             || c.Number.Contains(text));
        }
        // Newest first by id: the (AgencyId, Step, Id) index serves the usual filtered first page; a terminal continues
        // with before= (keyset), which stays as fast on the last page as on the first.
        q = q.OrderByDescending(c => c.Id);
        if (f.Before is { } before) q = q.Where(c => c.Id < before);
        else if (f.Page > 1) q = q.Skip((f.Page - 1) * f.PageSize);
        var rows = await q.Take(f.PageSize + 1).ToListAsync();
        bool more = rows.Count > f.PageSize;
        if (more) rows.RemoveAt(rows.Count - 1);
        return new CasePage(await SummariesAsync(rows), f.Page, f.PageSize, more, more ? rows[^1].Id : null);
    }

    private async Task<List<CaseSummaryDto>> SummariesAsync(List<Case> rows)
    {
        var ids = rows.Select(r => r.Id).ToList();
        var names = (await db.CaseParties.AsNoTracking().Where(cp => ids.Contains(cp.CaseId)).OrderBy(cp => cp.Id)
                .Select(cp => new { cp.CaseId, cp.Party!.Name }).ToListAsync())
            .ToLookup(x => x.CaseId, x => x.Name);
        return rows.Select(c => new CaseSummaryDto(c.Id, c.AgencyId, c.Number, c.Category.ToString(), CaseOpeningRules.Label(c.Category),
            CaseOpeningRules.Label(c.Procedure), c.Title, c.Step, StepLabel(c.Step), c.OpenedAt, names[c.Id].ToList())).ToList();
    }

    /// <summary>The officer the signed-in account belongs to, if any.</summary>
    private async Task<int?> MyOfficerIdAsync()
        => me.UserId is { } uid ? await db.Users.Where(u => u.Id == uid).Select(u => u.OfficerId).FirstOrDefaultAsync() : null;

    /// <summary>SEC-3: full ID numbers and phones only for administrators and the handlers of one of the party's cases.</summary>
    private async Task<HashSet<int>> PartiesShownInFullAsync(IReadOnlyCollection<int> partyIds)
    {
        if (me.IsAdministrator) return partyIds.ToHashSet();
        if (await MyOfficerIdAsync() is not { } officerId) return [];
        return (await db.CaseParties.AsNoTracking()
                .Where(cp => partyIds.Contains(cp.PartyId) && db.CaseOfficers.Any(co => co.CaseId == cp.CaseId && co.OfficerId == officerId))
                .Select(cp => cp.PartyId).Distinct().ToListAsync())
            .ToHashSet();
    }

    public static PartyDto ToDto(Party p, bool full)
        => new(p.Id, p.AgencyId, p.Kind.ToString(), PartyRules.Label(p.Kind), p.Name, full ? p.IdNumber : PartyRules.Mask(p.IdNumber), p.CreditCode,
            p.LegalRepresentative, p.Address, full ? p.Phone : PartyRules.Mask(p.Phone), p.IsMinor, !full);

    public async Task<CaseDto> ToDtoAsync(Case c)
    {
        var agency = await agencyService.NameAsync(c.AgencyId) ?? throw new InvalidOperationException("agency " + c.AgencyId + " not found");
        var matter = await matterService.FindAsync(c.MatterId) is { } m ? new NamedRef(m.Id, m.Name, m.Code) : throw new InvalidOperationException("matter " + c.MatterId + " not found");
        var unit = c.UnitId is { } uid && await agencyService.FindUnitAsync(uid) is { } u ? new NamedRef(u.Id, u.Name, null) : null;
        var parties = await db.CaseParties.AsNoTracking().Where(cp => cp.CaseId == c.Id).OrderBy(cp => cp.Id).Select(cp => cp.Party!).ToListAsync();
        var links = await db.CaseOfficers.AsNoTracking().Where(o => o.CaseId == c.Id).OrderByDescending(o => o.IsLead).ThenBy(o => o.Id).ToListAsync();
        var officerIds = links.Select(l => l.OfficerId).ToList();
        var officers = (await officerService.WithCertificatesAsync(officerIds)).ToDictionary(o => o.Id);
        var history = await db.CaseSteps.AsNoTracking().Where(h => h.CaseId == c.Id).OrderBy(h => h.At).ThenBy(h => h.Id).ToListAsync();
        var openedOn = ChinaDay(c.OpenedAt);

        bool full = me.IsAdministrator || (await MyOfficerIdAsync() is { } mine && links.Any(l => l.OfficerId == mine && l.RecusedAt == null));
        return new CaseDto(c.Id, c.AgencyId, agency, c.Number, c.Category.ToString(), CaseOpeningRules.Label(c.Category), c.Procedure.ToString(),
            CaseOpeningRules.Label(c.Procedure), matter, unit, c.Title, c.Facts, c.Place, c.ActEndedOn, c.SeriousHarm, c.Step, StepLabel(c.Step),
            c.OpenedAt, openedOn, c.OpenedBy,
            parties.Select(p => ToDto(p, full)).ToList(),
            links.Select(l =>
            {
                var o = officers[l.OfficerId];
                var status = o.Certificates.Count == 0 ? null : (CertificateStatus?)StaffingMetrics.OfficerStatus(o, openedOn);
                return new CaseOfficerDto(o.Id, o.Name, l.IsLead, status?.ToString() ?? "None", status is { } s ? Certificate.Label(s) : T("cases.officer.no_certificate"), l.RecusedAt);
            }).ToList(),
            history.Select(h => new CaseStepDto(h.FromStep, h.ToStep, StepLabel(h.ToStep), h.At, h.By, h.Place, h.Note)).ToList());
    }

    public async Task<List<PartyDto>> SearchPartiesAsync(string? text, int? agencyId = null)
    {
        if (string.IsNullOrWhiteSpace(text)) return [];
        var t = text.Trim();
        var code = PartyRules.NormalizeCode(t);
        var q = await db.Parties.AsNoTracking().InScopeAsync(me, p => p.AgencyId);
        if (agencyId is { } aid) q = q.Where(p => p.AgencyId == aid);
        var rows = await q.Where(p => p.Name.Contains(t) || p.IdNumber == code || p.CreditCode == code).OrderBy(p => p.Name).ThenBy(p => p.Id).Take(100).ToListAsync();
        var full = await PartiesShownInFullAsync(rows.Select(r => r.Id).ToList());
        return rows.Select(p => ToDto(p, full.Contains(p.Id))).ToList();
    }

    /// <summary>集中存储: one party with all its cases.</summary>
    public async Task<PartyCasesDto> PartyWithCasesAsync(Party p)
    {
        var full = await PartiesShownInFullAsync([p.Id]);
        var cases = await db.Cases.AsNoTracking().Where(c => c.Parties.Any(cp => cp.PartyId == p.Id)).OrderByDescending(c => c.Id).ToListAsync();
        return new PartyCasesDto(ToDto(p, full.Contains(p.Id)), await SummariesAsync(cases));
    }

    // ---- choices for the form ----------------------------------------------------------------------------------------

    public async Task<List<Matter>> MattersOfAsync(int agencyId)
        => await matterService.OfAgencyAsync(agencyId);

    public async Task<List<Officer>> OfficersOfAsync(int agencyId)
        => await officerService.OfAgencyAsync(agencyId, activeOnly: true);

    public async Task<List<Officer>> VisibleOfficersAsync()
        => await officerService.ActiveVisibleAsync();

    public async Task<List<Domain.Agencies.Unit>> UnitsOfAsync(int agencyId)
        => await agencyService.UnitsOfAsync(agencyId);

    public async Task<List<Domain.Agencies.Agency>> VisibleAgenciesAsync()
        => await agencyService.VisibleListAsync();

    // ---- reads for the areas above (legal review) ----

    public async Task<IReadOnlyList<string>> PartyNamesAsync(int caseId)
        => await db.CaseParties.AsNoTracking().Where(p => p.CaseId == caseId).OrderBy(p => p.Id).Select(p => p.Party!.Name).ToListAsync();

    public async Task<IReadOnlyList<PartyKind>> PartyKindsAsync(int caseId)
        => await db.CaseParties.AsNoTracking().Where(p => p.CaseId == caseId).Select(p => p.Party!.Kind).ToListAsync();

    /// <summary>The case's moves from step to step, oldest first.</summary>
    public async Task<IReadOnlyList<CaseStepRecord>> StepHistoryAsync(int caseId)
        => await db.CaseSteps.AsNoTracking().Where(h => h.CaseId == caseId).OrderBy(h => h.At).ThenBy(h => h.Id).ToListAsync();

    /// <summary>The cases with these ids (the caller has scoped the ids already).</summary>
    public async Task<Dictionary<int, Case>> FindManyAsync(IEnumerable<int> caseIds)
    {
        var ids = caseIds.Distinct().ToList();
        return await db.Cases.AsNoTracking().Where(c => ids.Contains(c.Id)).ToDictionaryAsync(c => c.Id);
    }

    /// <summary>The matter of each given case, for the areas that attribute a case to its matter's unit.</summary>
    public async Task<Dictionary<int, int>> MatterIdsAsync(IReadOnlyCollection<int> caseIds)
    {
        var ids = caseIds.ToList();
        return await db.Cases.AsNoTracking().Where(c => ids.Contains(c.Id)).ToDictionaryAsync(c => c.Id, c => c.MatterId);
    }

    /// <summary>The category of each case an agency opened between two instants (for the annual report).</summary>
    public async Task<List<CaseCategory>> CategoriesOpenedAsync(int agencyId, DateTime start, DateTime end)
        => await db.Cases.AsNoTracking().Where(c => c.AgencyId == agencyId && c.OpenedAt >= start && c.OpenedAt < end).Select(c => c.Category).ToListAsync();

    /// <summary>The numbers of the given cases, for other areas' lists that name the case.</summary>
    public async Task<Dictionary<int, string>> NumbersAsync(IReadOnlyCollection<int> caseIds)
        => await db.Cases.AsNoTracking().Where(c => caseIds.Contains(c.Id)).ToDictionaryAsync(c => c.Id, c => c.Number);

    /// <summary>When each case last moved to 结案 (UTC), for the retention of its records; open cases are absent.</summary>
    public async Task<Dictionary<int, DateTime>> ClosedAtAsync(int? caseId = null, CancellationToken ct = default)
        => await db.CaseSteps.AsNoTracking().Where(h => h.ToStep == CaseSteps.Closed && (caseId == null || h.CaseId == caseId))
            .GroupBy(h => h.CaseId).Select(g => new { g.Key, At = g.Max(h => h.At) }).ToDictionaryAsync(x => x.Key, x => x.At, ct);
}

/// <summary>A case's move to a step, as supervision lists it.</summary>
public sealed record PassedStepRow(int CaseId, string Number, CaseCategory Category, int? UnitId, string ToStep, DateTime At, string By);
