namespace Zhifa.Web.Features.Agencies;

/// <summary>
/// An area whose records name a unit (officers, matters); a unit still named may not be deleted. Those areas implement
/// and register it, so the agencies area does not read their tables.
/// </summary>
public interface IUnitUsers
{
    Task<bool> UsesUnitAsync(int unitId);
}
