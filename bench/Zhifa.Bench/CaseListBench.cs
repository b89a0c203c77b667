using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Zhifa.Data;
using Zhifa.Domain.Agencies;
using Zhifa.Domain.Cases;
using Zhifa.Domain.Matters;
using Zhifa.Web.Features.Admin;

namespace Zhifa.Bench;

/// <summary>
/// The first page of an agency's case list filtered by step, with 1,000,000 cases in the embedded database, through the
/// HTTP API on loopback: p50/p95 latency, next to the same server's /healthz as the reference.
/// </summary>
public static class CaseListBench
{
    private const int Cases = 1_000_000;
    private const int Requests = 300;
    private static readonly string[] Steps = [CaseSteps.Filed, CaseSteps.Investigation, CaseSteps.InternalReview, CaseSteps.Notice,
        CaseSteps.Statement, CaseSteps.Decided, CaseSteps.Served, CaseSteps.Closed];

    public static Task RunAsync() => BenchServer.RunAsync("cases", async (app, address) =>
    {
        var (agencyId, token) = await PrepareAsync(app.Services);
        using var client = new HttpClient { BaseAddress = address };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);

        var list = await MeasureAsync(client, $"/api/v1/cases?agencyId={agencyId}&step={CaseSteps.Investigation}&pageSize=20");
        var health = await MeasureAsync(client, "/healthz");
        Console.WriteLine($"cases: {Cases:N0} in one agency, {Steps.Length} steps; {Requests} sequential requests each");
        Console.WriteLine($"{"what",-44}{"p50 ms",10}{"p95 ms",10}");
        Console.WriteLine($"{"first page, filtered by step (20 rows)",-44}{list.P50,10:F2}{list.P95,10:F2}");
        Console.WriteLine($"{"/healthz (reference)",-44}{health.P50,10:F2}{health.P95,10:F2}");
        Console.WriteLine($"ratio list p50 / healthz p50: {list.P50 / health.P50:F1}");
    });

    private static async Task<(double P50, double P95)> MeasureAsync(HttpClient client, string url)
    {
        for (int i = 0; i < 20; i++) (await client.GetAsync(url)).EnsureSuccessStatusCode();
        var times = new List<double>(Requests);
        for (int i = 0; i < Requests; i++)
        {
            var sw = Stopwatch.StartNew();
            using var response = await client.GetAsync(url);
            await response.Content.ReadAsByteArrayAsync();
            response.EnsureSuccessStatusCode();
            times.Add(sw.Elapsed.TotalMilliseconds);
        }
        times.Sort();
        return (times[Requests / 2], times[(int)(Requests * 0.95)]);
    }

    /// <summary>One agency with a matter, then a million cases written in one transaction straight to SQLite.</summary>
    private static async Task<(int AgencyId, string Token)> PrepareAsync(IServiceProvider services)
    {
        using var scope = services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var agency = new Agency { Name = "基准测试局", ShortName = "基准", CreditCode = "11000000000000000X", Type = AgencyType.AdministrativeOrgan, Level = AgencyLevel.County };
        db.Agencies.Add(agency);
        await db.SaveChangesAsync();
        var matter = new Matter { AgencyId = agency.Id, Code = "BENCH-1", Name = "基准测试事项", Category = MatterCategory.Penalty };
        db.Matters.Add(matter);
        await db.SaveChangesAsync();

        var sw = Stopwatch.StartNew();
        await using (var conn = new SqliteConnection(db.Database.GetConnectionString()))
        {
            await conn.OpenAsync();
            await using var tx = await conn.BeginTransactionAsync();
            await using var cmd = conn.CreateCommand();
            cmd.CommandText = """
                INSERT INTO "Cases" ("AgencyId","MatterId","Category","Procedure","Number","Year","Sequence","Title","Facts","Place","Step","SeriousHarm","OpenedAt","OpenedBy")
                VALUES ($a,$m,'Penalty','General',$n,2026,$s,'基准测试案件','','',$step,0,$at,'bench')
                """;
            var a = cmd.Parameters.Add("$a", SqliteType.Integer); var m = cmd.Parameters.Add("$m", SqliteType.Integer);
            var n = cmd.Parameters.Add("$n", SqliteType.Text); var s = cmd.Parameters.Add("$s", SqliteType.Integer);
            var step = cmd.Parameters.Add("$step", SqliteType.Text); var at = cmd.Parameters.Add("$at", SqliteType.Text);
            a.Value = agency.Id;
            m.Value = matter.Id;
            var start = new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc);
            for (int i = 1; i <= Cases; i++)
            {
                n.Value = $"基准罚〔2026〕{i}号";
                s.Value = i;
                step.Value = Steps[i % Steps.Length];
                at.Value = start.AddSeconds(i * 20).ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);
                await cmd.ExecuteNonQueryAsync();
            }
            await tx.CommitAsync();
        }
        Console.WriteLine($"inserted {Cases:N0} cases in {sw.Elapsed.TotalSeconds:F1} s");
        var token = await scope.ServiceProvider.GetRequiredService<TokenService>().CreateForCliAsync("admin", "bench", null);
        return (agency.Id, token);
    }
}
