using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Zhifa.Domain.Cases;
using Zhifa.Web.Tests.Documents;
using Zhifa.Web.Tests.Infrastructure;
using static Zhifa.Web.Tests.Decisions.DecisionTestData;

namespace Zhifa.Web.Tests.Cases;

/// <summary>
/// Steps the law forbids, tried as a user would: the handler doing the 案件审核 of his own case, and a decision or a
/// closure on a 笔录 that is neither signed nor marked refused. Each refusal names its code; nothing changes.
/// </summary>
public sealed class CaseRuleGapTests(ZhifaFactory app) : IClassFixture<ZhifaFactory>
{
    private async Task<(HttpClient Api, int CaseId)> AtInternalReviewAsync()
    {
        var api = await app.ApiClientAsync("handler");
        int caseId = (await api.OpenAsync(await app.PenaltyBodyAsync())).GetProperty("id").GetInt32();
        await MoveAsync(api, caseId, CaseSteps.Investigation, CaseSteps.InternalReview);
        return (api, caseId);
    }

    private Task<string> StepAsync(int caseId) => app.WithDbAsync(db => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.SingleAsync(
        db.Cases.Where(c => c.Id == caseId).Select(c => c.Step)));

    [Fact]
    public async Task The_handler_cannot_do_the_case_review_of_his_own_case_and_the_unit_head_can()
    {
        var (api, caseId) = await AtInternalReviewAsync();
        var refused = await api.PostAsJsonAsync($"/api/v1/cases/{caseId}/steps", new { toStep = CaseSteps.Notice });
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        var (_, _, body) = await refused.ReadProblemAsync();
        Assert.Contains("actor.reviews_own_case", body);
        Assert.Equal(CaseSteps.InternalReview, await StepAsync(caseId));

        // The page tells the handler why, beside the disabled button.
        var html = await (await (await app.SignInAsync("handler")).GetAsync($"/cases/{caseId}")).Content.ReadAsStringAsync();
        Assert.Contains("承办人不能审核自己承办的案件", html);
        Assert.Matches("disabled=\"disabled\">转入“事先告知”", html);

        var unitHead = await app.ApiClientAsync("unithead");
        Assert.Equal(HttpStatusCode.OK, (await unitHead.PostAsJsonAsync($"/api/v1/cases/{caseId}/steps", new { toStep = CaseSteps.Notice })).StatusCode);
        Assert.Equal(CaseSteps.Notice, await StepAsync(caseId));
        var steps = (await api.GetFromJsonAsync<JsonElement>($"/api/v1/cases/{caseId}")).GetProperty("history");
        Assert.Contains(steps.EnumerateArray(), s => s.GetProperty("toStep").GetString() == CaseSteps.Notice && s.GetProperty("by").GetString() == "unithead");
    }

    [Fact]
    public async Task A_decision_is_refused_while_a_record_is_unsigned_and_issued_once_the_refusal_to_sign_is_noted()
    {
        var (api, caseId) = await AtInternalReviewAsync();
        var inquiry = await DocumentTestData.GenerateAsync(api, caseId, new
        {
            typeCode = "inquiry-record",
            fields = new Dictionary<string, string> { ["时间"] = "2026年3月2日 14时", ["被询问人"] = "王某", ["问答"] = "问：是否取得许可？\n答：没有。" },
        });
        await MoveAsync(api, caseId, CaseSteps.Notice);
        await ProposeAsync(app, caseId);
        int noticeId = await NotifyAsync(api, caseId);
        await ServeAsync(api, caseId, noticeId);
        await MoveAsync(api, caseId, CaseSteps.Statement);
        await WaiveAsync(api, caseId, noticeId);

        var head = await app.ApiClientAsync("head");
        var refused = await head.PostAsJsonAsync($"/api/v1/cases/{caseId}/decision", new { place = "局机关" });
        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        var (_, fields, body) = await refused.ReadProblemAsync();
        Assert.Equal(["records"], fields);
        Assert.Contains("records.unsigned", body);
        Assert.Contains("询问笔录", body);
        Assert.Equal(CaseSteps.Statement, await StepAsync(caseId));

        // The 决定 page shows the head the same reason.
        Assert.Contains("尚未签名", await (await (await app.SignInAsync("head")).GetAsync($"/cases/{caseId}/decision")).Content.ReadAsStringAsync());

        var noted = await api.PostAsJsonAsync($"/api/v1/documents/{inquiry.GetProperty("id").GetInt32()}/signature",
            new { refused = true, signedAt = DateTime.UtcNow.AddMinutes(-1), reason = "被询问人拒绝签名", witness = "赵某（在场群众）" });
        Assert.True(noted.IsSuccessStatusCode, await noted.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, (await head.PostAsJsonAsync($"/api/v1/cases/{caseId}/decision", new { place = "局机关" })).StatusCode);
        Assert.Equal(CaseSteps.Decided, await StepAsync(caseId));
    }

    [Fact]
    public async Task An_inspection_does_not_close_while_its_site_record_is_unsigned()
    {
        var api = await app.ApiClientAsync("handler");
        int caseId = (await api.OpenAsync(await app.PenaltyBodyAsync(category: "Inspection", matterCode: CaseTestData.InspectionMatter))).GetProperty("id").GetInt32();
        await MoveAsync(api, caseId, CaseSteps.OnSiteInspection);
        await Records.RecordTestData.UploadAsync(api, caseId, Records.RecordTestData.RandomBytes(2048), "现场检查.mp4",
            new { kind = "录像", step = CaseSteps.OnSiteInspection, startedAt = "2026-03-02T10:00:00", endedAt = "2026-03-02T11:00:00", place = "现场", proves = "现场情况" });
        var record = await DocumentTestData.GenerateAsync(api, caseId, DocumentTestData.SiteRecordInput);
        await MoveAsync(api, caseId, CaseSteps.InspectionResult);

        var refused = await api.PostAsJsonAsync($"/api/v1/cases/{caseId}/steps", new { toStep = CaseSteps.Closed });
        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        Assert.Contains("records.unsigned", (await refused.ReadProblemAsync()).Body);

        (await api.PostAsJsonAsync($"/api/v1/documents/{record.GetProperty("id").GetInt32()}/signature",
            new { refused = false, signedBy = "李明", signedAt = DateTime.UtcNow.AddMinutes(-1) })).EnsureSuccessStatusCode();
        Assert.Equal(HttpStatusCode.OK, (await api.PostAsJsonAsync($"/api/v1/cases/{caseId}/steps", new { toStep = CaseSteps.Closed })).StatusCode);
    }
}
