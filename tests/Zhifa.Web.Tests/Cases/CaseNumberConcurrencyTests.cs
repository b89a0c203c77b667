using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Zhifa.Web.Tests.Infrastructure;
using static Zhifa.Web.Tests.Cases.CaseTestData;

namespace Zhifa.Web.Tests.Cases;

/// <summary>REC-1: case numbers stay unique and gap-free when many openings arrive at once.</summary>
public sealed class CaseNumberConcurrencyTests(ZhifaFactory app) : IClassFixture<ZhifaFactory>
{
    [Fact]
    public async Task Two_hundred_cases_opened_in_parallel_get_numbers_1_to_200()
    {
        var api = await app.ApiClientAsync("handler");
        // Counted from the last number already issued, so demo cases of this kind do not matter (none on a fresh start).
        int start = await app.WithDbAsync(db => db.NumberCounters.Where(n => n.Kind == "检" && n.Year == Today.Year).Select(n => n.Last).FirstOrDefaultAsync());
        var bodies = new List<Dictionary<string, object?>>();
        for (int i = 0; i < 200; i++) bodies.Add(await app.PenaltyBodyAsync(category: "Inspection", matterCode: InspectionMatter));

        var responses = await Task.WhenAll(bodies.Select(b => api.PostAsJsonAsync("/api/v1/cases", b)));
        Assert.All(responses, r => Assert.Equal(HttpStatusCode.Created, r.StatusCode));
        var numbers = new List<string>();
        foreach (var r in responses) numbers.Add((await r.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("number").GetString()!);

        var expected = Enumerable.Range(start + 1, 200).Select(n => $"永卫检〔{Today.Year}〕{n}号").ToHashSet();
        Assert.True(expected.SetEquals(numbers), "numbers: " + string.Join(" ", numbers.Order()));
        var sequences = await app.WithDbAsync(db => db.Cases.Where(c => c.Number.StartsWith("永卫检") && c.Sequence > start).Select(c => c.Sequence).ToListAsync());
        Assert.Equal(Enumerable.Range(start + 1, 200), sequences.Order());
        Assert.Equal(start + 200, await app.WithDbAsync(db => db.NumberCounters.Where(n => n.Kind == "检" && n.Year == Today.Year).Select(n => n.Last).SingleAsync()));
    }
}
