using System.Net;
using System.Net.Http.Json;
using System.Text;
using Zhifa.Web.Tests.Infrastructure;

namespace Zhifa.Web.Tests.Publicity;

/// <summary>PUB-5: the redaction preview, over the API and on the publicity officer's page.</summary>
public sealed class RedactionPreviewTests(ZhifaFactory app) : IClassFixture<ZhifaFactory>
{
    private const string Decision =
        "行政处罚决定书\n永卫罚〔2026〕12号\n当事人：永兴县便民食品有限公司\n统一社会信用代码：91431023MA4L8K2X0P\n法定代表人：王建军\n"
        + "经查，当事人雇员刘晓东（身份证号码431023198001011230，手机13812345678）在店内销售过期食品，证人陈小红在场。\n"
        + "罚款人民币贰仟元，缴至账号：1857 0101 0400 12345。";

    private sealed record Span(int Start, int Length, string Kind, string KindLabel, string Text, string Mask);
    private sealed record Preview(string RedactedText, List<Span> Spans);

    [Fact]
    public async Task A_publicity_officer_sees_what_would_be_hidden_and_what_stays_published()
    {
        var client = await app.ApiClientAsync("publicity");
        var response = await client.PostAsJsonAsync("/api/v1/redaction/preview", new { text = Decision, knownNames = new[] { "陈小红" } });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var preview = (await response.Content.ReadFromJsonAsync<Preview>())!;

        Assert.Equal(
            [("PersonName", "刘晓东"), ("IdNumber", "431023198001011230"), ("MobilePhone", "13812345678"), ("PersonName", "陈小红"), ("BankAccount", "1857 0101 0400 12345")],
            preview.Spans.Select(s => (s.Kind, s.Text)));
        Assert.All(preview.Spans, s => Assert.Equal(s.Text, Decision.Substring(s.Start, s.Length)));
        Assert.Equal("居民身份证号码", preview.Spans[1].KindLabel);
        Assert.Contains("雇员刘某某（身份证号码431***********1230，手机138********）", preview.RedactedText);
        Assert.Contains("证人陈某某在场", preview.RedactedText);
        // The organisation, its credit code, its legal representative, the document number and the fine stay.
        foreach (var published in new[] { "永兴县便民食品有限公司", "91431023MA4L8K2X0P", "法定代表人：王建军", "永卫罚〔2026〕12号", "罚款人民币贰仟元" })
            Assert.Contains(published, preview.RedactedText);
    }

    [Fact]
    public async Task A_legal_representative_named_by_the_caller_is_not_redacted()
    {
        var client = await app.ApiClientAsync("handler");
        var preview = (await (await client.PostAsJsonAsync("/api/v1/redaction/preview",
            new { text = "经营者：赵德胜，该店负责人。赵德胜签字确认。", legalRepresentatives = new[] { "赵德胜" } })).Content.ReadFromJsonAsync<Preview>())!;
        Assert.Empty(preview.Spans);
    }

    [Fact]
    public async Task Bad_input_is_refused_naming_each_field()
    {
        var client = await app.ApiClientAsync("publicity");
        var response = await client.PostAsJsonAsync("/api/v1/redaction/preview", new { text = " ", knownNames = new[] { "张三", "" , "李" } });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var (code, fields, body) = await response.ReadProblemAsync();
        Assert.Equal("validation", code);
        Assert.Equal(["text", "knownNames[1]", "knownNames[2]"], fields);
        Assert.Contains("正文不能为空", body);

        var wrongType = await client.PostAsync("/api/v1/redaction/preview", new StringContent("""{"text":"当事人：张三","knownNames":"张三"}""", Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.BadRequest, wrongType.StatusCode);
        Assert.Equal(["knownNames"], (await wrongType.ReadProblemAsync()).Fields);
    }

    [Fact]
    public async Task Only_signed_in_staff_may_preview()
    {
        var response = await app.Anonymous().PostAsJsonAsync("/api/v1/redaction/preview", new { text = Decision });
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        var page = await app.Anonymous().GetAsync("/publication/redaction");
        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        Assert.Contains("/account/login", page.Headers.Location?.ToString());
    }

    [Fact]
    public async Task The_page_highlights_each_redaction_with_its_kind_and_shows_the_text_to_publish()
    {
        var client = await app.SignInAsync("publicity");
        var html = await (await client.GetAsync("/publicity/decisions")).Content.ReadAsStringAsync();
        Assert.Contains("href=\"/publication/redaction\"", html);

        var response = await ZhifaFactory.PostFormAsync(client, "/publication/redaction", new() { ["Text"] = Decision, ["KnownNames"] = "陈小红" });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        html = await response.Content.ReadAsStringAsync();
        Assert.Contains("共 5 处", html);
        Assert.Contains("<mark class=\"redaction redaction-PersonName\" data-kind=\"PersonName\" title=\"自然人姓名：替换为 刘某某\">刘晓东<span class=\"redaction-kind\">自然人姓名</span></mark>", html);
        Assert.Contains("data-kind=\"IdNumber\"", html);
        Assert.Contains("<code>431***********1230</code>", html);
        Assert.Contains("雇员刘某某（身份证号码431***********1230", html);

        var empty = await ZhifaFactory.PostFormAsync(client, "/publication/redaction", new() { ["Text"] = "", ["KnownNames"] = "张三、李" });
        html = await empty.Content.ReadAsStringAsync();
        Assert.Contains("正文不能为空", html);
        Assert.Contains("第 2 个已知姓名“李”至少应有 2 个字", html);
        Assert.DoesNotContain("识别结果", html);
    }
}
