using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Zhifa.Domain.Complaints;
using Zhifa.Web.Tests.Cases;
using Zhifa.Web.Tests.Infrastructure;

namespace Zhifa.Web.Tests.Complaints;

/// <summary>SUP-4 → REC-1: a case opened from a complaint links it and marks it 已转立案 in the same transaction.</summary>
public sealed class ComplaintCaseTests(ZhifaFactory app) : IClassFixture<ZhifaFactory>
{
    private const string Content = "便江镇某宾馆未办理卫生许可证即对外营业，房间卫生极差";
    private const string Phone = "13712345678";

    private static string Id(int id) => id.ToString(CultureInfo.InvariantCulture);

    /// <summary>A fresh complaint of the agency, submitted on the portal; returns its id and receipt number.</summary>
    private async Task<(int Id, string Receipt)> SubmitAsync(string agency = CaseTestData.Health)
    {
        int agencyId = await app.AgencyIdAsync(agency);
        var response = await app.Anonymous().PostAsJsonAsync("/gs/api/v1/complaints",
            new { agencyId, kind = "Report", content = Content, subject = "便江某宾馆无证营业", contactName = "孙某", contactPhone = Phone });
        var receipt = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("receiptNumber").GetString()!;
        int id = await app.WithDbAsync(db => db.Set<Complaint>().Where(c => c.ReceiptNumber == receipt).Select(c => c.Id).SingleAsync());
        return (id, receipt);
    }

    private Task<Complaint> ComplaintAsync(int id) => app.WithDbAsync(db => db.Set<Complaint>().AsNoTracking().SingleAsync(c => c.Id == id));

    private Task<int> CaseCountAsync() => app.WithDbAsync(db => db.Cases.CountAsync());

    [Fact]
    public async Task A_case_opened_through_the_API_with_a_complaintId_links_the_complaint_and_marks_it_case_opened_with_an_audit_entry()
    {
        var (id, receipt) = await SubmitAsync();
        var api = await app.ApiClientAsync("handler");
        var body = await app.PenaltyBodyAsync();
        body["complaintId"] = id;
        var opened = await api.OpenAsync(body);
        int caseId = opened.GetProperty("id").GetInt32();

        var complaint = await ComplaintAsync(id);
        Assert.Equal(ComplaintStatus.CaseOpened, complaint.Status);
        Assert.Equal(caseId, complaint.CaseId);
        Assert.Contains($"立案，案号 {opened.GetProperty("number").GetString()}", complaint.Notes, StringComparison.Ordinal);
        Assert.True(await app.WithDbAsync(db => db.AuditEntries.AnyAsync(e => e.SubjectType == nameof(Complaint) && e.SubjectId == Id(id) && e.Actor == "handler")));

        var detail = await api.GetFromJsonAsync<JsonElement>($"/api/v1/complaints/{id}");
        Assert.Equal(opened.GetProperty("number").GetString(), detail.GetProperty("row").GetProperty("caseNumber").GetString());

        var status = await app.Anonymous().GetStringAsync($"/gs/api/v1/complaints/{receipt}");
        Assert.Contains("已转立案", status, StringComparison.Ordinal);
        foreach (var secret in new[] { Content, Phone, "孙某" }) Assert.DoesNotContain(secret, status, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_second_case_from_the_same_complaint_and_a_complaint_of_another_agency_are_refused_naming_complaintId_and_open_nothing()
    {
        var (id, _) = await SubmitAsync();
        var api = await app.ApiClientAsync("handler");
        var first = await app.PenaltyBodyAsync();
        first["complaintId"] = id;
        await api.OpenAsync(first);
        int before = await CaseCountAsync();

        var again = await app.PenaltyBodyAsync();
        again["complaintId"] = id;
        var refused = await api.PostAsJsonAsync("/api/v1/cases", again);
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var (_, fields, text) = await refused.ReadProblemAsync();
        Assert.Equal(["complaintId"], fields);
        Assert.Contains("已转立案", text, StringComparison.Ordinal);

        var (other, _) = await SubmitAsync("永兴县应急管理局");
        var foreign = await app.PenaltyBodyAsync();
        foreign["complaintId"] = other;
        Assert.Equal(["complaintId"], (await (await api.PostAsJsonAsync("/api/v1/cases", foreign)).ReadProblemAsync()).Fields);
        Assert.Equal(ComplaintStatus.Pending, (await ComplaintAsync(other)).Status);
        Assert.Equal(before, await CaseCountAsync());
    }

    [Fact]
    public async Task A_refused_opening_leaves_the_complaint_open_and_unlinked()
    {
        var (id, _) = await SubmitAsync();
        var api = await app.ApiClientAsync("handler");
        var body = await app.PenaltyBodyAsync(officers: ["张伟"]);
        body["complaintId"] = id;
        var refused = await api.PostAsJsonAsync("/api/v1/cases", body);
        Assert.Equal(["officerIds"], (await refused.ReadProblemAsync()).Fields);
        var complaint = await ComplaintAsync(id);
        Assert.Equal(ComplaintStatus.Pending, complaint.Status);
        Assert.Null(complaint.CaseId);
    }

    [Fact]
    public async Task Two_openings_from_one_complaint_at_once_open_exactly_one_case_and_issue_one_number()
    {
        var (id, _) = await SubmitAsync();
        var api = await app.ApiClientAsync("handler");
        int before = await CaseCountAsync();
        var bodies = new List<Dictionary<string, object?>>();
        for (int i = 0; i < 2; i++)
        {
            var b = await app.PenaltyBodyAsync(category: "Inspection", matterCode: CaseTestData.InspectionMatter);
            b["complaintId"] = id;
            bodies.Add(b);
        }
        var responses = await Task.WhenAll(bodies.Select(b => api.PostAsJsonAsync("/api/v1/cases", b)));
        Assert.Equal([HttpStatusCode.Created, HttpStatusCode.BadRequest], responses.Select(r => r.StatusCode).Order());
        Assert.Equal(before + 1, await CaseCountAsync());
        var created = await responses.Single(r => r.StatusCode == HttpStatusCode.Created).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(created.GetProperty("id").GetInt32(), (await ComplaintAsync(id)).CaseId);
        // The refused opening's counter increment was rolled back with it: the next number follows without a gap.
        var next = await api.OpenAsync(await app.PenaltyBodyAsync(category: "Inspection", matterCode: CaseTestData.InspectionMatter));
        int seq = await app.WithDbAsync(db => db.Cases.Where(c => c.Id == created.GetProperty("id").GetInt32()).Select(c => c.Sequence).SingleAsync());
        Assert.Equal(seq + 1, await app.WithDbAsync(db => db.Cases.Where(c => c.Id == next.GetProperty("id").GetInt32()).Select(c => c.Sequence).SingleAsync()));
    }

    [Fact]
    public async Task The_complaint_page_offers_an_inspection_whose_form_is_prefilled_and_opening_it_shows_the_case_on_the_complaint()
    {
        var (id, receipt) = await SubmitAsync();
        var web = await app.SignInAsync("handler");
        var detail = await web.GetStringAsync($"/complaints/{id}");
        Assert.Contains("启动检查", detail, StringComparison.Ordinal);
        Assert.Contains("立案（行政处罚）", detail, StringComparison.Ordinal);

        var form = $"/cases/new?complaintId={id}&category=Inspection";
        var html = await web.GetStringAsync(form);
        Assert.Contains($"由投诉举报 <a href=\"/complaints/{id}\">{receipt}</a> 立案", html, StringComparison.Ordinal);
        Assert.Contains("value=\"便江某宾馆无证营业\"", html, StringComparison.Ordinal);
        Assert.Contains($"案件来源：公众举报（受理回执号 {receipt}", html, StringComparison.Ordinal);
        Assert.Contains(Content, html, StringComparison.Ordinal);
        Assert.Matches("<option value=\"Inspection\" selected=\"selected\"", html);

        var posted = await ZhifaFactory.PostFormAsync(web, form, new()
        {
            ["Input.AgencyId"] = Id(await app.AgencyIdAsync()),
            ["Input.ComplaintId"] = Id(id),
            ["Input.Category"] = "Inspection",
            ["Input.MatterId"] = Id(await app.MatterIdAsync(CaseTestData.InspectionMatter)),
            ["Input.Title"] = "便江某宾馆无证营业",
            ["Input.Facts"] = "据群众举报，该宾馆未办理卫生许可证。",
            ["Input.OfficerIds[0]"] = Id(await app.OfficerIdAsync("张伟")),
            ["Input.OfficerIds[1]"] = Id(await app.OfficerIdAsync("李娜")),
            ["Input.Parties[0].Kind"] = "LegalPerson",
            ["Input.Parties[0].Name"] = "永兴县便江镇某宾馆",
            ["Input.Parties[0].CreditCode"] = Zhifa.Domain.Common.IdentityCodes.CompleteCreditCode("91431023MA4PQ9R3X"),
            ["Input.Parties[0].LegalRepresentative"] = "孙某",
        }, "/cases/new");
        Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);
        int caseId = int.Parse(posted.Headers.Location!.OriginalString.Split('/')[^1], CultureInfo.InvariantCulture);
        var number = await app.WithDbAsync(db => db.Cases.Where(c => c.Id == caseId).Select(c => c.Number).SingleAsync());

        var after = await web.GetStringAsync($"/complaints/{id}");
        Assert.Contains("已转立案", after, StringComparison.Ordinal);
        Assert.Contains($"<a href=\"/cases/{caseId}\">{number}</a>", after, StringComparison.Ordinal);
        Assert.DoesNotContain("启动检查", after, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Another_agency_cannot_open_the_case_form_from_a_complaint_it_cannot_see()
    {
        var (id, _) = await SubmitAsync();
        var other = await app.SignInAsync("yj.handler");
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/cases/new?complaintId={id}")).StatusCode);
    }
}
