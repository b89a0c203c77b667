using System.Net;
using Zhifa.Domain.LegalReview;
using Zhifa.Web.Tests.Infrastructure;
using static Zhifa.Web.Tests.LegalReview.LegalReviewTestData;

namespace Zhifa.Web.Tests.LegalReview;

/// <summary>The review on the pages, without JavaScript: the case page's status, the case's review page, the desk.</summary>
public sealed class LegalReviewPageTests(ZhifaFactory app) : IClassFixture<ZhifaFactory>
{
    private static Dictionary<string, string> SubmissionForm(int evidence) => new()
    {
        ["Submission.BasicFacts"] = "当事人未取得公共场所卫生许可证擅自营业。",
        ["Submission.LawApplied"] = "《公共场所卫生管理条例实施细则》第三十五条。",
        ["Submission.Discretion"] = "一般档次。",
        ["Submission.Investigation"] = "现场检查。",
        ["Submission.HearingAndAppraisal"] = "未听证，未鉴定。",
        ["Submission.ProcedureFollowed"] = "已事先告知。",
        ["Submission.EvidenceDocumentIds"] = evidence.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Submission.UnitOpinion"] = "同意送审。",
        ["Submission.ContactName"] = "张伟",
        ["Submission.ContactPhone"] = "0735-5522110",
    };

    private static Dictionary<string, string> OpinionForm(string outcome, string? problemItem = null)
    {
        var form = new Dictionary<string, string> { ["Opinion.Outcome"] = outcome };
        var items = Enum.GetValues<ReviewItem>();
        for (int i = 0; i < items.Length; i++)
        {
            form[$"Opinion.Findings[{i}].Item"] = items[i].ToString();
            form[$"Opinion.Findings[{i}].Conforms"] = items[i].ToString() == problemItem ? "false" : "true";
            form[$"Opinion.Findings[{i}].Note"] = items[i].ToString() == problemItem ? "未告知听证权利" : "";
        }
        return form;
    }

    [Fact]
    public async Task A_major_case_goes_through_review_on_the_pages_and_the_case_page_shows_where_it_stands()
    {
        var handlerApi = await app.ApiClientAsync("handler");
        var (caseId, evidence) = await CaseAtStatementAsync(app, handlerApi, "RevokeLicence", content: "吊销公共场所卫生许可证");
        var handler = await app.SignInAsync("handler");
        var reviewer = await app.SignInAsync("reviewer");
        var url = $"/cases/{caseId}/legal-review";

        var casePage = await (await handler.GetAsync($"/cases/{caseId}")).Content.ReadAsStringAsync();
        Assert.Contains("data-testid=\"case-legal-review\"", casePage);
        Assert.Contains("未送审", casePage);
        Assert.Contains($"href=\"{url}\"", casePage);

        var page = await (await handler.GetAsync(url)).Content.ReadAsStringAsync();
        Assert.Contains("吊销许可证件", page);
        Assert.Contains("data-testid=\"submission-form\"", page);
        Assert.DoesNotContain("data-testid=\"opinion-form\"", page);

        var incomplete = await ZhifaFactory.PostFormAsync(handler, url, new() { ["Submission.BasicFacts"] = "事实" }, $"{url}?handler=Submit");
        Assert.Equal(HttpStatusCode.OK, incomplete.StatusCode);
        var errors = await incomplete.Content.ReadAsStringAsync();
        Assert.Contains("缺少情况说明的“调查取证情况”", errors);
        Assert.Contains("缺少相关证据、依据材料", errors);
        Assert.Contains("联系电话不能为空", errors);

        Assert.Equal(HttpStatusCode.Redirect, (await ZhifaFactory.PostFormAsync(handler, url, SubmissionForm(evidence), $"{url}?handler=Submit")).StatusCode);
        page = await (await reviewer.GetAsync(url)).Content.ReadAsStringAsync();
        Assert.Contains("第1轮审核中", page);
        Assert.Contains("data-testid=\"review-due\"", page);
        Assert.Contains("data-testid=\"opinion-form\"", page);
        var desk = await (await reviewer.GetAsync("/legal-review")).Content.ReadAsStringAsync();
        Assert.Contains($"href=\"{url}\"", desk);

        var noReason = await ZhifaFactory.PostFormAsync(reviewer, url, OpinionForm("NotYet", "Procedure"), $"{url}?handler=Opinion");
        Assert.Contains("出具暂不同意的意见须说明理由", await noReason.Content.ReadAsStringAsync());
        var notYet = OpinionForm("NotYet", "Procedure");
        notYet["Opinion.ReasonCategories"] = "FixProcedure";
        notYet["Opinion.Reasons"] = "未告知当事人听证权利，须补正。";
        Assert.Equal(HttpStatusCode.Redirect, (await ZhifaFactory.PostFormAsync(reviewer, url, notYet, $"{url}?handler=Opinion")).StatusCode);

        page = await (await handler.GetAsync(url)).Content.ReadAsStringAsync();
        Assert.Contains("第1轮审核暂不同意", page);
        Assert.Contains("未告知当事人听证权利，须补正。", page);
        Assert.Contains("Submission.Reply", page);

        var second = SubmissionForm(evidence);
        second["Submission.Reply"] = "已补正告知程序。";
        Assert.Equal(HttpStatusCode.Redirect, (await ZhifaFactory.PostFormAsync(handler, url, second, $"{url}?handler=Submit")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await ZhifaFactory.PostFormAsync(reviewer, url, OpinionForm("Agree"), $"{url}?handler=Opinion")).StatusCode);

        casePage = await (await handler.GetAsync($"/cases/{caseId}")).Content.ReadAsStringAsync();
        Assert.Contains("第2轮审核同意", casePage);
        page = await (await handler.GetAsync(url)).Content.ReadAsStringAsync();
        Assert.Contains("已补正告知程序。", page);
        Assert.Contains("法制审核已同意", page);

        Assert.Contains("待分管领导签署意见", page);

        // The 法制审核表 is complete only with the 分管领导's opinion (LR-8).
        var unsigned = await ZhifaFactory.PostFormAsync(handler, url, [], $"{url}?handler=Form");
        Assert.Equal(HttpStatusCode.OK, unsigned.StatusCode);
        Assert.Contains("尚须分管领导在法制审核表上签署意见", await unsigned.Content.ReadAsStringAsync());
        var deputy = await app.SignInAsync("deputy");
        Assert.Equal(HttpStatusCode.Redirect, (await ZhifaFactory.PostFormAsync(deputy, url, new() { ["Leader.Agrees"] = "true", ["Leader.Text"] = "同意" }, $"{url}?handler=Leader")).StatusCode);
        var form = await ZhifaFactory.PostFormAsync(handler, url, [], $"{url}?handler=Form");
        Assert.Equal(HttpStatusCode.Redirect, form.StatusCode);
        Assert.StartsWith("/documents/", form.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task A_case_that_is_not_major_says_so_and_offers_the_manual_flag()
    {
        var handlerApi = await app.ApiClientAsync("handler");
        var (caseId, _) = await CaseAtStatementAsync(app, handlerApi);
        var handler = await app.SignInAsync("handler");
        var url = $"/cases/{caseId}/legal-review";
        Assert.DoesNotContain("data-testid=\"case-legal-review\"", await (await handler.GetAsync($"/cases/{caseId}")).Content.ReadAsStringAsync());
        var page = await (await handler.GetAsync(url)).Content.ReadAsStringAsync();
        Assert.Contains("无需法制审核", page);
        Assert.DoesNotContain("data-testid=\"submission-form\"", page);

        var flagged = await ZhifaFactory.PostFormAsync(handler, url, new() { ["Flag.Criterion"] = "SocialRisk", ["Flag.Reason"] = "群众多次信访" }, $"{url}?handler=Flag");
        Assert.Equal(HttpStatusCode.Redirect, flagged.StatusCode);
        page = await (await handler.GetAsync(url)).Content.ReadAsStringAsync();
        Assert.Contains("可能造成重大社会影响或者引发重大社会风险：群众多次信访", page);
        Assert.Contains("data-testid=\"submission-form\"", page);
    }
}
