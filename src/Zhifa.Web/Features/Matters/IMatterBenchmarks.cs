using Zhifa.Domain.Discretion;

namespace Zhifa.Web.Features.Matters;

/// <summary>
/// The discretion benchmark of a matter, shown on the matter's page; the discretion area implements and registers it,
/// so the matters area never calls it.
/// </summary>
public interface IMatterBenchmarks
{
    Task<DiscretionBenchmark?> FindAsync(int matterId);
}
