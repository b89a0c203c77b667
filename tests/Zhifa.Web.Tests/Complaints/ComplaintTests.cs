using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Zhifa.Domain.Complaints;
using Zhifa.Web.Features.Complaints;
using Zhifa.Web.Tests.Infrastructure;
using Zhifa.Web.Tests.Scope;

namespace Zhifa.Web.Tests.Complaints;

/// <summary>SUP-4 through the pipeline: public intake and status lookup, staff handling, scope and the overdue list.</summary>
public sealed class ComplaintTests(ZhifaFactory app) : IClassFixture<ZhifaFactory>
{
    private const string Phone = "13912345678";
    private const string Name = "钱多多";
    private const string Content = "永兴县某诊所长期无证行医，门口张贴虚假广告，请依法查处";

    private Task<int> AgencyIdAsync(string name) => app.WithDbAsync(db => db.Agencies.Where(a => a.Name == name).Select(a => a.Id).SingleAsync());

    private async Task<string> SubmitAsync(HttpClient client, int agencyId, string? phone = Phone)
    {
        var response = await client.PostAsJsonAsync("/gs/api/v1/complaints",
            new { agencyId, kind = "举报", content = Content, subject = "某诊所", contactName = phone is null ? null : Name, contactPhone = phone });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var receipt = await response.Content.ReadFromJsonAsync<JsonElement>();
        return receipt.GetProperty("receiptNumber").GetString()!;
    }

    [Fact]
    public async Task An_anonymous_person_submits_on_the_portal_and_the_status_page_shows_no_content_or_contact()
    {
        var anonymous = app.Anonymous();
        int health = await AgencyIdAsync("永兴县卫生健康局");
        var form = await (await anonymous.GetAsync("/gs/complaints")).Content.ReadAsStringAsync();
        Assert.Contains("永兴县卫生健康局", form, StringComparison.Ordinal);

        var posted = await ZhifaFactory.PostFormAsync(anonymous, "/gs/complaints", new()
        {
            ["Input.AgencyId"] = health.ToString(CultureInfo.InvariantCulture), ["Input.Kind"] = "Report", ["Input.Content"] = Content,
            ["Input.Subject"] = "某诊所", ["Input.ContactName"] = Name, ["Input.ContactPhone"] = Phone, ["Input.Website"] = "",
        });
        // Post/Redirect/Get: the submission redirects to the status page, whose address carries only the receipt number.
        Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);
        var location = posted.Headers.Location!.OriginalString;
        var receipt = System.Text.RegularExpressions.Regex.Match(location, "^/gs/complaints/(TS\\d{8}-[2-9A-Z]{8})$").Groups[1].Value;
        Assert.True(Complaint.IsReceiptNumber(receipt), location);

        var status = await anonymous.GetAsync(location);
        var page = await status.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, status.StatusCode);
        Assert.Contains("请记下您的受理回执号", page, StringComparison.Ordinal);
        Assert.Contains("待受理", page, StringComparison.Ordinal);
        foreach (var secret in new[] { Phone, Name, Content, "某诊所" }) Assert.DoesNotContain(secret, page, StringComparison.Ordinal);

        var api = await anonymous.GetStringAsync($"/gs/api/v1/complaints/{receipt}");
        Assert.Contains("待受理", api, StringComparison.Ordinal);
        foreach (var secret in new[] { Phone, Name, Content }) Assert.DoesNotContain(secret, api, StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync("/gs/complaints/TS20261201-ZZZZZZZZ")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync("/gs/api/v1/complaints/TS20261201-ZZZZZZZZ")).StatusCode);
    }

    [Fact]
    public async Task Refreshing_after_submitting_shows_the_status_without_the_banner_and_saves_nothing_twice()
    {
        var anonymous = app.Anonymous();
        int health = await AgencyIdAsync("永兴县卫生健康局");
        var content = $"便江镇某浴室水质浑浊、毛巾不消毒，请查处（{Guid.NewGuid():N}）";
        var posted = await ZhifaFactory.PostFormAsync(anonymous, "/gs/complaints", new()
        {
            ["Input.AgencyId"] = health.ToString(CultureInfo.InvariantCulture), ["Input.Kind"] = "Complaint", ["Input.Content"] = content,
        });
        Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);
        var location = posted.Headers.Location!.OriginalString;
        Assert.DoesNotContain(Uri.EscapeDataString(content[..4]), location, StringComparison.Ordinal);

        var first = await anonymous.GetStringAsync(location);
        Assert.Contains("请记下您的受理回执号", first, StringComparison.Ordinal);
        Assert.Contains("您未留联系电话", first, StringComparison.Ordinal);
        // The browser's refresh repeats the GET, not the POST: the banner was shown once and nothing is submitted again.
        var refreshed = await anonymous.GetStringAsync(location);
        Assert.DoesNotContain("请记下您的受理回执号", refreshed, StringComparison.Ordinal);
        Assert.Contains("待受理", refreshed, StringComparison.Ordinal);
        Assert.Equal(1, await app.WithDbAsync(db => db.Set<Complaint>().CountAsync(c => c.Content == content)));

        // Another visitor opening the same address sees the status but no banner.
        Assert.DoesNotContain("请记下您的受理回执号", await app.Anonymous().GetStringAsync(location), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Bad_input_is_refused_with_a_problem_naming_each_field_and_nothing_is_saved()
    {
        var anonymous = app.Anonymous();
        int before = await app.WithDbAsync(db => db.Set<Complaint>().CountAsync());
        var response = await anonymous.PostAsJsonAsync("/gs/api/v1/complaints", new { kind = "", content = "短", contactPhone = "123" });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var (_, fields, body) = await response.ReadProblemAsync();
        Assert.Equal(["agencyId", "kind", "content", "contactPhone"], fields);
        Assert.Contains("请选择受理的执法主体", body, StringComparison.Ordinal);

        int health = await AgencyIdAsync("永兴县卫生健康局");
        var spam = await anonymous.PostAsJsonAsync("/gs/api/v1/complaints", new { agencyId = health, kind = "Complaint", content = Content, website = "http://x" });
        Assert.Equal(["website"], (await spam.ReadProblemAsync()).Fields);

        var page = await ZhifaFactory.PostFormAsync(anonymous, "/gs/complaints", new() { ["Input.Kind"] = "Report", ["Input.Content"] = "" });
        var html = await page.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.BadRequest, page.StatusCode);
        Assert.Contains("请选择受理的执法主体", html, StringComparison.Ordinal);
        Assert.Contains("内容不能为空", html, StringComparison.Ordinal);
        Assert.Equal(before, await app.WithDbAsync(db => db.Set<Complaint>().CountAsync()));
    }

    [Fact]
    public async Task Staff_assign_note_and_reply_and_the_reply_shows_on_the_public_status_page()
    {
        int health = await AgencyIdAsync("永兴县卫生健康局");
        var receipt = await SubmitAsync(app.Anonymous(), health);
        int id = await app.WithDbAsync(db => db.Set<Complaint>().Where(c => c.ReceiptNumber == receipt).Select(c => c.Id).SingleAsync());
        var unitId = await app.WithDbAsync(db => db.Units.Where(u => u.AgencyId == health).Select(u => u.Id).FirstAsync());

        var handler = await app.ApiClientAsync("handler");
        var detail = await handler.GetStringAsync($"/api/v1/complaints/{id}");
        Assert.Contains(Phone, detail, StringComparison.Ordinal);
        Assert.True(await app.WithDbAsync(db => db.AuditEntries.AnyAsync(e => e.Action == ComplaintService.ContactViewedAction && e.SubjectId == id.ToString(CultureInfo.InvariantCulture))));

        Assert.Equal(HttpStatusCode.OK, (await handler.PostAsJsonAsync($"/api/v1/complaints/{id}/assign", new { unitId })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await handler.PostAsJsonAsync($"/api/v1/complaints/{id}/notes", new { note = "已电话联系举报人，约定现场核查" })).StatusCode);
        var empty = await handler.PostAsJsonAsync($"/api/v1/complaints/{id}/reply", new { reply = "" });
        Assert.Equal(["reply"], (await empty.ReadProblemAsync()).Fields);

        // The page form replies; the answer is what the public sees.
        var pages = await app.SignInAsync("handler");
        var replied = await ZhifaFactory.PostFormAsync(pages, $"/complaints/{id}", new() { ["Reply"] = "经现场核查，该诊所已被责令停业整顿。" }, $"/complaints/{id}?handler=Reply");
        Assert.Equal(HttpStatusCode.Redirect, replied.StatusCode);

        var status = await app.Anonymous().GetStringAsync($"/gs/complaints/{receipt}");
        Assert.Contains("已答复", status, StringComparison.Ordinal);
        Assert.Contains("经现场核查，该诊所已被责令停业整顿。", status, StringComparison.Ordinal);
        Assert.DoesNotContain(Phone, status, StringComparison.Ordinal);

        var again = await handler.PostAsJsonAsync($"/api/v1/complaints/{id}/reject", new { reason = "重复" });
        Assert.Equal(["status"], (await again.ReadProblemAsync()).Fields);
    }

    [Fact]
    public async Task Another_agency_gets_404_for_a_complaint_and_does_not_list_it()
    {
        int health = await AgencyIdAsync("永兴县卫生健康局");
        var receipt = await SubmitAsync(app.Anonymous(), health);
        int id = await app.WithDbAsync(db => db.Set<Complaint>().Where(c => c.ReceiptNumber == receipt).Select(c => c.Id).SingleAsync());

        var other = await app.ApiClientAsync("yj.handler");
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/api/v1/complaints/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.PostAsJsonAsync($"/api/v1/complaints/{id}/reply", new { reply = "x" })).StatusCode);
        Assert.DoesNotContain(receipt, await other.GetStringAsync("/api/v1/complaints"), StringComparison.Ordinal);
        var pages = await app.SignInAsync("yj.handler");
        Assert.Equal(HttpStatusCode.NotFound, (await pages.GetAsync($"/complaints/{id}")).StatusCode);
        Assert.DoesNotContain(receipt, await pages.GetStringAsync("/complaints"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_complaint_left_open_past_fifteen_working_days_is_listed_as_overdue_in_red()
    {
        int health = await AgencyIdAsync("永兴县卫生健康局");
        var old = await app.WithDbAsync(async db =>
        {
            var c = new Complaint
            {
                AgencyId = health, ReceiptNumber = Complaint.NewReceiptNumber(DateOnly.FromDateTime(DateTime.UtcNow.AddDays(-60))), Kind = ComplaintKind.Complaint,
                Content = Content, ReceivedAt = DateTime.UtcNow.AddDays(-60), Status = ComplaintStatus.Handling,
            };
            db.Add(c);
            await db.SaveChangesAsync();
            return c.ReceiptNumber;
        });
        var fresh = await SubmitAsync(app.Anonymous(), health);

        var handler = await app.ApiClientAsync("handler");
        var overdue = await handler.GetStringAsync("/api/v1/complaints?overdue=true");
        Assert.Contains(old, overdue, StringComparison.Ordinal);
        Assert.DoesNotContain(fresh, overdue, StringComparison.Ordinal);

        var page = await (await app.SignInAsync("handler")).GetStringAsync("/complaints?overdue=true");
        Assert.Contains(old, page, StringComparison.Ordinal);
        Assert.Contains("table-danger", page, StringComparison.Ordinal);
        Assert.DoesNotContain(fresh, page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_complaint_that_led_to_a_case_records_the_case()
    {
        int health = await AgencyIdAsync("永兴县卫生健康局");
        var receipt = await SubmitAsync(app.Anonymous(), health, phone: null);
        int id = await app.WithDbAsync(db => db.Set<Complaint>().Where(c => c.ReceiptNumber == receipt).Select(c => c.Id).SingleAsync());
        int caseId = await app.WithDbAsync(db => db.Cases.Where(c => c.AgencyId == health).Select(c => c.Id).FirstAsync());
        var handler = await app.ApiClientAsync("handler");
        var r = await handler.PostAsJsonAsync($"/api/v1/complaints/{id}/case", new { caseId });
        Assert.Equal(HttpStatusCode.OK, r.StatusCode);
        Assert.Contains("已转立案", await app.Anonymous().GetStringAsync($"/gs/api/v1/complaints/{receipt}"), StringComparison.Ordinal);
        Assert.Equal(caseId, await app.WithDbAsync(db => db.Set<Complaint>().Where(c => c.Id == id).Select(c => c.CaseId).SingleAsync()));
    }
}

/// <summary>An agency's own 办理期限 moves the due dates it computes; its own administrator sets it.</summary>
public sealed class ComplaintPolicyTests(ZhifaFactory app) : IClassFixture<ZhifaFactory>
{
    [Fact]
    public async Task An_administrator_sets_the_handling_limit_and_the_due_date_follows()
    {
        int emergency = await app.WithDbAsync(db => db.Agencies.Where(a => a.Name == "永兴县应急管理局").Select(a => a.Id).SingleAsync());
        var admin = await app.ApiClientAsync("yj.admin");
        var before = await admin.GetFromJsonAsync<JsonElement>($"/api/v1/agencies/{emergency}/complaint-policy");
        Assert.Equal(Complaint.DefaultHandlingWorkingDays, before.GetProperty("handlingWorkingDays").GetInt32());

        var bad = await admin.PutAsJsonAsync($"/api/v1/agencies/{emergency}/complaint-policy", new { handlingWorkingDays = 0 });
        Assert.Equal(["handlingWorkingDays"], (await bad.ReadProblemAsync()).Fields);
        var handler = await app.ApiClientAsync("yj.handler");
        Assert.Equal(HttpStatusCode.Forbidden, (await handler.PutAsJsonAsync($"/api/v1/agencies/{emergency}/complaint-policy", new { handlingWorkingDays = 5 })).StatusCode);

        var receipt = await app.Anonymous().PostAsJsonAsync("/gs/api/v1/complaints",
            new { agencyId = emergency, kind = "Complaint", content = "某企业安全通道长期堵塞，存在重大隐患" });
        var r = await receipt.Content.ReadFromJsonAsync<JsonElement>();
        var number = r.GetProperty("receiptNumber").GetString();
        var due15 = DateOnly.Parse(r.GetProperty("dueOn").GetString()!, CultureInfo.InvariantCulture);

        Assert.Equal(HttpStatusCode.OK, (await admin.PutAsJsonAsync($"/api/v1/agencies/{emergency}/complaint-policy", new { handlingWorkingDays = 30 })).StatusCode);
        var status = await app.Anonymous().GetFromJsonAsync<JsonElement>($"/gs/api/v1/complaints/{number}");
        var due30 = DateOnly.Parse(status.GetProperty("dueOn").GetString()!, CultureInfo.InvariantCulture);
        Assert.True(due30 > due15.AddDays(14), $"{due15} → {due30}");
    }
}

/// <summary>A complaint of agency B, for the scope test of the complaint routes.</summary>
public sealed class ComplaintScopeProbe : IScopeProbeRecords
{
    public Task<IReadOnlyDictionary<string, string>> CreateAsync(ZhifaFactory app, int agencyBId) => app.WithDbAsync(async db =>
    {
        var c = new Complaint
        {
            AgencyId = agencyBId, ReceiptNumber = Complaint.NewReceiptNumber(DateOnly.FromDateTime(DateTime.UtcNow)), Kind = ComplaintKind.Report,
            Content = "范围测试用举报内容，共十个字以上", ReceivedAt = DateTime.UtcNow, Status = ComplaintStatus.Pending,
        };
        db.Add(c);
        await db.SaveChangesAsync();
        return (IReadOnlyDictionary<string, string>)new Dictionary<string, string> { ["complaintId"] = c.Id.ToString(CultureInfo.InvariantCulture) };
    });
}
