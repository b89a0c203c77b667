using Microsoft.EntityFrameworkCore;
using Zhifa.Data;
using Zhifa.Domain.Agencies;
using Zhifa.Domain.Common;
using Zhifa.Domain.Matters;
using Zhifa.Web.Infrastructure;

namespace Zhifa.Web.Features.Matters;

/// <summary>What an administrator enters for a matter; shared by the pages and the API.</summary>
public sealed class MatterInput
{
    /// <summary>Only read when creating; a matter never moves to another agency.</summary>
    public int? AgencyId { get; set; }
    public string? Code { get; set; }
    public string? Name { get; set; }
    /// <summary>The enum name (Penalty) or the Chinese label (行政处罚).</summary>
    public string? Category { get; set; }
    public int? ResponsibleUnitId { get; set; }
    public bool RandomInspection { get; set; }
    public List<BasisInput> Bases { get; set; } = [];
}

public sealed class BasisInput
{
    public string? Law { get; set; }
    public string? Article { get; set; }
    public string? Text { get; set; }

    public bool IsBlank => string.IsNullOrWhiteSpace(Law) && string.IsNullOrWhiteSpace(Article) && string.IsNullOrWhiteSpace(Text);
}

public sealed record LegalBasisDto(int Id, string Law, string Article, string Text);

public sealed record MatterDto(int Id, int AgencyId, string Code, string Name, string Category, string CategoryLabel,
    int? ResponsibleUnitId, string? ResponsibleUnitName, bool RandomInspection, IReadOnlyList<LegalBasisDto> Bases);

public sealed record MatterPage(IReadOnlyList<MatterDto> Items, int Total, int Page, int PageSize);

/// <summary>The filters of the list; <see cref="Category"/> is an enum name or a Chinese label.</summary>
public sealed record MatterFilter(int? AgencyId = null, string? Category = null, bool? RandomInspection = null, string? Q = null, int Page = 1, int PageSize = 50);

/// <summary>Lists, creates, changes and deletes matters (ORG-6); callers check scope before calling the changing methods.</summary>
public sealed class MatterService(AppDbContext db, CurrentUser me, Agencies.AgencyService agencies)
{
    public static string DuplicateCode => UiText.T("matters.error.duplicate_code");

    public async Task<MatterPage> ListAsync(MatterFilter filter)
    {
        var query = await db.Matters.AsNoTracking().Include(m => m.Bases).InScopeAsync(me, m => m.AgencyId);
        if (filter.AgencyId is { } agencyId) query = query.Where(m => m.AgencyId == agencyId);
        if (!string.IsNullOrWhiteSpace(filter.Category))
        {
            var category = Matter.ParseCategory(filter.Category)
                ?? throw new DomainValidationException("category", "invalid", UiText.T("matters.error.category_invalid"));
            query = query.Where(m => m.Category == category);
        }
        if (filter.RandomInspection is { } flag) query = query.Where(m => m.RandomInspection == flag);
        if (!string.IsNullOrWhiteSpace(filter.Q))
        {
            var q = filter.Q.Trim();
            query = query.Where(m => m.Code.Contains(q) || m.Name.Contains(q));
        }
        int pageSize = Math.Clamp(filter.PageSize, 1, 200);
        int page = Math.Max(filter.Page, 1);
        int total = await query.CountAsync();
        var matters = await query.OrderBy(m => m.AgencyId).ThenBy(m => m.Code).Skip((page - 1) * pageSize).Take(pageSize).ToListAsync();
        var units = await UnitNamesAsync(matters.Select(m => m.AgencyId));
        return new MatterPage(matters.Select(m => ToDto(m, units)).ToList(), total, page, pageSize);
    }

    /// <summary>The matter with its bases when the user may see its agency, else null (the caller answers 404).</summary>
    public async Task<Matter?> FindVisibleAsync(int matterId)
    {
        var matter = await db.Matters.Include(m => m.Bases).FirstOrDefaultAsync(m => m.Id == matterId);
        return matter is not null && await me.CanSee(matter.AgencyId) ? matter : null;
    }

    // ---- reads for the other areas (they do not read the matters' tables themselves) ----

    /// <summary>The matters of the agencies the user may see, untracked, as a query the caller may narrow (ORG-4).</summary>
    public async Task<IQueryable<Matter>> VisibleQueryAsync() => await db.Matters.AsNoTracking().InScopeAsync(me, m => m.AgencyId);

    /// <summary>The matter, untracked, whatever the user may see; with <paramref name="agencyId"/> only if it is that agency's.</summary>
    public async Task<Matter?> FindAsync(int matterId, int? agencyId = null)
        => await db.Matters.AsNoTracking().FirstOrDefaultAsync(m => m.Id == matterId && (agencyId == null || m.AgencyId == agencyId));

    /// <summary>The agency's matters by category and code, untracked.</summary>
    public async Task<List<Matter>> OfAgencyAsync(int agencyId)
        => await db.Matters.AsNoTracking().Where(m => m.AgencyId == agencyId).OrderBy(m => m.Category).ThenBy(m => m.Code).ToListAsync();

    /// <summary>The matter's legal bases in their order, untracked.</summary>
    public async Task<List<LegalBasis>> BasesAsync(int matterId)
        => await db.LegalBases.AsNoTracking().Where(b => b.MatterId == matterId).OrderBy(b => b.Id).ToListAsync();

    public async Task<MatterDto> ToDtoAsync(Matter matter) => ToDto(matter, await UnitNamesAsync([matter.AgencyId]));

    /// <summary>Agencies the user may see, for filters and choices.</summary>
    public async Task<List<Agency>> VisibleAgenciesAsync()
        => await agencies.VisibleListAsync();

    public async Task<List<Agency>> AdministeredAgenciesAsync()
        => me.IsAdministrator ? await VisibleAgenciesAsync() : [];

    public async Task<List<Unit>> UnitsOfAsync(int agencyId)
        => await agencies.UnitsOfAsync(agencyId);

    /// <summary>Creates a matter in <paramref name="agencyId"/>, which the caller has checked the user administers.</summary>
    public async Task<Matter> CreateAsync(int agencyId, MatterInput input)
    {
        var matter = new Matter { AgencyId = agencyId };
        await ValidateAndApplyAsync(matter, input);
        db.Matters.Add(matter);
        await db.SaveChangesAsync();
        return matter;
    }

    public async Task UpdateAsync(Matter matter, MatterInput input)
    {
        await ValidateAndApplyAsync(matter, input);
        await db.SaveChangesAsync();
    }

    public async Task DeleteAsync(Matter matter)
    {
        db.Matters.Remove(matter);
        await db.SaveChangesAsync();
    }

    private async Task ValidateAndApplyAsync(Matter matter, MatterInput input)
    {
        var bases = input.Bases.Select(b => new LegalBasis { Law = b.Law?.Trim() ?? "", Article = b.Article?.Trim() ?? "", Text = b.Text?.Trim() ?? "" }).ToList();
        var code = input.Code?.Trim() ?? "";
        var errors = Matter.Validate(code, input.Name, bases);
        var category = Matter.ParseCategory(input.Category);
        if (string.IsNullOrWhiteSpace(input.Category)) errors.Add("category", "required", UiText.T("matters.error.category_required"));
        else if (category is null) errors.Add("category", "invalid", UiText.T("matters.error.category_invalid"));
        if (input.ResponsibleUnitId is { } unitId && !await agencies.HasUnitAsync(matter.AgencyId, unitId))
            errors.Add("responsibleUnitId", "not_found", UiText.T("matters.error.unit_not_in_agency"));
        if (code.Length > 0 && await db.Matters.AnyAsync(m => m.AgencyId == matter.AgencyId && m.Code == code && m.Id != matter.Id))
            errors.Add("code", "duplicate", DuplicateCode);
        errors.ThrowIfAny();

        matter.Code = code;
        matter.Name = input.Name!.Trim();
        matter.Category = category!.Value;
        matter.ResponsibleUnitId = input.ResponsibleUnitId;
        matter.RandomInspection = input.RandomInspection;
        if (!SameBases(matter.Bases, bases))
        {
            matter.Bases.Clear();
            matter.Bases.AddRange(bases);
        }
    }

    /// <summary>Bases are replaced only when they differ, so an unchanged save leaves no audit noise.</summary>
    public static bool SameBases(IReadOnlyList<LegalBasis> stored, IReadOnlyList<LegalBasis> given)
        => stored.Count == given.Count
           && stored.OrderBy(b => b.Id).Zip(given).All(p => p.First.Law == p.Second.Law && p.First.Article == p.Second.Article && p.First.Text == p.Second.Text);

    private Task<Dictionary<int, string>> UnitNamesAsync(IEnumerable<int> agencyIds) => agencies.UnitNamesAsync(agencyIds);

    public static MatterDto ToDto(Matter m, IReadOnlyDictionary<int, string> unitNames)
        => new(m.Id, m.AgencyId, m.Code, m.Name, m.Category.ToString(), Matter.Label(m.Category), m.ResponsibleUnitId,
            m.ResponsibleUnitId is { } u && unitNames.TryGetValue(u, out var n) ? n : null, m.RandomInspection,
            m.Bases.OrderBy(b => b.Id).Select(b => new LegalBasisDto(b.Id, b.Law, b.Article, b.Text)).ToList());

    /// <summary>The unit a matter belongs to (the 承办股室 of a case without its own unit).</summary>
    public Task<int?> ResponsibleUnitIdAsync(int matterId)
        => db.Matters.AsNoTracking().Where(m => m.Id == matterId).Select(m => m.ResponsibleUnitId).FirstOrDefaultAsync();

    /// <summary>The unit responsible for each given matter (null when none is set).</summary>
    public async Task<Dictionary<int, int?>> ResponsibleUnitsAsync(IEnumerable<int> matterIds)
    {
        var ids = matterIds.Distinct().ToList();
        return await db.Matters.AsNoTracking().Where(m => ids.Contains(m.Id)).ToDictionaryAsync(m => m.Id, m => m.ResponsibleUnitId);
    }

    public async Task<Dictionary<int, string>> NamesAsync(IEnumerable<int> matterIds)
    {
        var ids = matterIds.Distinct().ToList();
        return await db.Matters.AsNoTracking().Where(m => ids.Contains(m.Id)).ToDictionaryAsync(m => m.Id, m => m.Name);
    }

    /// <summary>The agency's matters with their legal bases, untracked (for the published lists of 事前公开).</summary>
    public async Task<List<Matter>> OfAgencyWithBasesAsync(int agencyId)
        => await db.Matters.AsNoTracking().Include(m => m.Bases).Where(m => m.AgencyId == agencyId).ToListAsync();
}

/// <summary>A unit responsible for matters may not be deleted (<see cref="Agencies.IUnitUsers"/>).</summary>
public sealed class MattersOfUnit(AppDbContext db) : Agencies.IUnitUsers
{
    public async Task<bool> UsesUnitAsync(int unitId) => await db.Matters.AnyAsync(m => m.ResponsibleUnitId == unitId);

}
