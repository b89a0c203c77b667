using System.Diagnostics;
using System.Globalization;
using System.Text;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Zhifa.Data;
using Zhifa.Data.Publicity;
using Zhifa.Domain.Agencies;
using Zhifa.Domain.Cases;
using Zhifa.Domain.Publicity;

namespace Zhifa.Bench;

/// <summary>
/// The public decision search (PUB-10) over 1,000,000 published decisions in the embedded database, through the real
/// server on loopback: 16 concurrent clients run a mix of two-character words, company short names and filters;
/// p50/p95 latency and throughput are printed next to the same server's static file as the reference.
/// ZHIFA_BENCH_DECISIONS sets a smaller count for a quick look.
/// </summary>
public static class PortalSearchBench
{
    private static readonly int Clients = int.TryParse(Environment.GetEnvironmentVariable("ZHIFA_BENCH_CLIENTS"), out var c) && c > 0 ? c : 16;
    private static readonly TimeSpan Phase = TimeSpan.FromSeconds(20);

    private static readonly string[] Regions = ["永兴县", "郴州市", "资兴市", "桂阳县", "宜章县", "嘉禾县", "临武县", "汝城县", "安仁县", "北湖区"];
    private const string NameChars = "鑫达华泰宏远金源恒丰瑞祥德润天成永盛博锦程新隆昌荣兴旺福康宁安和佳美嘉裕顺通利";
    private static readonly string[] Trades = ["餐饮管理", "商贸", "建材", "食品", "医药连锁", "物流", "酒店", "超市", "化工", "机械制造", "文化传媒", "农业开发"];
    private static readonly string[] Surnames = ["王", "李", "张", "刘", "陈", "杨", "黄", "赵", "周", "吴", "欧阳"];
    private static readonly string[] Violations =
    [
        "使用超过保质期的食品原料加工食品", "未取得食品经营许可从事食品经营活动", "未按规定建立并执行从业人员健康管理制度", "生产经营场所未设置消防安全标志",
        "未按规定对特种设备进行定期检验", "擅自改变医疗机构诊疗科目", "未按规定公示营业执照和许可证件", "安全生产教育和培训不到位",
        "销售不符合食品安全标准的食品", "未落实危险化学品储存安全管理制度",
    ];
    private static readonly string[] Bases =
    [
        "《中华人民共和国食品安全法》第一百二十四条", "《中华人民共和国安全生产法》第九十七条", "《中华人民共和国消防法》第六十条",
        "《医疗机构管理条例》第四十六条", "《中华人民共和国特种设备安全法》第八十四条", "《中华人民共和国行政处罚法》第二十八条",
    ];
    private static readonly string[] Places = ["经营场所", "生产车间", "仓库", "门店", "后厨", "办公区域"];

    public static Task RunAsync()
    {
        int count = int.TryParse(Environment.GetEnvironmentVariable("ZHIFA_BENCH_DECISIONS"), out var n) && n > 0 ? n : 1_000_000;
        // The static reference needs the application's wwwroot, wherever the bench is started from.
        var repo = new DirectoryInfo(AppContext.BaseDirectory);
        while (repo is not null && !File.Exists(Path.Combine(repo.FullName, "Zhifa.slnx"))) repo = repo.Parent;
        var webRoot = Path.Combine(repo?.FullName ?? ".", "src", "Zhifa.Web", "wwwroot");
        return BenchServer.RunAsync("portal", async (app, address) =>
        {
            var (agencyIds, shortNames) = await PrepareAsync(app.Services, count);
            using var client = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = Clients }) { BaseAddress = address };

            var urls = SearchMix(agencyIds, shortNames);
            var search = await LoadAsync(client, urls);
            var stat = await LoadAsync(client, [("", "/css/site.css")]);
            Console.WriteLine($"decisions: {count:N0} published; {Clients} concurrent clients, {Phase.TotalSeconds:F0} s per phase; {urls.Count} different searches");
            Console.WriteLine($"{"what",-52}{"p50 ms",9}{"p95 ms",9}{"req/s",9}");
            Console.WriteLine($"{"search mix (2-char words, short names, filters)",-52}{search.P50,9:F2}{search.P95,9:F2}{search.Rate,9:F0}");
            foreach (var (kind, r) in search.ByKind.OrderBy(k => k.Key, StringComparer.Ordinal))
                Console.WriteLine($"{"  " + kind,-52}{r.P50,9:F2}{r.P95,9:F2}");
            Console.WriteLine($"{"static file /css/site.css (reference)",-52}{stat.P50,9:F2}{stat.P95,9:F2}{stat.Rate,9:F0}");
            Console.WriteLine($"ratio search p50 / static p50: {search.P50 / stat.P50:F1}; static throughput / search throughput: {stat.Rate / search.Rate:F1}");
        }, "--webroot", webRoot);
    }

    private sealed record Load(double P50, double P95, double Rate, Dictionary<string, (double P50, double P95)> ByKind);

    private static List<(string Kind, string Url)> SearchMix(IReadOnlyList<int> agencies, IReadOnlyList<string> shortNames)
    {
        string E(string s) => Uri.EscapeDataString(s);
        var urls = new List<(string, string)>();
        foreach (var w in new[] { "罚款", "警告", "食品", "消防", "许可" }) urls.Add(("2-char word", $"/gs/api/v1/decisions?q={E(w)}"));
        foreach (var s in shortNames.Take(20)) urls.Add(("company short name (2 chars)", $"/gs/api/v1/decisions?q={E(s)}"));
        foreach (var s in shortNames.Skip(20).Take(10)) urls.Add(("short name + trade (4 chars)", $"/gs/api/v1/decisions?q={E(s + "餐饮")}"));
        foreach (var a in agencies.Take(5))
        {
            urls.Add(("word + agency + fine range", $"/gs/api/v1/decisions?q={E("罚款")}&agencyId={a}&minFine=1000&maxFine=50000"));
            urls.Add(("agency + date range, no word", $"/gs/api/v1/decisions?agencyId={a}&from=2025-03-01&to=2025-06-30"));
        }
        urls.Add(("category, page 5", "/gs/api/v1/decisions?category=Licensing&page=5"));
        urls.Add(("word + category", $"/gs/api/v1/decisions?q={E("食品")}&category=Penalty"));
        return urls;
    }

    private static async Task<Load> LoadAsync(HttpClient client, List<(string Kind, string Url)> urls)
    {
        // Warm-up: every search once, so the first compile of each statement is not counted.
        foreach (var (_, url) in urls)
        {
            using var warm = await client.GetAsync(url);
            if (!warm.IsSuccessStatusCode) throw new InvalidOperationException($"{url} answered {(int)warm.StatusCode}");
        }
        var samples = new List<(string Kind, double Ms)>[Clients];
        var sw = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, Clients).Select(async c =>
        {
            var mine = samples[c] = [];
            int i = c;
            while (sw.Elapsed < Phase)
            {
                var (kind, url) = urls[i++ % urls.Count];
                var t = Stopwatch.StartNew();
                using var response = await client.GetAsync(url);
                await response.Content.ReadAsByteArrayAsync();
                response.EnsureSuccessStatusCode();
                mine.Add((kind, t.Elapsed.TotalMilliseconds));
            }
        }));
        double seconds = sw.Elapsed.TotalSeconds;
        var all = samples.SelectMany(s => s).ToList();
        static (double, double) Pct(List<double> ms) { ms.Sort(); return (ms[ms.Count / 2], ms[Math.Min(ms.Count - 1, (int)(ms.Count * 0.95))]); }
        var (p50, p95) = Pct([.. all.Select(a => a.Ms)]);
        var byKind = all.Where(a => a.Kind.Length > 0).GroupBy(a => a.Kind).ToDictionary(g => g.Key, g => Pct([.. g.Select(a => a.Ms)]));
        return new Load(p50, p95, all.Count / seconds, byKind);
    }

    /// <summary>Ten agencies, then the decisions and their search entries written in one transaction straight to SQLite.</summary>
    private static async Task<(List<int> Agencies, List<string> ShortNames)> PrepareAsync(IServiceProvider services, int count)
    {
        using var scope = services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var agencies = new List<Agency>();
        for (int i = 0; i < 10; i++)
        {
            var a = new Agency
            {
                Name = Regions[i] + (i % 2 == 0 ? "市场监督管理局" : "应急管理局"), ShortName = "基准" + i.ToString(CultureInfo.InvariantCulture),
                CreditCode = "1100000000000000" + i.ToString("00", CultureInfo.InvariantCulture), Type = AgencyType.AdministrativeOrgan, Level = AgencyLevel.County,
            };
            db.Agencies.Add(a);
            agencies.Add(a);
        }
        await db.SaveChangesAsync();
        var shortNames = new List<string>();
        for (int i = 0; i < NameChars.Length; i++)
            for (int j = 0; j < NameChars.Length; j++)
                if (i != j) shortNames.Add($"{NameChars[i]}{NameChars[j]}");

        var sw = Stopwatch.StartNew();
        await using (var conn = new SqliteConnection(db.Database.GetConnectionString()))
        {
            await conn.OpenAsync();
            await using (var pragma = conn.CreateCommand())
            {
                pragma.CommandText = "PRAGMA synchronous=OFF; PRAGMA cache_size=-200000;";
                await pragma.ExecuteNonQueryAsync();
            }
            await using var tx = await conn.BeginTransactionAsync();
            await using var pub = conn.CreateCommand();
            pub.CommandText = """
                INSERT INTO "Publications" ("Id","SeriesId","Version","AgencyId","Kind","Status","Title","Category","TriggeredOn","Form","DocumentNumber",
                  "PartyDisplay","PartyCreditCode","Violation","LegalBasis","Conclusion","FineYuan","DecidedOn","LegalStatus","LegalStatusNote","Body",
                  "RedactionSpans","SourceSha256","RedactionConfirmedBy","ListKey","SourceDigest","AttachmentsJson","NonDisclosureReason",
                  "DisclosureException","DisclosureExceptionReason","CreatedAt","CreatedBy","PublishedAt","PublishedBy","WithdrawnBy","WithdrawalReason")
                VALUES ($id,$id,1,$agency,'Decision','Published',$title,$category,$decided,'FullText',$number,$party,'',$violation,$basis,$conclusion,$fine,
                  $decided,'InForce','',$body,'[]','','bench','','','[]','','None','',$at,'bench',$at,'bench','','')
                """;
            string[] names = ["$id", "$agency", "$title", "$category", "$decided", "$number", "$party", "$violation", "$basis", "$conclusion", "$fine", "$body", "$at"];
            var p = names.ToDictionary(x => x, x => pub.Parameters.Add(x, SqliteType.Text));
            await using var entry = conn.CreateCommand();
            entry.CommandText = """
                INSERT INTO "PortalSearchEntries" ("Id","PublicationId","SeriesId","AgencyId","Category","DecidedOn","FineFen","ShownUntil","Tokens")
                VALUES ($id,$id,$id,$agency,$category,$decided,$fen,NULL,$tokens)
                """;
            string[] enames = ["$id", "$agency", "$category", "$decided", "$fen", "$tokens"];
            var e = enames.ToDictionary(x => x, x => entry.Parameters.Add(x, SqliteType.Text));
            var start = new DateTime(2024, 1, 1, 0, 0, 0, DateTimeKind.Utc);
            // FTS5 buffers new tokens in memory up to its hash size before writing a segment; a large buffer for the bulk
            // load means fewer, larger segments to merge. Set back to the default afterwards.
            await using (var tune = conn.CreateCommand())
            {
                tune.CommandText = $"INSERT INTO \"{PortalSearchIndex.FtsTable}\"(\"{PortalSearchIndex.FtsTable}\", rank) VALUES ('hashsize', 256000000)";
                await tune.ExecuteNonQueryAsync();
            }
            // Generating the text and its tokens runs beside the inserts, on the other core.
            var channel = System.Threading.Channels.Channel.CreateBounded<(Publication P, PortalSearchEntry E)>(10_000);
            var producer = Task.Run(async () =>
            {
                var random = new Random(20261201);
                var body = new StringBuilder();
                for (int i = 1; i <= count; i++)
                {
                    var agency = agencies[random.Next(agencies.Count)];
                    var category = random.Next(10) switch { < 7 => CaseCategory.Penalty, < 9 => CaseCategory.Inspection, _ => CaseCategory.Licensing };
                    bool company = random.Next(4) > 0;
                    var party = company
                        ? $"{Regions[random.Next(Regions.Length)]}{shortNames[random.Next(shortNames.Count)]}{Trades[random.Next(Trades.Length)]}有限公司"
                        : Surnames[random.Next(Surnames.Length)] + "某";
                    var violation = Violations[random.Next(Violations.Length)];
                    var basis = Bases[random.Next(Bases.Length)];
                    decimal? fine = category == CaseCategory.Penalty && random.Next(5) > 0 ? random.Next(1, 400) * 500m : null;
                    var conclusion = fine is { } f ? $"罚款人民币{f:0}元" : category == CaseCategory.Penalty ? "警告" : "责令限期改正";
                    var decided = DateOnly.FromDateTime(start.AddMinutes(i));
                    body.Clear()
                        .Append("当事人").Append(party).Append("于").Append(decided.ToString("yyyy年M月d日", CultureInfo.InvariantCulture)).Append("在其")
                        .Append(Places[random.Next(Places.Length)]).Append(violation).Append("。上述事实有现场检查笔录、询问笔录、现场照片等证据证实。当事人的行为违反了")
                        .Append(basis).Append("的规定。本机关依法向当事人告知了拟作出处罚的事实、理由、依据及其享有的陈述、申辩权利。依据").Append(basis)
                        .Append("，决定").Append(conclusion).Append("。当事人如不服本决定，可以在收到本决定书之日起六十日内申请行政复议，或者六个月内提起行政诉讼。");
                    var publication = new Publication
                    {
                        Id = i, SeriesId = i, AgencyId = agency.Id, Kind = PublicationKind.Decision, Status = PublicationStatus.Published, Category = category,
                        Title = $"关于{party}{violation}的行政处罚决定", DocumentNumber = $"{agency.ShortName}罚〔{decided.Year}〕{i}号", PartyDisplay = party,
                        Violation = violation, LegalBasis = basis, Conclusion = conclusion, FineYuan = fine, DecidedOn = decided, Form = PublicationForm.FullText,
                        Body = body.ToString(), PublishedAt = start.AddMinutes(i),
                    };
                    await channel.Writer.WriteAsync((publication, PortalSearchEntry.For(publication)!));
                }
                channel.Writer.Complete();
            });
            int done = 0;
            await foreach (var (publication, search) in channel.Reader.ReadAllAsync())
            {
                var id = publication.Id.ToString(CultureInfo.InvariantCulture);
                var day = publication.DecidedOn!.Value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
                var category = publication.Category!.Value.ToString();
                p["$id"].Value = id; p["$agency"].Value = publication.AgencyId; p["$title"].Value = publication.Title; p["$category"].Value = category;
                p["$decided"].Value = day; p["$number"].Value = publication.DocumentNumber; p["$party"].Value = publication.PartyDisplay;
                p["$violation"].Value = publication.Violation; p["$basis"].Value = publication.LegalBasis; p["$conclusion"].Value = publication.Conclusion;
                p["$fine"].Value = publication.FineYuan is { } y ? y.ToString("0.0", CultureInfo.InvariantCulture) : DBNull.Value;
                p["$body"].Value = publication.Body;
                p["$at"].Value = publication.PublishedAt!.Value.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);
                await pub.ExecuteNonQueryAsync();
                e["$id"].Value = id; e["$agency"].Value = publication.AgencyId; e["$category"].Value = category; e["$decided"].Value = day;
                e["$fen"].Value = search.FineFen is { } fen ? fen : DBNull.Value; e["$tokens"].Value = search.Tokens;
                await entry.ExecuteNonQueryAsync();
                if (++done % 200_000 == 0) Console.WriteLine($"  {done:N0} inserted ({sw.Elapsed.TotalSeconds:F0} s)");
            }
            await producer;
            await tx.CommitAsync();
            await using var analyze = conn.CreateCommand();
            analyze.CommandText = $"INSERT INTO \"{PortalSearchIndex.FtsTable}\"(\"{PortalSearchIndex.FtsTable}\", rank) VALUES ('hashsize', 1048576); ANALYZE; PRAGMA wal_checkpoint(TRUNCATE);";
            await analyze.ExecuteNonQueryAsync();
        }
        Console.WriteLine($"inserted {count:N0} published decisions with their search entries in {sw.Elapsed.TotalSeconds:F1} s");
        return ([.. agencies.Select(a => a.Id)], shortNames);
    }
}
