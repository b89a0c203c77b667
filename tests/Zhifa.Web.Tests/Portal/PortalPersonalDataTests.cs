using System.Text.Json;
using Zhifa.Domain.Cases;
using Zhifa.Domain.Publicity;
using Zhifa.Domain.Redaction;
using Zhifa.Web.Tests.Infrastructure;
using static Zhifa.Web.Tests.Portal.PortalTestData;

namespace Zhifa.Web.Tests.Portal;

/// <summary>
/// PUB-5/PUB-10: decisions whose source is full of personal data are published (text redacted, the party shown by
/// surname), the raw data also sits in columns the public never sees; then every portal output is scanned for it.
/// </summary>
public sealed class PortalPersonalDataTests(ZhifaFactory app) : IClassFixture<ZhifaFactory>
{
    private static readonly string[] Secrets =
    [
        "王建国", "430481198807154315", "13907351234", "0735-5223456", "永兴县便江镇解放路 18 号 3 栋 502 室", "6222021905001234567",
        "李秀英", "430481199203087726",
    ];

    private const string Source = """
        当事人：王建国，男，身份证号码430481198807154315，住址：永兴县便江镇解放路 18 号 3 栋 502 室，联系电话13907351234。
        经查，当事人王建国于 2026 年 3 月在其经营的餐馆内使用过期食品原料，证人李秀英（身份证号 430481199203087726，电话 0735-5223456）
        证实。违法所得已转入当事人账户 6222021905001234567。依据《中华人民共和国食品安全法》第一百二十四条，决定处以罚款人民币伍仟元。
        """;

    [Fact]
    public async Task No_portal_output_holds_the_personal_data_of_the_sources()
    {
        var redacted = Redactor.Redact(Source, new RedactionOptions { KnownNames = ["王建国", "李秀英"] });
        foreach (var s in Secrets.Where(s => s != "永兴县便江镇解放路 18 号 3 栋 502 室"))
            Assert.DoesNotContain(s, redacted.RedactedText, StringComparison.Ordinal);
        var spans = JsonSerializer.Serialize(redacted.Spans.Select(s => new { kind = s.Kind.ToString(), s.Start, s.Length, s.Text }));
        var v1 = await PublishAsync(app, Health, x =>
        {
            x.Title = "关于王某使用过期食品原料的行政处罚决定";
            x.PartyDisplay = PublicationRules.PartyDisplay(PartyKind.NaturalPerson, "王建国");
            x.Violation = "使用超过保质期的食品原料";
            x.Conclusion = "罚款人民币伍仟元";
            x.FineYuan = 5000m;
            x.Body = redacted.RedactedText;
            x.RedactionSpans = spans;
            x.NonDisclosureReason = string.Join("；", Secrets);
            x.LegalStatusNote = "王建国 13907351234";
            x.RedactionConfirmedBy = "王建国";
        });
        // A second version, and a withdrawn decision, so that older versions and withdrawal notices are scanned too.
        await PublishAsync(app, Health, x =>
        {
            x.SeriesId = v1.SeriesId; x.Version = 2; x.Title = v1.Title; x.PartyDisplay = v1.PartyDisplay; x.Body = redacted.RedactedText;
            x.RedactionSpans = spans; x.Conclusion = "罚款人民币伍仟元（更正）"; x.FineYuan = 5000m; x.NonDisclosureReason = Secrets[1];
        });
        await UpdateAsync(app, v1.Id, x => x.Status = PublicationStatus.Superseded);
        var withdrawn = await PublishAsync(app, Emergency, x =>
        {
            x.Title = "关于李某的行政处罚决定"; x.PartyDisplay = PublicationRules.PartyDisplay(PartyKind.NaturalPerson, "李秀英");
            x.Body = Source; // its text is never shown once withdrawn
            x.RedactionSpans = spans;
        });
        await UpdateAsync(app, withdrawn.Id, x => { x.Status = PublicationStatus.Withdrawn; x.WithdrawnAt = DateTime.UtcNow; x.WithdrawalReason = "决定已被撤销"; });

        var outputs = await PortalOutputs.CollectAsync(app.Anonymous(),
            ["王某", "罚款", "过期", "王建国", "李秀英", "13907351234", "解放路", "6222021905001234567"], [v1.SeriesId, withdrawn.SeriesId]);

        Assert.Contains(outputs, o => o.Url == $"/gs/decisions/{v1.SeriesId}/v/1" && o.Status == 200);
        Assert.Contains(outputs, o => o.Url == $"/gs/decisions/{withdrawn.SeriesId}" && o.Body.Contains("决定已被撤销", StringComparison.Ordinal));
        Assert.Contains(outputs, o => o.Url.StartsWith("/gs/decisions?q=", StringComparison.Ordinal) && o.Body.Contains("王某", StringComparison.Ordinal));
        PortalOutputs.AssertNoneContains(outputs, Secrets);
    }
}
