using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Zhifa.Web.Tests.Infrastructure;
using static Zhifa.Web.Tests.LegalReview.LegalReviewTestData;

namespace Zhifa.Web.Tests.LegalReview;

/// <summary>
/// The legal review's table through the real pipeline: who may not act gets 403 with the table's codes, an unmet
/// condition 409 listing its codes; the page says the same beside the form, and nothing changes.
/// </summary>
public sealed class LegalReviewTableTests(ZhifaFactory app) : IClassFixture<ZhifaFactory>
{
    // 张伟 is also no lawyer (no 法律职业资格), and this would be his first review: the table names that too.
    private static readonly string[] OwnCase = ["legal_review.handles_case", "legal_review.reviews_own_submission", "legal_review.first_review_unqualified"];

    private static Dictionary<string, string> OpinionForm()
    {
        var form = new Dictionary<string, string> { ["Opinion.Outcome"] = "Agree" };
        var items = Enum.GetValues<Zhifa.Domain.LegalReview.ReviewItem>();
        for (int i = 0; i < items.Length; i++)
        {
            form[$"Opinion.Findings[{i}].Item"] = items[i].ToString();
            form[$"Opinion.Findings[{i}].Conforms"] = "true";
        }
        return form;
    }

    private static async Task<string[]> CodesAsync(HttpResponseMessage response)
    {
        using var doc = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return doc.RootElement.GetProperty("errors").EnumerateArray().Select(e => e.GetProperty("code").GetString()!).ToArray();
    }

    /// <summary>张伟 handles the case and also holds the legal reviewer's role: he submits it, then tries to review it himself.</summary>
    private async Task<(HttpClient Api, HttpClient Page, int CaseId)> HandlerWhoIsAlsoReviewerAsync(string userName)
    {
        var admin = await app.ApiClientAsync("admin");
        var (agencyId, zhang) = await app.WithDbAsync(async db =>
        {
            var o = await db.Officers.SingleAsync(x => x.Name == "张伟");
            return (o.AgencyId, o.Id);
        });
        await ExpectAsync(await admin.PostAsJsonAsync("/api/v1/users", new
        {
            userName, displayName = "张伟", agencyId, officerId = zhang, roles = new[] { "handler", "legal-reviewer" }, password = "Zhifa@2026",
        }), HttpStatusCode.Created);
        var api = await app.ApiClientAsync(userName);
        var (caseId, evidence) = await CaseAtStatementAsync(app, await app.ApiClientAsync("handler"), "Fine,RevokeLicence", 5000m);
        await ExpectAsync(await PostAsync(api, caseId, "submissions", Submission(evidence)), HttpStatusCode.Created);
        return (api, await app.SignInAsync(userName, "Zhifa@2026"), caseId);
    }

    [Fact]
    public async Task A_handler_reviewing_his_own_case_is_forbidden_with_the_tables_codes_in_the_API()
    {
        var (api, _, caseId) = await HandlerWhoIsAlsoReviewerAsync("zhang.both.api");
        var refused = await PostAsync(api, caseId, "opinions", Agree);
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        var (code, _, body) = await refused.ReadProblemAsync();
        Assert.Equal("forbidden", code);
        Assert.Equal(OwnCase, await CodesAsync(await PostAsync(api, caseId, "opinions", Agree)));
        Assert.Contains("承办本案的执法人员不能审核本案", body);
        // Returning his own submission is refused alike; nothing changed.
        Assert.Equal(HttpStatusCode.Forbidden, (await PostAsync(api, caseId, "return", new { reason = "x" })).StatusCode);
        var view = await ViewAsync(api, caseId);
        Assert.Equal("Submitted", view.GetProperty("submissions")[0].GetProperty("status").GetString());
        Assert.False(view.GetProperty("may").GetProperty("review").GetBoolean());
    }

    [Fact]
    public async Task A_handler_reviewing_his_own_case_on_the_page_is_forbidden_and_told_why()
    {
        var (_, page, caseId) = await HandlerWhoIsAlsoReviewerAsync("zhang.both.page");
        var url = $"/cases/{caseId}/legal-review";
        var shown = await (await page.GetAsync(url)).Content.ReadAsStringAsync();
        Assert.DoesNotContain("data-testid=\"opinion-form\"", shown);

        var refused = await ZhifaFactory.PostFormAsync(page, url, OpinionForm(), $"{url}?handler=Opinion");
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        var body = await refused.Content.ReadAsStringAsync();
        Assert.Contains("承办本案的执法人员不能审核本案", body);
        Assert.Contains("送审人不能审核自己送审的案件", body);
        Assert.Equal("Submitted", (await ViewAsync(await app.ApiClientAsync("handler"), caseId)).GetProperty("submissions")[0].GetProperty("status").GetString());
    }

    [Fact]
    public async Task An_unmet_condition_is_a_conflict_listing_every_code_in_the_API()
    {
        var handler = await app.ApiClientAsync("handler");
        var (caseId, evidence) = await CaseAtStatementAsync(app, handler);
        var notMajor = await PostAsync(handler, caseId, "submissions", Submission(evidence));
        Assert.Equal(HttpStatusCode.Conflict, notMajor.StatusCode);
        Assert.Equal("conditions_unmet", (await notMajor.ReadProblemAsync()).Code);
        Assert.Equal(["legal_review.not_major"], await CodesAsync(await PostAsync(handler, caseId, "submissions", Submission(evidence))));

        // Nothing is pending: the deputy may extend in general, but not now.
        var deputy = await app.ApiClientAsync("deputy");
        var extension = await PostAsync(deputy, caseId, "extension", new { text = "复杂" });
        Assert.Equal(HttpStatusCode.Conflict, extension.StatusCode);
        Assert.Equal(["legal_review.nothing_pending"], await CodesAsync(extension));
        Assert.Empty((await ViewAsync(handler, caseId)).GetProperty("submissions").EnumerateArray());
    }

    [Fact]
    public async Task The_page_shows_the_tables_reasons_beside_the_disabled_button_and_refuses_the_same()
    {
        var handlerApi = await app.ApiClientAsync("handler");
        var (caseId, evidence) = await CaseAtStatementAsync(app, handlerApi);
        var handler = await app.SignInAsync("handler");
        var url = $"/cases/{caseId}/legal-review";

        var page = await (await handler.GetAsync(url)).Content.ReadAsStringAsync();
        Assert.Contains("data-testid=\"submission-blocked\"", page);
        Assert.Contains("本案不属于本机关目录中的重大执法决定，无需法制审核", page);
        Assert.Contains("disabled", page[page.IndexOf("data-testid=\"submission-blocked\"", StringComparison.Ordinal)..]);

        var form = new Dictionary<string, string>
        {
            ["Submission.BasicFacts"] = "事实", ["Submission.EvidenceDocumentIds"] = evidence.ToString(System.Globalization.CultureInfo.InvariantCulture),
        };
        var refused = await ZhifaFactory.PostFormAsync(handler, url, form, $"{url}?handler=Submit");
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("本案不属于本机关目录中的重大执法决定，无需法制审核", await refused.Content.ReadAsStringAsync());
        Assert.Empty((await ViewAsync(handlerApi, caseId)).GetProperty("submissions").EnumerateArray());
    }
}
