using Zhifa.Domain.Publicity;
using Zhifa.Web.Tests.Infrastructure;
using Zhifa.Web.Tests.Scope;

namespace Zhifa.Web.Tests.Publicity;

/// <summary>The pre-disclosure routes name a list and its version: agency B's published officer list, version 1 (from the demo).</summary>
public sealed class PreDisclosureScopeProbe : IScopeProbeRecords
{
    public Task<IReadOnlyDictionary<string, string>> CreateAsync(ZhifaFactory app, int agencyBId)
        => Task.FromResult<IReadOnlyDictionary<string, string>>(new Dictionary<string, string>
        {
            ["listKey"] = PreDisclosureLists.Officers,
            ["version"] = "1",
        });
}
