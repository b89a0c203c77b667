using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Zhifa.Domain.Common;
using Zhifa.Web.Tests.Infrastructure;
using static Zhifa.Web.Tests.Cases.CaseTestData;

namespace Zhifa.Web.Tests.Cases;

/// <summary>REC-1 集中存储: openings that name the same new party at the same moment create one party row, not several.</summary>
public sealed class PartyConcurrencyTests(ZhifaFactory app) : IClassFixture<ZhifaFactory>
{
    private const int Parallel = 24;
    private static int _serial = 300000;

    private static string NewCreditCode()
        => IdentityCodes.CompleteCreditCode("91431023MA4" + Interlocked.Increment(ref _serial).ToString("D6", CultureInfo.InvariantCulture));

    /// <summary>Inspections and licence applications alternate, so that openings of different number counters run truly side by side.</summary>
    private async Task<List<Dictionary<string, object?>>> BodiesAsync(Dictionary<string, object?> party)
    {
        var bodies = new List<Dictionary<string, object?>>();
        for (int i = 0; i < Parallel; i++)
        {
            var body = i % 2 == 0
                ? await app.PenaltyBodyAsync(category: "Inspection", matterCode: InspectionMatter)
                : await app.PenaltyBodyAsync(category: "Licensing", matterCode: "330117001000");
            body["parties"] = new[] { party };
            bodies.Add(body);
        }
        return bodies;
    }

    private async Task<List<int>> OpenAllAsync(List<Dictionary<string, object?>> bodies)
    {
        var api = await app.ApiClientAsync("handler");
        var responses = await Task.WhenAll(bodies.Select(b => api.PostAsJsonAsync("/api/v1/cases", b)));
        var bodiesText = await Task.WhenAll(responses.Select(r => r.Content.ReadAsStringAsync()));
        Assert.True(responses.All(r => r.StatusCode == HttpStatusCode.Created),
            string.Join("\n", responses.Select((r, i) => $"{(int)r.StatusCode} {bodiesText[i]}").Where(t => !t.StartsWith("201", StringComparison.Ordinal)).Distinct()));
        return bodiesText.Select(t => JsonDocument.Parse(t).RootElement.GetProperty("parties")[0].GetProperty("id").GetInt32()).ToList();
    }

    [Fact]
    public async Task Parallel_openings_naming_the_same_new_organisation_share_one_party()
    {
        var code = NewCreditCode();
        var partyIds = await OpenAllAsync(await BodiesAsync(new() { ["kind"] = "LegalPerson", ["name"] = "永兴县同时立案测试有限公司", ["creditCode"] = code, ["legalRepresentative"] = "赵某" }));
        var rows = await app.WithDbAsync(db => db.Parties.Where(p => p.CreditCode == code).Select(p => p.Id).ToListAsync());
        Assert.Single(rows);
        Assert.All(partyIds, id => Assert.Equal(rows[0], id));
        Assert.Equal(Parallel, await app.WithDbAsync(db => db.CaseParties.CountAsync(cp => cp.PartyId == rows[0])));
    }

    [Fact]
    public async Task Parallel_openings_naming_the_same_new_person_share_one_party()
    {
        var id = NewIdNumber();
        var partyIds = await OpenAllAsync(await BodiesAsync(new() { ["kind"] = "NaturalPerson", ["name"] = "孙某", ["idNumber"] = id }));
        var rows = await app.WithDbAsync(db => db.Parties.Where(p => p.IdNumber == id).Select(p => p.Id).ToListAsync());
        Assert.Single(rows);
        Assert.All(partyIds, pid => Assert.Equal(rows[0], pid));
    }

    [Fact]
    public async Task Parallel_additions_of_the_same_new_party_to_different_cases_share_one_party()
    {
        var api = await app.ApiClientAsync("handler");
        var caseIds = new List<int>();
        for (int i = 0; i < Parallel / 2; i++) caseIds.Add((await api.OpenAsync(await app.PenaltyBodyAsync(category: "Inspection", matterCode: InspectionMatter))).GetProperty("id").GetInt32());
        var code = NewCreditCode();
        var party = new { kind = "LegalPerson", name = "永兴县同时追加测试有限公司", creditCode = code, legalRepresentative = "钱某" };
        var responses = await Task.WhenAll(caseIds.Select(c => api.PostAsJsonAsync($"/api/v1/cases/{c}/parties", party)));
        Assert.All(responses, r => Assert.Equal(HttpStatusCode.Created, r.StatusCode));
        var rows = await app.WithDbAsync(db => db.Parties.Where(p => p.CreditCode == code).Select(p => p.Id).ToListAsync());
        Assert.Single(rows);
        Assert.Equal(caseIds.Count, await app.WithDbAsync(db => db.CaseParties.CountAsync(cp => cp.PartyId == rows[0])));
    }

    [Fact]
    public async Task The_database_itself_refuses_a_second_row_for_the_same_organisation()
    {
        var agencyId = await app.AgencyIdAsync();
        var code = NewCreditCode();
        var ex = await Assert.ThrowsAsync<DbUpdateException>(() => app.WithDbAsync(async db =>
        {
            db.Parties.Add(new Domain.Cases.Party { AgencyId = agencyId, Name = "甲公司", CreditCode = code });
            db.Parties.Add(new Domain.Cases.Party { AgencyId = agencyId, Name = "甲公司（重复）", CreditCode = code });
            await db.SaveChangesAsync();
        }));
        Assert.True(Data.UniqueViolations.Of(ex, Data.Cases.PartyConfiguration.UniqueCreditCodeIndex, "Parties", "AgencyId", "CreditCode"), ex.InnerException?.Message);
        // Parties without any code (e.g. written by other areas' fixtures) are not constrained.
        await app.WithDbAsync(async db =>
        {
            db.Parties.Add(new Domain.Cases.Party { AgencyId = agencyId, Name = "无代码当事人" });
            db.Parties.Add(new Domain.Cases.Party { AgencyId = agencyId, Name = "无代码当事人" });
            await db.SaveChangesAsync();
        });
    }
}
