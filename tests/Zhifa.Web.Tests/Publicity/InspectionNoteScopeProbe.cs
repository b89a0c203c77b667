using System.Globalization;
using Zhifa.Domain.Publicity;
using Zhifa.Web.Tests.Infrastructure;
using Zhifa.Web.Tests.Scope;

namespace Zhifa.Web.Tests.Publicity;

/// <summary>An inspection finding sent to agency B, for the scope test of the reply route.</summary>
public sealed class InspectionNoteScopeProbe : IScopeProbeRecords
{
    public async Task<IReadOnlyDictionary<string, string>> CreateAsync(ZhifaFactory app, int agencyBId)
    {
        int id = await app.WithDbAsync(async db =>
        {
            var note = new InspectionNote { AgencyId = agencyBId, Year = 2026, Quarter = 3, Content = "抽查发现逾期公开", CreatedAt = DateTime.UtcNow, CreatedBy = "supervisor" };
            db.Add(note);
            await db.SaveChangesAsync();
            return note.Id;
        });
        return new Dictionary<string, string> { ["inspectionNoteId"] = id.ToString(CultureInfo.InvariantCulture) };
    }
}
