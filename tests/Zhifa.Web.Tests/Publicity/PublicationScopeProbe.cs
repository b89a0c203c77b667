using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Zhifa.Domain.Publicity;
using Zhifa.Web.Tests.Infrastructure;
using Zhifa.Web.Tests.Scope;

namespace Zhifa.Web.Tests.Publicity;

/// <summary>A publication of agency B (the demo's decided cases each have one), for the scope test of the publication routes.</summary>
public sealed class PublicationScopeProbe : IScopeProbeRecords
{
    public async Task<IReadOnlyDictionary<string, string>> CreateAsync(ZhifaFactory app, int agencyBId)
    {
        int id = await app.WithDbAsync(db => db.Set<Publication>().Where(p => p.AgencyId == agencyBId).OrderBy(p => p.Id).Select(p => p.Id).FirstAsync());
        return new Dictionary<string, string> { ["publicationId"] = id.ToString(CultureInfo.InvariantCulture) };
    }
}
