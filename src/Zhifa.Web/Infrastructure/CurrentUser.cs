using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Zhifa.Data;
using Zhifa.Data.Audit;
using Zhifa.Domain.Accounts;
using Zhifa.Domain.Agencies;
using Zhifa.Domain.Rules;

namespace Zhifa.Web.Infrastructure;

/// <summary>
/// The signed-in account and the agencies it may see (ORG-4). Every query of agency data filters by
/// <see cref="CanSee"/> or <see cref="VisibleAgencyIdsAsync"/>; anything outside answers 404, never 403,
/// so that another agency's records cannot even be probed for.
/// </summary>
public sealed class CurrentUser(IHttpContextAccessor accessor, IServiceProvider services) : IAuditActor
{
    public const string AgencyClaim = "zhifa:agency";
    public const string DisplayNameClaim = "zhifa:display-name";

    private IReadOnlySet<int>? _visible;
    private bool _visibleLoaded;

    private ClaimsPrincipal? Principal => accessor.HttpContext?.User;

    public bool IsAuthenticated => Principal?.Identity?.IsAuthenticated == true;
    public int? UserId => int.TryParse(Principal?.FindFirstValue(ClaimTypes.NameIdentifier), out var id) ? id : null;
    public string UserName => Principal?.Identity?.Name ?? "anonymous";
    public string DisplayName => Principal?.FindFirstValue(DisplayNameClaim) ?? UserName;
    public int? AgencyId => int.TryParse(Principal?.FindFirstValue(AgencyClaim), out var id) ? id : null;
    public IReadOnlyList<string> Roles => Principal?.FindAll(ClaimTypes.Role).Select(c => c.Value).ToList() ?? [];

    public bool IsInRole(string role) => Principal?.IsInRole(role) == true;
    public bool IsAdministrator => IsInRole(Domain.Accounts.Roles.Administrator);
    /// <summary>The administrator of the whole deployment belongs to no agency.</summary>
    public bool IsDeploymentAdministrator => IsAdministrator && AgencyId is null;

    string IAuditActor.Name => UserName;
    int? IAuditActor.AgencyId => AgencyId;

    /// <summary>Null means every agency (the deployment administrator).</summary>
    public async Task<IReadOnlySet<int>?> VisibleAgencyIdsAsync()
    {
        if (_visibleLoaded) return _visible;
        if (!IsAuthenticated)
        {
            _visible = new HashSet<int>();
        }
        else
        {
            var db = services.GetRequiredService<AppDbContext>();
            var tree = await db.Agencies.AsNoTracking().Select(a => new { a.Id, a.ParentId }).ToListAsync();
            _visible = AgencyScope.VisibleAgencies(AgencyId, Roles, tree.Select(a => (a.Id, a.ParentId)));
        }
        _visibleLoaded = true;
        return _visible;
    }

    public async Task<bool> CanSee(int? agencyId)
    {
        var visible = await VisibleAgencyIdsAsync();
        if (visible is null) return true;
        return agencyId is not null && visible.Contains(agencyId.Value);
    }

    /// <summary>May change the agency's records: administrators within their scope.</summary>
    public async Task<bool> CanAdminister(int? agencyId) => IsAdministrator && await CanSee(agencyId);

    private Actor? _actor;

    /// <summary>The account as the lifecycle tables see it: its officer, agency, roles and the agencies it administers.</summary>
    public async Task<Actor> ActorAsync()
    {
        if (_actor is not null) return _actor;
        var db = services.GetRequiredService<AppDbContext>();
        int? officerId = UserId is { } id ? await db.Users.Where(u => u.Id == id).Select(u => u.OfficerId).FirstOrDefaultAsync() : null;
        IReadOnlySet<int> actsFor = new HashSet<int>();
        if (IsAdministrator)
            actsFor = await VisibleAgencyIdsAsync() ?? (await db.Agencies.Select(a => a.Id).ToListAsync()).ToHashSet();
        return _actor = new Actor(UserName, officerId, AgencyId, Roles.ToHashSet(), actsFor);
    }
}

public static class ScopeQueryExtensions
{
    /// <summary>Keeps the rows of agencies the user may see; the filter runs inside the database query.</summary>
    public static async Task<IQueryable<T>> InScopeAsync<T>(this IQueryable<T> query, CurrentUser user, System.Linq.Expressions.Expression<Func<T, int>> agencyOf)
    {
        var visible = await user.VisibleAgencyIdsAsync();
        if (visible is null) return query;
        var ids = visible.ToList();
        var param = agencyOf.Parameters[0];
        var contains = System.Linq.Expressions.Expression.Call(
            typeof(Enumerable), nameof(Enumerable.Contains), [typeof(int)],
            System.Linq.Expressions.Expression.Constant(ids), agencyOf.Body);
        return query.Where(System.Linq.Expressions.Expression.Lambda<Func<T, bool>>(contains, param));
    }
}

/// <summary>
/// Marks an endpoint whose data belongs to the whole deployment (the calendar, the role list) rather than to one
/// agency. The scope test exempts only endpoints that carry this or allow anonymous access.
/// </summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Method)]
public sealed class DeploymentWideAttribute : Attribute;
