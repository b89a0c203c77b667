using Zhifa.Web.Tests.Infrastructure;
using Zhifa.Web.Tests.Scope;

namespace Zhifa.Web.Tests.Publicity;

/// <summary>The annual report routes name a year; any valid year of agency B will do for the scope test.</summary>
public sealed class AnnualReportScopeProbe : IScopeProbeRecords
{
    public Task<IReadOnlyDictionary<string, string>> CreateAsync(ZhifaFactory app, int agencyBId)
        => Task.FromResult<IReadOnlyDictionary<string, string>>(new Dictionary<string, string> { ["year"] = "2025" });
}
