using Microsoft.EntityFrameworkCore;
using Zhifa.Data;
using Zhifa.Domain.Accounts;
using Zhifa.Domain.Agencies;
using Zhifa.Domain.Common;
using Zhifa.Web.Infrastructure;

namespace Zhifa.Web.Features.Agencies;

/// <summary>What an administrator enters for an agency; shared by the pages and the API.</summary>
public sealed class AgencyInput
{
    public int? ParentId { get; set; }
    public string? Name { get; set; }
    public string? ShortName { get; set; }
    public AgencyType Type { get; set; }
    public AgencyLevel Level { get; set; } = AgencyLevel.County;
    public string? CreditCode { get; set; }
    public string? Address { get; set; }
    public string? Contact { get; set; }
    /// <summary>Case number rule, e.g. {agency}{kind}〔{year}〕{seq}号; the default when empty.</summary>
    public string? CaseNumberFormat { get; set; }
}

/// <summary>The 复议机关 and court the agency's decisions name (LAW-9).</summary>
public sealed record RemediesInput(string? ReconsiderationOrgan, string? CompetentCourt);

/// <summary>The agency's remedies as set, what the rule suggests (with why) and whether the reader may change them.</summary>
public sealed record RemediesView(int AgencyId, string AgencyName, string ReconsiderationOrgan, string CompetentCourt,
    string? SuggestedReconsiderationOrgan, string ReconsiderationOrganRule, string? SuggestedCompetentCourt, string CompetentCourtRule,
    string RemediesText, bool CanChange);

/// <summary>Creates and changes agencies and their units (ORG-1); callers check scope first.</summary>
public sealed class AgencyService(AppDbContext db, CurrentUser me, IEnumerable<IUnitUsers> unitUsers)
{
    public async Task<IQueryable<Agency>> VisibleAsync()
        => await db.Agencies.Include(a => a.Units).AsQueryable().InScopeAsync(me, a => a.Id);

    public async Task<Agency?> FindVisibleAsync(int agencyId)
    {
        var agency = await db.Agencies.Include(a => a.Units).FirstOrDefaultAsync(a => a.Id == agencyId);
        return agency is not null && await me.CanSee(agency.Id) ? agency : null;
    }

    // ---- reads for the other areas (they do not read the agencies' tables themselves) ----

    /// <summary>The visible agencies with their units, by id, untracked (for filters and choices).</summary>
    public async Task<List<Agency>> VisibleListAsync()
        => await (await VisibleAsync()).AsNoTracking().OrderBy(a => a.Id).ToListAsync();

    /// <summary>Every agency by id, untracked, whatever the user may see (the caller filters).</summary>
    public async Task<List<Agency>> AllAsync() => await db.Agencies.AsNoTracking().OrderBy(a => a.Id).ToListAsync();

    /// <summary>The agency, untracked and without its units, whatever the user may see (the caller checks scope).</summary>
    public async Task<Agency?> FindAsync(int agencyId) => await db.Agencies.AsNoTracking().FirstOrDefaultAsync(a => a.Id == agencyId);

    public async Task<bool> ExistsAsync(int agencyId) => await db.Agencies.AnyAsync(a => a.Id == agencyId);

    public async Task<string?> NameAsync(int agencyId)
        => await db.Agencies.AsNoTracking().Where(a => a.Id == agencyId).Select(a => a.Name).FirstOrDefaultAsync();

    /// <summary>Agency id → name, of the given agencies or, without ids, of all.</summary>
    public async Task<Dictionary<int, string>> NamesAsync(IEnumerable<int>? agencyIds = null)
    {
        var ids = agencyIds?.Distinct().ToList();
        return await db.Agencies.AsNoTracking().Where(a => ids == null || ids.Contains(a.Id)).ToDictionaryAsync(a => a.Id, a => a.Name);
    }

    /// <summary>Agency id → short name, of all agencies.</summary>
    public async Task<Dictionary<int, string>> ShortNamesAsync() => await db.Agencies.AsNoTracking().ToDictionaryAsync(a => a.Id, a => a.ShortName);

    /// <summary>The agency's units by id, untracked.</summary>
    public async Task<List<Unit>> UnitsOfAsync(int agencyId)
        => await db.Units.AsNoTracking().Where(u => u.AgencyId == agencyId).OrderBy(u => u.Id).ToListAsync();

    /// <summary>Whether the unit is one of the agency's.</summary>
    public async Task<bool> HasUnitAsync(int agencyId, int unitId) => await db.Units.AnyAsync(u => u.Id == unitId && u.AgencyId == agencyId);

    public async Task<Unit?> FindUnitAsync(int unitId) => await db.Units.AsNoTracking().FirstOrDefaultAsync(u => u.Id == unitId);

    /// <summary>Unit id → name, of the given units.</summary>
    public async Task<Dictionary<int, string>> UnitNamesByIdAsync(IEnumerable<int> unitIds)
    {
        var ids = unitIds.Distinct().ToList();
        return await db.Units.AsNoTracking().Where(u => ids.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.Name);
    }

    /// <summary>Unit id → name, of every unit of the given agencies.</summary>
    public async Task<Dictionary<int, string>> UnitNamesAsync(IEnumerable<int> agencyIds)
    {
        var ids = agencyIds.Distinct().ToList();
        return await db.Units.AsNoTracking().Where(u => ids.Contains(u.AgencyId)).ToDictionaryAsync(u => u.Id, u => u.Name);
    }

    public async Task<Agency> CreateAsync(AgencyInput input)
    {
        var errors = await ValidateAsync(input, null);
        if (input.ParentId is null && !me.IsDeploymentAdministrator)
            errors.Add("parentId", "required", UiText.T("agencies.error.parent_required"));
        else if (input.ParentId is { } parent && !await me.CanAdminister(parent))
            errors.Add("parentId", "not_found", UiText.T("agencies.error.parent_not_found"));
        errors.ThrowIfAny();
        var agency = new Agency();
        Apply(agency, input);
        db.Agencies.Add(agency);
        await db.SaveChangesAsync();
        return agency;
    }

    public async Task UpdateAsync(Agency agency, AgencyInput input)
    {
        var errors = await ValidateAsync(input, agency.Id);
        // The parent does not change here: moving an agency in the hierarchy changes who supervises it.
        errors.ThrowIfAny();
        input.ParentId = agency.ParentId;
        Apply(agency, input);
        await db.SaveChangesAsync();
    }

    private async Task<ValidationErrors> ValidateAsync(AgencyInput input, int? selfId)
    {
        var errors = Agency.Validate(input.Name, input.ShortName, input.CreditCode, input.Address, input.Contact);
        var code = input.CreditCode?.Trim().ToUpperInvariant();
        if (!errors.Items.Any(e => e.Field == "creditCode") && await db.Agencies.AnyAsync(a => a.CreditCode == code && a.Id != selfId))
            errors.Add("creditCode", "duplicate", UiText.T("agencies.error.credit_code_duplicate"));
        if (!string.IsNullOrWhiteSpace(input.CaseNumberFormat)) errors.AddRange(Domain.Cases.CaseNumbering.Validate(input.CaseNumberFormat.Trim()).Items);
        if (!Enum.IsDefined(input.Type)) errors.Add("type", "invalid", UiText.T("agencies.error.type_invalid"));
        if (!Enum.IsDefined(input.Level)) errors.Add("level", "invalid", UiText.T("agencies.error.level_invalid"));
        return errors;
    }

    private static void Apply(Agency agency, AgencyInput input)
    {
        agency.ParentId = input.ParentId;
        agency.Name = input.Name!.Trim();
        agency.ShortName = input.ShortName!.Trim();
        agency.Type = input.Type;
        agency.Level = input.Level;
        agency.CreditCode = input.CreditCode!.Trim().ToUpperInvariant();
        agency.Address = input.Address?.Trim() ?? "";
        agency.Contact = input.Contact?.Trim() ?? "";
        agency.CaseNumberFormat = string.IsNullOrWhiteSpace(input.CaseNumberFormat) ? Domain.Cases.CaseNumbering.DefaultFormat : input.CaseNumberFormat.Trim();
    }

    /// <summary>The agency's administrators and its head set where its decisions send the party.</summary>
    public async Task<bool> MaySetRemediesAsync(Agency agency)
        => await me.CanAdminister(agency.Id) || (me.AgencyId == agency.Id && me.IsInRole(Roles.Head));

    public async Task<RemediesView> RemediesAsync(Agency agency)
    {
        var suggestion = AgencyRemedies.Suggest(agency.Name, agency.Type, agency.Level);
        return new RemediesView(agency.Id, agency.Name, agency.ReconsiderationOrgan, agency.CompetentCourt,
            suggestion.ReconsiderationOrgan, suggestion.OrganReason, suggestion.CompetentCourt, suggestion.CourtReason,
            Domain.Decisions.DecisionRules.RemediesText(agency.ReconsiderationOrgan, agency.CompetentCourt), await MaySetRemediesAsync(agency));
    }

    public async Task SaveRemediesAsync(Agency agency, RemediesInput input)
    {
        AgencyRemedies.Validate(input.ReconsiderationOrgan, input.CompetentCourt).ThrowIfAny();
        agency.ReconsiderationOrgan = input.ReconsiderationOrgan!.Trim();
        agency.CompetentCourt = input.CompetentCourt!.Trim();
        await db.SaveChangesAsync();
    }

    public async Task<Unit> AddUnitAsync(Agency agency, string? name, bool isLegalReview)
    {
        var errors = new ValidationErrors().Required("name", name, UiText.T("agencies.unit_name")).MaxLength("name", name, 100, UiText.T("agencies.unit_name"));
        if (!string.IsNullOrWhiteSpace(name) && agency.Units.Any(u => u.Name == name.Trim()))
            errors.Add("name", "duplicate", UiText.T("agencies.error.unit_duplicate"));
        errors.ThrowIfAny();
        var unit = new Unit { AgencyId = agency.Id, Name = name!.Trim() };
        agency.Units.Add(unit);
        if (isLegalReview) MakeLegalReviewUnit(agency, unit);
        await db.SaveChangesAsync();
        return unit;
    }

    public async Task RenameUnitAsync(Agency agency, Unit unit, string? name)
    {
        var errors = new ValidationErrors().Required("name", name, UiText.T("agencies.unit_name")).MaxLength("name", name, 100, UiText.T("agencies.unit_name"));
        if (!string.IsNullOrWhiteSpace(name) && agency.Units.Any(u => u.Id != unit.Id && u.Name == name.Trim()))
            errors.Add("name", "duplicate", UiText.T("agencies.error.unit_duplicate"));
        errors.ThrowIfAny();
        unit.Name = name!.Trim();
        await db.SaveChangesAsync();
    }

    /// <summary>One unit per agency is the legal-review unit (法制审核机构): choosing one clears the other.</summary>
    public async Task SetLegalReviewUnitAsync(Agency agency, Unit unit)
    {
        MakeLegalReviewUnit(agency, unit);
        await db.SaveChangesAsync();
    }

    private static void MakeLegalReviewUnit(Agency agency, Unit unit)
    {
        foreach (var u in agency.Units) u.IsLegalReviewUnit = ReferenceEquals(u, unit);
    }

    public async Task DeleteUnitAsync(Agency agency, Unit unit)
    {
        bool used = false;
        foreach (var users in unitUsers) used = used || await users.UsesUnitAsync(unit.Id);
        if (used) throw new DomainValidationException("unitId", "in_use", UiText.T("agencies.error.unit_in_use", unit.Name));
        agency.Units.Remove(unit);
        db.Units.Remove(unit);
        await db.SaveChangesAsync();
    }

    public static string TypeLabel(AgencyType type) => type switch
    {
        AgencyType.AdministrativeOrgan => UiText.T("agencies.type.administrative_organ"),
        AgencyType.AuthorizedOrganization => UiText.T("agencies.type.authorized_organization"),
        AgencyType.EntrustedOrganization => UiText.T("agencies.type.entrusted_organization"),
        _ => type.ToString(),
    };

    public static string LevelLabel(AgencyLevel level) => level switch
    {
        AgencyLevel.Province => UiText.T("agencies.level.province"),
        AgencyLevel.City => UiText.T("agencies.level.city"),
        AgencyLevel.County => UiText.T("agencies.level.county"),
        AgencyLevel.Township => UiText.T("agencies.level.township"),
        _ => level.ToString(),
    };

    public Task<string?> UnitNameAsync(int unitId) => db.Units.AsNoTracking().Where(u => u.Id == unitId).Select(u => u.Name).FirstOrDefaultAsync();

    // ---- for other areas: agency and unit names and ids, without their reading these tables ----

    /// <summary>Every agency's id and name, in the order of their ids (the public portal lists them all).</summary>
    public async Task<List<(int Id, string Name)>> AllNamesAsync()
        => [.. (await db.Agencies.AsNoTracking().OrderBy(a => a.Id).Select(a => new { a.Id, a.Name }).ToListAsync()).Select(a => (a.Id, a.Name))];

    public async Task<List<int>> AllIdsAsync() => await db.Agencies.AsNoTracking().Select(a => a.Id).ToListAsync();

    /// <summary>The agency a unit belongs to; null for an unknown unit.</summary>
    public async Task<int?> UnitAgencyAsync(int unitId) => await db.Units.AsNoTracking().Where(u => u.Id == unitId).Select(u => (int?)u.AgencyId).FirstOrDefaultAsync();

    /// <summary>The units of the given agencies, in the order of their ids.</summary>
    public async Task<List<Unit>> UnitsOfAsync(IEnumerable<int> agencyIds)
    {
        var ids = agencyIds.Distinct().ToList();
        return await db.Units.AsNoTracking().Where(u => ids.Contains(u.AgencyId)).OrderBy(u => u.Id).ToListAsync();
    }

    /// <summary>The agency's units by id and name, for other areas' forms.</summary>
    public async Task<List<(int Id, string Name)>> UnitNamesOfAsync(int agencyId)
        => (await db.Units.AsNoTracking().Where(u => u.AgencyId == agencyId).OrderBy(u => u.Id).Select(u => new { u.Id, u.Name }).ToListAsync())
            .Select(u => (u.Id, u.Name)).ToList();

    // ---- for other areas (publicity's lists and portal), so they do not read the agencies' tables ----

    /// <summary>The names of the given agencies, and of all their units, by id.</summary>
    public async Task<(Dictionary<int, string> Agencies, Dictionary<int, string> Units)> NamesWithUnitsAsync(IReadOnlyCollection<int> agencyIds)
        => (await db.Agencies.AsNoTracking().Where(a => agencyIds.Contains(a.Id)).ToDictionaryAsync(a => a.Id, a => a.Name),
            await db.Units.AsNoTracking().Where(u => agencyIds.Contains(u.AgencyId)).ToDictionaryAsync(u => u.Id, u => u.Name));

    /// <summary>One agency with its units, read only and unscoped (public data).</summary>
    public Task<Agency?> FindWithUnitsAsync(int agencyId)
        => db.Agencies.AsNoTracking().Include(a => a.Units).FirstOrDefaultAsync(a => a.Id == agencyId);
}
