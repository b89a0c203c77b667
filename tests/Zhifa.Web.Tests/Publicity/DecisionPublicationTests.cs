using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Zhifa.Domain.Publicity;
using Zhifa.Web.Features.Calendar;
using Zhifa.Web.Tests.Cases;
using Zhifa.Web.Tests.Infrastructure;

namespace Zhifa.Web.Tests.Publicity;

/// <summary>PUB-1, PUB-4 … PUB-7 through the pipeline: the task made with the decision, redaction confirmed, the chain, withdrawal, versions.</summary>
public sealed class DecisionPublicationTests(ZhifaFactory app) : IClassFixture<ZhifaFactory>
{
    private const string PersonName = "欧阳建华";
    private const string PersonPhone = "13907351234";

    private const string PersonAddress = "永兴县便江镇解放路 18 号 3 栋 201 室";

    /// <summary>A general penalty against a natural person, decided by the head; returns the publication task's id.</summary>
    private async Task<(int CaseId, int PublicationId)> DecidedAsync(decimal fine = 3000m, string? idNumber = null)
    {
        var api = await app.ApiClientAsync("handler");
        var body = await app.PenaltyBodyAsync();
        body["parties"] = new[]
        {
            new Dictionary<string, object?>
            {
                ["kind"] = "NaturalPerson", ["name"] = PersonName, ["idNumber"] = idNumber ?? CaseTestData.NewIdNumber(), ["phone"] = PersonPhone,
                ["address"] = PersonAddress,
            },
        };
        int caseId = (await api.OpenAsync(body)).GetProperty("id").GetInt32();
        await Decisions.DecisionTestData.DecideAsync(app, api, caseId, "Warning,Fine", fine);
        int id = await app.WithDbAsync(db => db.Set<Publication>().Where(p => p.CaseId == caseId).Select(p => p.Id).SingleAsync());
        return (caseId, id);
    }

    private static async Task<JsonElement> OkAsync(HttpResponseMessage r)
    {
        Assert.True(r.IsSuccessStatusCode, await r.Content.ReadAsStringAsync());
        return await r.Content.ReadFromJsonAsync<JsonElement>();
    }

    private async Task<JsonElement> ConfirmProposedAsync(HttpClient publicity, int id, Func<JsonElement, bool>? keep = null, string[]? alsoHide = null)
    {
        await OkAsync(await publicity.PutAsJsonAsync($"/api/v1/publications/{id}/content",
            new { form = "FullText", title = "违法案件", violation = "未取得卫生许可证擅自营业", legalBasis = "《公共场所卫生管理条例》", conclusion = "警告，罚款" }));
        var red = await OkAsync(await publicity.GetAsync($"/api/v1/publications/{id}/redaction"));
        var spans = red.GetProperty("spans").EnumerateArray().Where(s => keep?.Invoke(s) ?? true)
            .Select(s => new { start = s.GetProperty("start").GetInt32(), length = s.GetProperty("length").GetInt32(), kind = s.GetProperty("kind").GetString() }).ToList();
        await OkAsync(await publicity.PostAsJsonAsync($"/api/v1/publications/{id}/redaction",
            new { sourceSha256 = red.GetProperty("sourceSha256").GetString(), spans, alsoHide }));
        return await OkAsync(await publicity.GetAsync($"/api/v1/publications/{id}/redaction"));
    }

    private async Task ApproveAllAsync(int id, params string[] approvers)
    {
        foreach (var who in approvers)
            await OkAsync(await (await app.ApiClientAsync(who)).PostAsJsonAsync($"/api/v1/publications/{id}/approve", new { note = "同意" }));
    }

    [Fact]
    public async Task Issuing_a_penalty_opens_its_publication_task_due_seven_working_days_later_with_the_person_shown_by_surname()
    {
        var (caseId, id) = await DecidedAsync();
        var publicity = await app.ApiClientAsync("publicity");
        var detail = await OkAsync(await publicity.GetAsync($"/api/v1/publications/{id}"));
        var row = detail.GetProperty("row");
        var triggered = DateOnly.Parse(row.GetProperty("triggeredOn").GetString()!, System.Globalization.CultureInfo.InvariantCulture);
        var calendar = await app.Services.GetRequiredService<CalendarService>().GetAsync();
        Assert.Equal(CaseTestData.Today, triggered);
        Assert.Equal(calendar.AddWorkingDays(triggered, 7).Date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), row.GetProperty("dueOn").GetString());
        Assert.Equal("Draft", row.GetProperty("status").GetString());
        Assert.Equal("欧阳某", detail.GetProperty("party").GetString());
        Assert.StartsWith("永卫罚", detail.GetProperty("documentNumber").GetString(), StringComparison.Ordinal);
        Assert.Equal(caseId, row.GetProperty("caseId").GetInt32());

        var list = await OkAsync(await publicity.GetAsync("/api/v1/publications"));
        Assert.Contains(list.EnumerateArray(), r => r.GetProperty("id").GetInt32() == id);
    }

    [Fact]
    public async Task The_full_text_goes_public_only_after_the_redaction_is_confirmed_and_the_deputy_head_and_head_approve()
    {
        var (_, id) = await DecidedAsync();
        var publicity = await app.ApiClientAsync("publicity");
        await OkAsync(await publicity.PutAsJsonAsync($"/api/v1/publications/{id}/content",
            new { form = "FullText", title = "违法案件", violation = "未取得卫生许可证擅自营业", legalBasis = "依据", conclusion = "警告，罚款" }));
        var refused = await publicity.PostAsJsonAsync($"/api/v1/publications/{id}/submit", new { note = "" });
        // A condition of the table, not bad input: 409 with the field it concerns.
        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        Assert.Contains("redaction", (await refused.ReadProblemAsync()).Fields);

        var red = await OkAsync(await publicity.GetAsync($"/api/v1/publications/{id}/redaction"));
        var source = red.GetProperty("source").GetString()!;
        Assert.Contains(PersonName, source, StringComparison.Ordinal);
        var kinds = red.GetProperty("spans").EnumerateArray().Select(s => s.GetProperty("kind").GetString()).ToHashSet();
        Assert.Contains("PersonName", kinds);
        Assert.Contains("IdNumber", kinds);

        var stale = await publicity.PostAsJsonAsync($"/api/v1/publications/{id}/redaction", new { sourceSha256 = "00", spans = Array.Empty<object>() });
        Assert.Contains("sourceSha256", (await stale.ReadProblemAsync()).Fields);

        var confirmed = await ConfirmProposedAsync(publicity, id);
        Assert.True(confirmed.GetProperty("confirmed").GetBoolean());
        var preview = confirmed.GetProperty("preview").GetString()!;
        Assert.DoesNotContain(PersonName, preview, StringComparison.Ordinal);

        await OkAsync(await publicity.PostAsJsonAsync($"/api/v1/publications/{id}/submit", new { note = "请审核" }));
        var headTooEarly = await (await app.ApiClientAsync("head")).PostAsJsonAsync($"/api/v1/publications/{id}/approve", new { note = "同意" });
        Assert.Equal(HttpStatusCode.Forbidden, headTooEarly.StatusCode);
        Assert.Equal("Approving", await StatusAsync(id));

        await ApproveAllAsync(id, "deputy");
        Assert.Equal("Approving", await StatusAsync(id));
        await ApproveAllAsync(id, "head");
        var published = await app.WithDbAsync(db => db.Set<Publication>().AsNoTracking().SingleAsync(p => p.Id == id));
        Assert.Equal(PublicationStatus.Published, published.Status);
        Assert.DoesNotContain(PersonName, published.Body, StringComparison.Ordinal);
        Assert.DoesNotContain(PersonPhone, published.Body, StringComparison.Ordinal);
        // LAW-10: a warning and a fine of 3,000 yuan is a light penalty: three months on the portal.
        Assert.Equal(CaseTestData.Today.AddMonths(3).AddDays(-1), published.ShownUntil);
        var chain = await OkAsync(await publicity.GetAsync($"/api/v1/publications/{id}/chain"));
        Assert.All(chain.GetProperty("steps").EnumerateArray(), s => Assert.True(s.GetProperty("done").GetBoolean()));
    }

    private Task<string> StatusAsync(int id) => app.WithDbAsync(async db => (await db.Set<Publication>().AsNoTracking().SingleAsync(p => p.Id == id)).Status.ToString());

    [Fact]
    public async Task A_redaction_left_out_keeps_that_text_and_text_added_by_hand_is_hidden_everywhere()
    {
        var (_, id) = await DecidedAsync();
        var publicity = await app.ApiClientAsync("publicity");
        var confirmed = await ConfirmProposedAsync(publicity, id, keep: s => s.GetProperty("kind").GetString() != "IdNumber", alsoHide: ["便江镇"]);
        var preview = confirmed.GetProperty("preview").GetString()!;
        var source = confirmed.GetProperty("source").GetString()!;
        Assert.DoesNotContain("便江镇", preview, StringComparison.Ordinal);
        var idSpan = confirmed.GetProperty("spans").EnumerateArray().First(s => s.GetProperty("kind").GetString() == "IdNumber");
        Assert.False(idSpan.GetProperty("kept").GetBoolean());
        Assert.Contains(idSpan.GetProperty("text").GetString()!, preview, StringComparison.Ordinal);
        Assert.Contains("便江镇", source, StringComparison.Ordinal);

        var notFound = await publicity.PostAsJsonAsync($"/api/v1/publications/{id}/redaction",
            new { sourceSha256 = confirmed.GetProperty("sourceSha256").GetString(), spans = Array.Empty<object>(), alsoHide = new[] { "不存在的文字" } });
        Assert.Contains("alsoHide[0]", (await notFound.ReadProblemAsync()).Fields);
    }

    [Fact]
    public async Task Only_the_owner_side_submits_and_a_return_needs_a_reason_and_restarts_the_chain()
    {
        var (_, id) = await DecidedAsync();
        var publicity = await app.ApiClientAsync("publicity");
        var yj = await app.ApiClientAsync("yj.handler");
        Assert.Equal(HttpStatusCode.NotFound, (await yj.PostAsJsonAsync($"/api/v1/publications/{id}/submit", new { note = "" })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await (await app.ApiClientAsync("head")).PostAsJsonAsync($"/api/v1/publications/{id}/submit", new { note = "" })).StatusCode);

        await OkAsync(await publicity.PostAsJsonAsync($"/api/v1/publications/{id}/submit", new { note = "" }));
        var deputy = await app.ApiClientAsync("deputy");
        var noReason = await deputy.PostAsJsonAsync($"/api/v1/publications/{id}/return", new { note = "" });
        Assert.Contains("note", (await noReason.ReadProblemAsync()).Fields);
        await OkAsync(await deputy.PostAsJsonAsync($"/api/v1/publications/{id}/return", new { note = "执法结论表述不完整" }));
        Assert.Equal("Draft", await StatusAsync(id));

        await OkAsync(await publicity.PostAsJsonAsync($"/api/v1/publications/{id}/submit", new { note = "已修改" }));
        var chain = await OkAsync(await publicity.GetAsync($"/api/v1/publications/{id}/chain"));
        Assert.Equal("DeputyHead", chain.GetProperty("waitingStep").GetString());
        var detail = await OkAsync(await publicity.GetAsync($"/api/v1/publications/{id}"));
        Assert.Contains(detail.GetProperty("approvals").EnumerateArray(), a => a.GetProperty("outcome").GetString() == "退回" && a.GetProperty("note").GetString() == "执法结论表述不完整");
    }

    [Fact]
    public async Task A_minor_cannot_be_published_by_exception_and_a_trade_secret_needs_its_reason_then_the_head_signs_it_not_disclosed()
    {
        var (_, id) = await DecidedAsync();
        var publicity = await app.ApiClientAsync("publicity");
        var minor = await publicity.PostAsJsonAsync($"/api/v1/publications/{id}/non-disclosure",
            new { ground = "Minor", reason = "未成年人", exception = "PublicInterest", exceptionReason = "社会关注" });
        Assert.Contains("exception", (await minor.ReadProblemAsync()).Fields);
        var noReason = await publicity.PostAsJsonAsync($"/api/v1/publications/{id}/non-disclosure", new { ground = "TradeSecret", reason = "" });
        Assert.Contains("reason", (await noReason.ReadProblemAsync()).Fields);

        await OkAsync(await publicity.PostAsJsonAsync($"/api/v1/publications/{id}/non-disclosure", new { ground = "TradeSecret", reason = "决定书载有配方工艺" }));
        await OkAsync(await publicity.PostAsJsonAsync($"/api/v1/publications/{id}/submit", new { note = "" }));
        await ApproveAllAsync(id, "deputy", "head");
        var p = await app.WithDbAsync(db => db.Set<Publication>().Include(x => x.Approvals).AsNoTracking().SingleAsync(x => x.Id == id));
        Assert.Equal(PublicationStatus.NotDisclosed, p.Status);
        Assert.Null(p.PublishedAt);
        Assert.Contains(p.Approvals, a => a.Step == ApprovalStep.Head && a.By == "head");
    }

    [Fact]
    public async Task A_changed_decision_must_be_withdrawn_within_three_working_days_with_a_public_reason_and_an_update_is_a_new_version()
    {
        var (_, id) = await DecidedAsync();
        var publicity = await app.ApiClientAsync("publicity");
        await OkAsync(await publicity.PostAsJsonAsync($"/api/v1/publications/{id}/submit", new { note = "" }));
        await ApproveAllAsync(id, "deputy", "head");

        var noNote = await publicity.PostAsJsonAsync($"/api/v1/publications/{id}/legal-status", new { status = "Changed" });
        Assert.Contains("note", (await noNote.ReadProblemAsync()).Fields);
        // Published a week ago, changed yesterday (a change cannot precede the publication).
        await app.WithDbAsync(async db =>
        {
            var p = await db.Set<Publication>().SingleAsync(x => x.Id == id);
            p.PublishedAt = p.PublishedAt!.Value.AddDays(-7);
            await db.SaveChangesAsync();
        });
        var changedOn = CaseTestData.Today.AddDays(-1);
        var detail = await OkAsync(await publicity.PostAsJsonAsync($"/api/v1/publications/{id}/legal-status",
            new { status = "Changed", note = "复议决定变更罚款数额", changedOn = CaseTestData.Iso(changedOn) }));
        var calendar = await app.Services.GetRequiredService<CalendarService>().GetAsync();
        Assert.Equal(CaseTestData.Iso(calendar.AddWorkingDays(changedOn, 3).Date), detail.GetProperty("row").GetProperty("withdrawalDueOn").GetString());
        Assert.Equal("已变更", detail.GetProperty("row").GetProperty("legalStatusLabel").GetString());

        var noReason = await publicity.PostAsJsonAsync($"/api/v1/publications/{id}/withdraw", new { reason = " " });
        Assert.Contains("reason", (await noReason.ReadProblemAsync()).Fields);
        Assert.Equal(HttpStatusCode.Forbidden, (await (await app.ApiClientAsync("handler")).PostAsJsonAsync($"/api/v1/publications/{id}/withdraw", new { reason = "x" })).StatusCode);
        await OkAsync(await publicity.PostAsJsonAsync($"/api/v1/publications/{id}/withdraw", new { reason = "该决定经行政复议变更" }));
        Assert.Equal("Withdrawn", await StatusAsync(id));

        var next = await publicity.PostAsync($"/api/v1/publications/{id}/versions", null);
        Assert.Equal(HttpStatusCode.Created, next.StatusCode);
        var v2 = (await next.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("row");
        Assert.Equal(2, v2.GetProperty("version").GetInt32());
        Assert.Equal(id, v2.GetProperty("seriesId").GetInt32());
        var twice = await publicity.PostAsync($"/api/v1/publications/{id}/versions", null);
        Assert.Contains("version", (await twice.ReadProblemAsync()).Fields);
    }

    [Fact]
    public async Task Releasing_a_new_version_supersedes_the_published_one()
    {
        var (_, id) = await DecidedAsync(fine: 50000m);
        var publicity = await app.ApiClientAsync("publicity");
        await OkAsync(await publicity.PostAsJsonAsync($"/api/v1/publications/{id}/submit", new { note = "" }));
        await ApproveAllAsync(id, "deputy", "head");
        // A fine above the small amount stays three years (LAW-10).
        Assert.Equal(CaseTestData.Today.AddMonths(36).AddDays(-1), await app.WithDbAsync(db => db.Set<Publication>().Where(p => p.Id == id).Select(p => p.ShownUntil).SingleAsync()));

        var v2 = (await OkAsync(await publicity.PostAsync($"/api/v1/publications/{id}/versions", null))).GetProperty("row").GetProperty("id").GetInt32();
        Assert.Equal("Published", await StatusAsync(id));
        await OkAsync(await publicity.PostAsJsonAsync($"/api/v1/publications/{v2}/submit", new { note = "更正" }));
        await ApproveAllAsync(v2, "deputy", "head");
        Assert.Equal("Superseded", await StatusAsync(id));
        Assert.Equal("Published", await StatusAsync(v2));
    }

    [Fact]
    public async Task A_penalty_past_its_period_leaves_the_portal_and_the_change_is_logged()
    {
        var (_, id) = await DecidedAsync();
        var publicity = await app.ApiClientAsync("publicity");
        await OkAsync(await publicity.PostAsJsonAsync($"/api/v1/publications/{id}/submit", new { note = "" }));
        await ApproveAllAsync(id, "deputy", "head");
        await app.WithDbAsync(async db =>
        {
            var p = await db.Set<Publication>().SingleAsync(x => x.Id == id);
            p.ShownUntil = CaseTestData.Today.AddDays(-1);
            await db.SaveChangesAsync();
        });
        using (var scope = app.Services.CreateScope())
            Assert.True(await scope.ServiceProvider.GetRequiredService<Features.Publicity.PublicationService>().ExpireDueAsync() >= 1);
        Assert.Equal("Expired", await StatusAsync(id));
        string sid = id.ToString(System.Globalization.CultureInfo.InvariantCulture);
        Assert.True(await app.WithDbAsync(db => db.AuditEntries.AnyAsync(e => e.SubjectType == nameof(Publication) && e.SubjectId == sid && e.Details.Contains("ExpiredAt"))));
    }

    [Fact]
    public async Task Decisions_published_in_full_in_summary_and_withdrawn_show_no_personal_data_anywhere_on_the_portal()
    {
        string[] ids = [CaseTestData.NewIdNumber(), CaseTestData.NewIdNumber(), CaseTestData.NewIdNumber()];
        var publicity = await app.ApiClientAsync("publicity");
        var (_, full) = await DecidedAsync(idNumber: ids[0]);
        await ConfirmProposedAsync(publicity, full);
        var (_, summary) = await DecidedAsync(idNumber: ids[1]);
        var (_, withdrawn) = await DecidedAsync(idNumber: ids[2]);
        foreach (var id in new[] { full, summary, withdrawn })
        {
            await OkAsync(await publicity.PostAsJsonAsync($"/api/v1/publications/{id}/submit", new { note = "" }));
            await ApproveAllAsync(id, "deputy", "head");
        }
        await OkAsync(await publicity.PostAsJsonAsync($"/api/v1/publications/{withdrawn}/withdraw", new { reason = "决定经行政诉讼撤销" }));

        var outputs = await Portal.PortalOutputs.CollectAsync(app.Anonymous(), ["罚款", "欧阳", "卫生", "建华"], [full, summary, withdrawn]);
        // The full text and the summary are really there, so the scan looked at them.
        Assert.Contains(outputs, o => o.Url == $"/gs/decisions/{full}" && o.Status == 200 && o.Body.Contains("欧阳某", StringComparison.Ordinal));
        Assert.Contains(outputs, o => o.Url == $"/gs/decisions/{withdrawn}" && o.Body.Contains("决定经行政诉讼撤销", StringComparison.Ordinal));
        Portal.PortalOutputs.AssertNoneContains(outputs, [PersonName, .. ids, PersonPhone, PersonAddress, "3 栋 201 室", "解放路 18 号"]);
    }

    [Fact]
    public async Task The_head_sets_the_chain_without_the_deputy_and_bad_periods_are_refused_by_field()
    {
        int health = await app.AgencyIdAsync();
        var head = await app.ApiClientAsync("head");
        Assert.Equal(HttpStatusCode.Forbidden, (await (await app.ApiClientAsync("publicity")).PutAsJsonAsync($"/api/v1/agencies/{health}/publication-policy", new { deputyHeadCheck = false })).StatusCode);
        var bad = await head.PutAsJsonAsync($"/api/v1/agencies/{health}/publication-policy", new { shortPeriodMonths = 0, longPeriodMonths = 500 });
        var problem = await bad.ReadProblemAsync();
        Assert.Contains("shortPeriodMonths", problem.Fields);
        Assert.Contains("longPeriodMonths", problem.Fields);

        var policy = await OkAsync(await head.PutAsJsonAsync($"/api/v1/agencies/{health}/publication-policy", new { deputyHeadCheck = false }));
        Assert.Equal(["主要负责人审签"], policy.GetProperty("decisionChain").EnumerateArray().Select(x => x.GetString()!).ToArray());
        try
        {
            var (_, id) = await DecidedAsync();
            var publicity = await app.ApiClientAsync("publicity");
            await OkAsync(await publicity.PostAsJsonAsync($"/api/v1/publications/{id}/submit", new { note = "" }));
            await ApproveAllAsync(id, "head");
            Assert.Equal("Published", await StatusAsync(id));
        }
        finally
        {
            await OkAsync(await head.PutAsJsonAsync($"/api/v1/agencies/{health}/publication-policy", new { deputyHeadCheck = true }));
        }
    }

    [Fact]
    public async Task The_publicity_officer_confirms_the_highlighted_redaction_on_the_page()
    {
        var (_, id) = await DecidedAsync();
        var page = await app.SignInAsync("publicity");
        var list = await page.GetStringAsync("/publicity/decisions");
        Assert.Contains($"/publicity/decisions/{id}", list, StringComparison.Ordinal);

        var saved = await ZhifaFactory.PostFormAsync(page, $"/publicity/decisions/{id}", new()
        {
            ["Form"] = "FullText", ["TitleText"] = "未取得卫生许可证擅自营业案", ["Violation"] = "未取得卫生许可证擅自营业", ["LegalBasis"] = "依据",
            ["Conclusion"] = "警告，罚款",
        }, $"/publicity/decisions/{id}?handler=Content");
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var html = await page.GetStringAsync($"/publicity/decisions/{id}");
        Assert.Contains("data-testid=\"redaction-span\"", html, StringComparison.Ordinal);
        Assert.Contains($"<mark>{PersonName}</mark>", html, StringComparison.Ordinal);

        var red = await OkAsync(await (await app.ApiClientAsync("publicity")).GetAsync($"/api/v1/publications/{id}/redaction"));
        var fields = new Dictionary<string, string> { ["SourceSha256"] = red.GetProperty("sourceSha256").GetString()! };
        var keep = red.GetProperty("spans").EnumerateArray().Select(s => $"{s.GetProperty("start").GetInt32()}:{s.GetProperty("length").GetInt32()}:{s.GetProperty("kind").GetString()}").ToList();
        var form = new List<KeyValuePair<string, string>>(fields);
        form.AddRange(keep.Select(k => new KeyValuePair<string, string>("Keep", k)));
        var confirmed = await PostPairsAsync(page, $"/publicity/decisions/{id}", form, "?handler=Redaction");
        Assert.Equal(HttpStatusCode.Redirect, confirmed.StatusCode);
        html = await page.GetStringAsync($"/publicity/decisions/{id}");
        Assert.Contains("已确认", html, StringComparison.Ordinal);

        var submitted = await ZhifaFactory.PostFormAsync(page, $"/publicity/decisions/{id}", new() { ["Note"] = "" }, $"/publicity/decisions/{id}?handler=Submit");
        Assert.Equal(HttpStatusCode.Redirect, submitted.StatusCode);
        var deputy = await app.SignInAsync("deputy");
        Assert.Contains("data-testid=\"approve\"", await deputy.GetStringAsync($"/publicity/decisions/{id}"), StringComparison.Ordinal);
        Assert.DoesNotContain("data-testid=\"approve\"", await (await app.SignInAsync("head")).GetStringAsync($"/publicity/decisions/{id}"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_policy_page_shows_the_chain_and_refuses_bad_periods_in_chinese_and_other_roles()
    {
        int health = await app.AgencyIdAsync();
        var publicity = await app.SignInAsync("publicity");
        var shown = await publicity.GetStringAsync($"/publicity/policy?agencyId={health}");
        Assert.Contains("分管领导审核 → 主要负责人审签", shown, StringComparison.Ordinal);
        Assert.DoesNotContain("name=\"ShortPeriodMonths\"", shown, StringComparison.Ordinal);

        var head = await app.SignInAsync("head");
        var bad = await ZhifaFactory.PostFormAsync(head, $"/publicity/policy?agencyId={health}", new()
        {
            ["AgencyId"] = health.ToString(System.Globalization.CultureInfo.InvariantCulture), ["DeputyHeadCheck"] = "true",
            ["ShortPeriodMonths"] = "0", ["LongPeriodMonths"] = "36", ["SmallFineYuan"] = "3000",
        });
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Contains("较短公示期须在 1 至 120 个月之间", await bad.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(PublicationPolicy.DefaultShortMonths, (await OkAsync(await (await app.ApiClientAsync("head")).GetAsync($"/api/v1/agencies/{health}/publication-policy"))).GetProperty("shortPeriodMonths").GetInt32());
    }

    [Fact]
    public async Task On_the_page_a_minor_cannot_be_published_by_exception_and_a_published_decision_is_withdrawn_with_its_reason()
    {
        var (_, id) = await DecidedAsync();
        var page = await app.SignInAsync("publicity");
        var refused = await ZhifaFactory.PostFormAsync(page, $"/publicity/decisions/{id}", new()
        {
            ["Ground"] = "Minor", ["Reason"] = "当事人未满十八周岁", ["Exception"] = "PublicInterest", ["ExceptionReason"] = "社会关注",
        }, $"/publicity/decisions/{id}?handler=NonDisclosure");
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("不适用例外公开", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Null(await app.WithDbAsync(db => db.Set<Publication>().Where(p => p.Id == id).Select(p => p.NonDisclosureGround).SingleAsync()));

        var publicity = await app.ApiClientAsync("publicity");
        await OkAsync(await publicity.PostAsJsonAsync($"/api/v1/publications/{id}/submit", new { note = "" }));
        await ApproveAllAsync(id, "deputy", "head");
        var noReason = await ZhifaFactory.PostFormAsync(page, $"/publicity/decisions/{id}", new() { ["Reason"] = "" }, $"/publicity/decisions/{id}?handler=Withdraw");
        Assert.Equal(HttpStatusCode.Conflict, noReason.StatusCode);
        Assert.Contains("撤回理由（向社会公开）不能为空", await noReason.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var done = await ZhifaFactory.PostFormAsync(page, $"/publicity/decisions/{id}", new() { ["Reason"] = "经行政诉讼判决撤销" }, $"/publicity/decisions/{id}?handler=Withdraw");
        Assert.Equal(HttpStatusCode.Redirect, done.StatusCode);
        Assert.Contains("经行政诉讼判决撤销", await page.GetStringAsync($"/publicity/decisions/{id}"), StringComparison.Ordinal);
        Assert.Equal("Withdrawn", await StatusAsync(id));
    }

    /// <summary>Posts a form that repeats a field (the kept spans), with the page's antiforgery token.</summary>
    private static async Task<HttpResponseMessage> PostPairsAsync(HttpClient client, string page, List<KeyValuePair<string, string>> pairs, string action)
    {
        var html = await client.GetStringAsync(page);
        var token = System.Text.RegularExpressions.Regex.Match(html, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"").Groups[1].Value;
        pairs.Add(new("__RequestVerificationToken", token));
        return await client.PostAsync(page + action, new FormUrlEncodedContent(pairs));
    }
}
