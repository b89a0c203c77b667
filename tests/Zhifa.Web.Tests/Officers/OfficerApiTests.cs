using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Zhifa.Web.Tests.Infrastructure;
using static Zhifa.Web.Tests.Officers.OfficerTestData;

namespace Zhifa.Web.Tests.Officers;

public class OfficerApiTests(ZhifaFactory app) : IClassFixture<ZhifaFactory>
{
    private async Task<Dictionary<string, object?>> NewOfficerAsync(string name, string number) => new()
    {
        ["agencyId"] = await app.AgencyOfficersIdAsync(Safety),
        ["unitId"] = await app.UnitOfficersIdAsync("安全生产执法大队"),
        ["name"] = name,
        ["position"] = "执法队员",
        ["hasLegalQualification"] = true,
        ["isLegalReviewer"] = false,
        ["certificateNumber"] = number,
        ["issuer"] = "湖南省人民政府",
        ["validFrom"] = Iso(Today.AddYears(-1)),
        ["validUntil"] = Iso(Today.AddYears(4)),
        ["domains"] = "安全生产,危险化学品",
    };

    [Fact]
    public async Task An_administrator_creates_an_officer_with_a_certificate_and_reads_it_back()
    {
        var api = await app.ApiClientAsync("yj.admin");
        var number = NewNumber();

        var response = await api.PostAsJsonAsync("/api/v1/officers", await NewOfficerAsync("高远", number));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var created = await response.Content.ReadFromJsonAsync<JsonElement>();
        int id = created.GetProperty("id").GetInt32();
        Assert.Equal($"/api/v1/officers/{id}", response.Headers.Location!.ToString());
        Assert.Equal("安全生产执法大队", created.GetProperty("unitName").GetString());
        var certificate = Assert.Single(created.GetProperty("certificates").EnumerateArray());
        Assert.Equal(number, certificate.GetProperty("number").GetString());
        Assert.Equal("Valid", certificate.GetProperty("status").GetString());
        Assert.Equal("有效", certificate.GetProperty("statusLabel").GetString());
        Assert.Equal(["安全生产", "危险化学品"], certificate.GetProperty("domains").EnumerateArray().Select(d => d.GetString()!).ToArray());

        var read = await api.GetFromJsonAsync<JsonElement>($"/api/v1/officers/{id}");
        Assert.Equal("高远", read.GetProperty("name").GetString());
        Assert.True(read.GetProperty("hasLegalQualification").GetBoolean());
        var list = await api.GetFromJsonAsync<JsonElement>($"/api/v1/officers?q={number}");
        Assert.Equal(1, list.GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task A_create_with_the_end_before_the_start_and_a_number_in_use_names_both_fields_and_saves_nothing()
    {
        var api = await app.ApiClientAsync("yj.admin");
        var (officers, certificates) = (await app.OfficerCountAsync(), await app.CertificateCountAsync());
        var input = await NewOfficerAsync("孔亮", "43102301001");
        input["validFrom"] = Iso(Today);
        input["validUntil"] = Iso(Today.AddDays(-1));

        var response = await api.PostAsJsonAsync("/api/v1/officers", input);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var (code, fields, body) = await response.ReadProblemAsync();
        Assert.Equal("validation", code);
        Assert.Contains("validUntil", fields);
        Assert.Contains("certificateNumber", fields);
        Assert.Contains("执法证号已存在", body);
        Assert.Equal(officers, await app.OfficerCountAsync());
        Assert.Equal(certificates, await app.CertificateCountAsync());
    }

    [Fact]
    public async Task A_unit_of_another_agency_is_refused_naming_the_unit()
    {
        var api = await app.ApiClientAsync("yj.admin");
        var input = await NewOfficerAsync("单位错", NewNumber());
        input["unitId"] = await app.UnitOfficersIdAsync("公共卫生监督股");

        var response = await api.PostAsJsonAsync("/api/v1/officers", input);

        var (_, fields, _) = await response.ReadProblemAsync();
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(["unitId"], fields);
    }

    [Fact]
    public async Task A_case_handler_reads_officers_but_is_forbidden_to_create_or_change_them()
    {
        var api = await app.ApiClientAsync("handler");
        var list = await api.GetFromJsonAsync<JsonElement>("/api/v1/officers");
        Assert.Contains(list.GetProperty("items").EnumerateArray(), o => o.GetProperty("name").GetString() == "张伟");

        int zhangWei = await app.OfficerIdAsync("张伟");
        Assert.Equal(HttpStatusCode.OK, (await api.GetAsync($"/api/v1/officers/{zhangWei}")).StatusCode);

        var officers = await app.OfficerCountAsync();
        var create = await api.PostAsJsonAsync("/api/v1/officers", new { name = "无权新增", position = "监督员" });
        Assert.Equal(HttpStatusCode.Forbidden, create.StatusCode);
        Assert.Equal("forbidden", (await create.ReadProblemAsync()).Code);
        Assert.Equal(officers, await app.OfficerCountAsync());

        var change = await api.PutAsJsonAsync($"/api/v1/officers/{zhangWei}", new { name = "张伟", isLegalReviewer = true });
        Assert.Equal(HttpStatusCode.Forbidden, change.StatusCode);
        var (_, certificateId) = await app.CertificateIdsAsync("43102301001");
        var revoke = await api.PostAsJsonAsync($"/api/v1/officers/{zhangWei}/certificates/{certificateId}/state", new { state = "Revoked", reason = "试试" });
        Assert.Equal(HttpStatusCode.Forbidden, revoke.StatusCode);
    }

    [Fact]
    public async Task An_administrator_of_another_agency_gets_not_found_for_a_health_officer_before_any_input_is_read()
    {
        var api = await app.ApiClientAsync("yj.admin");
        var (officerId, certificateId) = await app.CertificateIdsAsync("43102301001");

        Assert.Equal(HttpStatusCode.NotFound, (await api.GetAsync($"/api/v1/officers/{officerId}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await api.GetAsync($"/api/v1/officers/{officerId}/certificates")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await api.PutAsJsonAsync($"/api/v1/officers/{officerId}", new { name = "" })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await api.PostAsJsonAsync($"/api/v1/officers/{officerId}/certificates/{certificateId}/state", new { state = "Revoked", reason = "x" })).StatusCode);
        var create = await api.PostAsJsonAsync("/api/v1/officers", new { agencyId = await app.AgencyOfficersIdAsync(Health), name = "越权" });
        Assert.Equal(HttpStatusCode.NotFound, create.StatusCode);

        var list = await api.GetFromJsonAsync<JsonElement>($"/api/v1/officers?agencyId={await app.AgencyOfficersIdAsync(Health)}");
        Assert.Equal(0, list.GetProperty("total").GetInt32());
        Assert.Equal("Active", await app.WithDbAsync(db => db.Certificates.Where(c => c.Id == certificateId).Select(c => c.State.ToString()).SingleAsync()));
    }

    [Fact]
    public async Task Revoking_needs_a_reason_is_final_and_shows_on_the_public_check()
    {
        var api = await app.ApiClientAsync("yj.admin");
        var number = NewNumber();
        var created = await (await api.PostAsJsonAsync("/api/v1/officers", await NewOfficerAsync("严正", number))).Content.ReadFromJsonAsync<JsonElement>();
        int officerId = created.GetProperty("id").GetInt32();
        int certificateId = created.GetProperty("certificates")[0].GetProperty("id").GetInt32();
        var url = $"/api/v1/officers/{officerId}/certificates/{certificateId}/state";

        var noReason = await api.PostAsJsonAsync(url, new { state = "注销" });
        Assert.Equal(HttpStatusCode.BadRequest, noReason.StatusCode);
        Assert.Equal(["reason"], (await noReason.ReadProblemAsync()).Fields);

        var unknown = await api.PostAsJsonAsync(url, new { state = "作废", reason = "x" });
        Assert.Equal(["state"], (await unknown.ReadProblemAsync()).Fields);

        var revoked = await api.PostAsJsonAsync(url, new { state = "Revoked", reason = "调离执法岗位" });
        Assert.Equal(HttpStatusCode.OK, revoked.StatusCode);
        var dto = await revoked.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("Revoked", dto.GetProperty("status").GetString());
        Assert.Equal("注销", dto.GetProperty("statusLabel").GetString());

        var restore = await api.PostAsJsonAsync(url, new { state = "恢复" });
        Assert.Equal(HttpStatusCode.BadRequest, restore.StatusCode);
        Assert.Contains("已注销的执法证不能再变更状态", (await restore.ReadProblemAsync()).Body);

        var check = await app.Anonymous().GetFromJsonAsync<JsonElement>($"/gs/api/v1/certificates/{number}");
        Assert.Equal("Revoked", check.GetProperty("status").GetString());
        Assert.Equal("注销", check.GetProperty("statusLabel").GetString());
        var page = await app.Anonymous().GetStringAsync($"/gs/certificates/{number}");
        Assert.Contains("data-testid=\"certificate-status\">注销<", page);
    }

    [Fact]
    public async Task Certificates_and_trainings_are_added_through_the_API_with_the_same_rules()
    {
        var api = await app.ApiClientAsync("yj.admin");
        int zhengKai = await app.OfficerIdAsync("郑凯");

        var duplicate = await api.PostAsJsonAsync($"/api/v1/officers/{zhengKai}/certificates",
            new { number = "43102302001", issuer = "湖南省人民政府", validFrom = Iso(Today), validUntil = Iso(Today.AddYears(5)), domains = "安全生产" });
        Assert.Equal(HttpStatusCode.BadRequest, duplicate.StatusCode);
        var (_, fields, body) = await duplicate.ReadProblemAsync();
        Assert.Equal(["number"], fields);
        Assert.Contains("执法证号已存在", body);

        var number = NewNumber().ToLowerInvariant();
        var added = await api.PostAsJsonAsync($"/api/v1/officers/{zhengKai}/certificates",
            new { number, issuer = "湖南省人民政府", validFrom = Iso(Today), validUntil = Iso(Today.AddYears(5)), domains = "安全生产" });
        Assert.Equal(HttpStatusCode.Created, added.StatusCode);
        Assert.Equal(number.ToUpperInvariant(), (await added.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("number").GetString());
        var certificates = await api.GetFromJsonAsync<JsonElement>($"/api/v1/officers/{zhengKai}/certificates");
        Assert.Equal(2, certificates.GetArrayLength());

        var badTraining = await api.PostAsJsonAsync($"/api/v1/officers/{zhengKai}/trainings", new { date = Iso(Today.AddDays(2)), title = "未来的培训", hours = 0 });
        Assert.Equal(HttpStatusCode.BadRequest, badTraining.StatusCode);
        var trainingFields = (await badTraining.ReadProblemAsync()).Fields;
        Assert.Contains("date", trainingFields);
        Assert.Contains("hours", trainingFields);

        var training = await api.PostAsJsonAsync($"/api/v1/officers/{zhengKai}/trainings", new { date = Iso(Today), title = "执法全过程记录培训", hours = 4.5, result = "合格" });
        Assert.Equal(HttpStatusCode.Created, training.StatusCode);
        var officer = await api.GetFromJsonAsync<JsonElement>($"/api/v1/officers/{zhengKai}");
        Assert.Contains(officer.GetProperty("trainings").EnumerateArray(), t => t.GetProperty("title").GetString() == "执法全过程记录培训");
    }

    [Fact]
    public async Task The_list_filters_by_status_and_refuses_a_page_size_above_200()
    {
        var api = await app.ApiClientAsync("supervisor");

        var expired = await api.GetFromJsonAsync<JsonElement>("/api/v1/officers?status=Expired");
        var names = expired.GetProperty("items").EnumerateArray().Select(o => o.GetProperty("name").GetString()).ToList();
        Assert.Contains("陈静", names);
        Assert.DoesNotContain("张伟", names);
        Assert.All(expired.GetProperty("items").EnumerateArray(), o => Assert.Equal("过期", o.GetProperty("statusLabel").GetString()));

        var paged = await api.GetFromJsonAsync<JsonElement>("/api/v1/officers?pageSize=2&page=2");
        Assert.Equal(2, paged.GetProperty("items").GetArrayLength());
        Assert.True(paged.GetProperty("total").GetInt32() >= 14);

        var tooMany = await api.GetAsync("/api/v1/officers?pageSize=500");
        Assert.Equal(HttpStatusCode.BadRequest, tooMany.StatusCode);
        Assert.Equal(["pageSize"], (await tooMany.ReadProblemAsync()).Fields);

        var badStatus = await api.GetAsync("/api/v1/officers?status=Lost");
        Assert.Equal(["status"], (await badStatus.ReadProblemAsync()).Fields);
    }

    [Fact]
    public async Task The_dashboard_API_gives_the_figures_of_a_visible_agency_and_hides_the_others()
    {
        var yj = await app.ApiClientAsync("yj.admin");
        int safety = await app.AgencyOfficersIdAsync(Safety);
        int health = await app.AgencyOfficersIdAsync(Health);

        Assert.Equal(HttpStatusCode.NotFound, (await yj.GetAsync($"/api/v1/agencies/{health}/dashboard")).StatusCode);

        var supervisor = await app.ApiClientAsync("supervisor");
        var d = await supervisor.GetFromJsonAsync<JsonElement>($"/api/v1/agencies/{health}/dashboard");
        Assert.False(d.GetProperty("belowLegalReviewerFloor").GetBoolean());
        Assert.Equal(0.05m, d.GetProperty("legalReviewerFloor").GetDecimal());
        Assert.Contains(d.GetProperty("expiring").EnumerateArray(), e => e.GetProperty("name").GetString() == "刘洋");
        var revoked = d.GetProperty("officersByStatus").EnumerateArray().Single(s => s.GetProperty("status").GetString() == "Revoked");
        Assert.Equal("注销", revoked.GetProperty("label").GetString());
        Assert.True(revoked.GetProperty("count").GetInt32() >= 1);

        var own = await yj.GetFromJsonAsync<JsonElement>($"/api/v1/agencies/{safety}/dashboard");
        Assert.Equal(Safety, own.GetProperty("agencyName").GetString());
    }
}
