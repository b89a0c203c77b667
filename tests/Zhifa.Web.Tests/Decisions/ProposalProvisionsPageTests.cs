using System.Net;
using Microsoft.EntityFrameworkCore;
using Zhifa.Domain.Cases;
using Zhifa.Domain.Discretion;
using Zhifa.Web.Tests.Cases;
using Zhifa.Web.Tests.Documents;
using Zhifa.Web.Tests.Infrastructure;
using static Zhifa.Web.Tests.Decisions.DecisionTestData;

namespace Zhifa.Web.Tests.Decisions;

/// <summary>
/// The proposal page (/cases/{id}/proposal) shows and edits the provisions violated and the 罚则 apart, prefilled from the
/// matter, applies the higher fine among several norms (行政处罚法第二十九条) and asks a 不予处罚 for its ground, in Chinese;
/// the decision the head then issues on the decision page cites them and names the 复议机关 and the court.
/// </summary>
public sealed class ProposalProvisionsPageTests(ZhifaFactory app) : IClassFixture<ZhifaFactory>
{
    private const string Ordinary = "未取得\u201c卫生许可证\u201d擅自营业的";
    private const string Violated = "《公共场所卫生管理条例》第八条";
    private const string Rules = "《公共场所卫生管理条例实施细则》第三十五条第一款";
    private const string Regulation = "《公共场所卫生管理条例》第十四条第一款第四项";

    private async Task<(HttpClient Page, string Url)> OpenAsync()
    {
        var api = await app.ApiClientAsync("handler");
        int caseId = (await api.OpenAsync(await app.PenaltyBodyAsync())).GetProperty("id").GetInt32();
        return (await app.SignInAsync("handler"), $"/cases/{caseId}/proposal");
    }

    private static readonly Dictionary<string, string> Reasons = new()
    {
        ["Input.EvidenceReason"] = "现场笔录与询问笔录相互印证。", ["Input.BasisReason"] = "未取得卫生许可证擅自营业。", ["Input.DiscretionReason"] = "按裁量基准。",
    };

    /// <summary>The case of <paramref name="url"/> at 事先告知, as the handler moves it.</summary>
    private async Task<int> AtNoticeAsync(string url)
    {
        int caseId = int.Parse(url.Split('/')[2], System.Globalization.CultureInfo.InvariantCulture);
        await MoveAsync(await app.ApiClientAsync("handler"), caseId, CaseSteps.Investigation, CaseSteps.InternalReview, CaseSteps.Notice);
        return caseId;
    }

    /// <summary>On the decision page: the notice made, served and waived by the handler, then issued by the head; returns the decision's text.</summary>
    private async Task<string> NotifyAndIssueOnThePageAsync(HttpClient page, int caseId)
    {
        var decisionPage = $"/cases/{caseId}/decision";
        Task<HttpResponseMessage> Post(HttpClient client, string handler, Dictionary<string, string> fields, string query = "")
            => ZhifaFactory.PostFormAsync(client, decisionPage, fields, $"{decisionPage}?handler={handler}{query}");
        Assert.Equal(HttpStatusCode.Redirect, (await Post(page, "Notice", [])).StatusCode);
        int noticeId = await app.WithDbAsync(db => db.Set<Domain.Decisions.Notice>().Where(n => n.CaseId == caseId).Select(n => n.Id).SingleAsync());
        string now = ChinaNow()[..16];
        Assert.Equal(HttpStatusCode.Redirect, (await Post(page, "Serve", new() { ["Input.ServedAt"] = now, ["Input.ServiceMethod"] = "直接送达" }, $"&noticeId={noticeId}")).StatusCode);
        await MoveAsync(await app.ApiClientAsync("handler"), caseId, CaseSteps.Statement);
        Assert.Equal(HttpStatusCode.Redirect, (await Post(page, "Waive", new() { ["Input.WaivedAt"] = now, ["Input.WaiverNote"] = "当事人书面声明放弃" }, $"&noticeId={noticeId}")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await Post(await app.SignInAsync("head"), "Issue", new() { ["Input.Place"] = "局机关" })).StatusCode);
        int documentId = await app.WithDbAsync(db => db.Set<Domain.Decisions.Decision>().Where(d => d.CaseId == caseId).Select(d => d.DocumentId).SingleAsync());
        return DocumentTestData.TextOf(await page.GetByteArrayAsync($"/api/v1/documents/{documentId}/file"));
    }

    private static Dictionary<string, string> Penalty(Dictionary<string, string> provisions)
    {
        var form = new Dictionary<string, string>
        {
            ["Input.Circumstances"] = Ordinary, ["Input.Outcome"] = "Penalty", ["Input.PenaltyKinds"] = "Fine", ["Input.FineYuan"] = "2000",
            ["Input.Tier"] = "Ordinary", ["Input.Content"] = "处罚款2000元。",
        };
        foreach (var (k, v) in provisions) form[k] = v;
        return form;
    }

    [Fact]
    public async Task A_new_proposal_shows_the_matter_s_penalty_clause_with_its_maximum_fine_and_a_field_for_the_provisions_violated()
    {
        var (page, url) = await OpenAsync();
        var html = await (await page.GetAsync(url)).Content.ReadAsStringAsync();
        Assert.Contains("违法条款（当事人违反的法律、法规、规章条款", html);
        Assert.Contains("value=\"《公共场所卫生管理条例实施细则》第三十五条\"", html);
        Assert.Contains("name=\"Input.PenaltyNorms[0].MaxFineYuan\" value=\"30000\"", html);
        Assert.Contains("行政处罚法第二十九条", html);
        Assert.Contains("首违不罚", html);
    }

    [Fact]
    public async Task Saving_without_the_provisions_is_refused_in_Chinese_and_with_them_both_are_shown_apart()
    {
        var (page, url) = await OpenAsync();
        var refused = await ZhifaFactory.PostFormAsync(page, url, Penalty([]));
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        var text = await refused.Content.ReadAsStringAsync();
        Assert.Contains("须填写违法条款", text);
        Assert.Contains("须填写处罚依据", text);

        var saved = await ZhifaFactory.PostFormAsync(page, url, Penalty(new() { ["Input.ViolatedProvisions"] = Violated, ["Input.PenaltyNorms[0].Citation"] = Rules }));
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var html = await (await page.GetAsync(url)).Content.ReadAsStringAsync();
        Assert.Contains($"data-testid=\"violated-provisions\">{Violated}</dd>", html);
        Assert.Contains($"data-testid=\"penalty-basis\">{Rules}</dd>", html);
    }

    [Fact]
    public async Task Of_two_norms_the_page_applies_the_higher_fine_and_refuses_a_lower_one_naming_the_norm_to_apply()
    {
        var (page, url) = await OpenAsync();
        var norms = new Dictionary<string, string>
        {
            ["Input.ViolatedProvisions"] = Violated,
            ["Input.PenaltyNorms[0].Citation"] = Regulation, ["Input.PenaltyNorms[0].MaxFineYuan"] = "5000",
            ["Input.PenaltyNorms[1].Citation"] = Rules, ["Input.PenaltyNorms[1].MaxFineYuan"] = "30000",
        };
        var lower = await ZhifaFactory.PostFormAsync(page, url, Penalty(new(norms) { ["Input.PenaltyBasis"] = Regulation }));
        Assert.Equal(HttpStatusCode.OK, lower.StatusCode);
        Assert.Contains($"应适用{Rules}（最高罚款 30,000 元）", await lower.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.Redirect, (await ZhifaFactory.PostFormAsync(page, url, Penalty(norms))).StatusCode);
        var html = await (await page.GetAsync(url)).Content.ReadAsStringAsync();
        Assert.Contains($"data-testid=\"penalty-basis\">{Rules}</dd>", html);
        Assert.Contains("data-testid=\"penalty-norms\"", html);
        Assert.Contains("按照罚款数额高的规定处罚，本案适用", html);
    }

    [Fact]
    public async Task A_no_penalty_without_its_ground_is_refused_and_with_it_the_page_shows_the_article()
    {
        var (page, url) = await OpenAsync();
        var form = new Dictionary<string, string>
        {
            ["Input.Circumstances"] = StatutoryCircumstance.All.Single(s => s.Code == "no-fault").Text, ["Input.Outcome"] = "NoPenalty",
            ["Input.Content"] = "不予行政处罚。", ["Input.ViolatedProvisions"] = Violated,
        };
        var refused = await ZhifaFactory.PostFormAsync(page, url, form);
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("须选择不予处罚的法定理由", await refused.Content.ReadAsStringAsync());

        form["Input.NoPenaltyGround"] = "NoFault";
        Assert.Equal(HttpStatusCode.Redirect, (await ZhifaFactory.PostFormAsync(page, url, form)).StatusCode);
        var html = await (await page.GetAsync(url)).Content.ReadAsStringAsync();
        Assert.Contains("data-testid=\"no-penalty-ground\">当事人有证据足以证明没有主观过错（《中华人民共和国行政处罚法》第三十三条第二款）", html);
    }

    [Fact]
    public async Task A_penalty_of_two_norms_entered_on_the_page_is_issued_on_the_decision_page_citing_each_provision_in_its_place_and_the_remedies()
    {
        var (page, url) = await OpenAsync();
        int caseId = await AtNoticeAsync(url);
        var form = Penalty(new()
        {
            ["Input.ViolatedProvisions"] = Violated,
            ["Input.PenaltyNorms[0].Citation"] = Regulation, ["Input.PenaltyNorms[0].MaxFineYuan"] = "5000",
            ["Input.PenaltyNorms[1].Citation"] = Rules, ["Input.PenaltyNorms[1].MaxFineYuan"] = "30000",
        });
        foreach (var (k, v) in Reasons) form[k] = v;
        Assert.Equal(HttpStatusCode.Redirect, (await ZhifaFactory.PostFormAsync(page, url, form)).StatusCode);

        var text = await NotifyAndIssueOnThePageAsync(page, caseId);
        Assert.Contains($"以上事实违反了{Violated}的规定。", text);
        Assert.Contains("依据《中华人民共和国行政处罚法》第二十九条，同一违法行为违反多个法律规范应当给予罚款处罚的，按照罚款数额高的规定处罚，本案适用" + Rules, text);
        Assert.Contains($"依据{Rules}的规定，本机关决定：", text);
        Assert.Contains("六十日内向永兴县人民政府申请行政复议", text);
        Assert.Contains("六个月内依法向永兴县人民法院提起行政诉讼", text);
    }

    [Fact]
    public async Task A_first_violation_entered_on_the_page_is_issued_as_a_no_penalty_decision_citing_article_33_and_the_circumstance()
    {
        var (page, url) = await OpenAsync();
        int caseId = await AtNoticeAsync(url);
        var form = new Dictionary<string, string>(Reasons)
        {
            ["Input.Circumstances"] = StatutoryCircumstance.FirstViolation.Text, ["Input.Outcome"] = "FirstViolationNoPenalty",
            ["Input.Content"] = "对当事人进行教育。", ["Input.ViolatedProvisions"] = Violated,
        };
        Assert.Equal(HttpStatusCode.Redirect, (await ZhifaFactory.PostFormAsync(page, url, form)).StatusCode);

        var text = await NotifyAndIssueOnThePageAsync(page, caseId);
        Assert.Contains("不予行政处罚决定书", text);
        Assert.Contains($"以上事实违反了{Violated}的规定。", text);
        Assert.Contains($"当事人的违法行为属于以下情形：{StatutoryCircumstance.FirstViolation.Text}。", text);
        Assert.Contains("依据《中华人民共和国行政处罚法》第三十三条第一款的规定，本机关决定：不予行政处罚。对当事人进行教育。", text);
        Assert.Contains("六十日内向永兴县人民政府申请行政复议", text);
    }
}
