using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Zhifa.Domain.Common;
using Zhifa.Web.Tests.Infrastructure;

namespace Zhifa.Web.Tests.Agencies;

public sealed class AgencyTests(ZhifaFactory app) : IClassFixture<ZhifaFactory>
{
    private sealed record UnitView(int Id, string Name, bool IsLegalReviewUnit);
    private sealed record AgencyView(int Id, int? ParentId, string Name, string ShortName, string CreditCode, List<UnitView> Units);

    [Fact]
    public async Task The_supervisor_agency_sees_its_county_agencies_with_their_legal_review_units()
    {
        var client = await app.ApiClientAsync("supervisor");
        var list = await client.GetFromJsonAsync<List<AgencyView>>("/api/v1/agencies");
        var health = list!.Single(a => a.Name == "永兴县卫生健康局");
        Assert.Equal("永卫", health.ShortName);
        Assert.Equal("法监股", health.Units.Single(u => u.IsLegalReviewUnit).Name);
        Assert.True(IdentityCodes.IsValidCreditCode(health.CreditCode));
    }

    [Fact]
    public async Task An_agency_with_a_wrong_credit_code_check_character_is_refused_and_nothing_is_saved()
    {
        var admin = await app.ApiClientAsync("admin");
        var parent = (await admin.GetFromJsonAsync<List<AgencyView>>("/api/v1/agencies"))!.Single(a => a.Name == "郴州市司法局");
        var valid = IdentityCodes.CompleteCreditCode("11431023MB1E77777");
        var wrong = valid[..17] + (valid[17] == '0' ? '1' : '0');
        int before = await app.WithDbAsync(db => db.Agencies.CountAsync());

        var response = await admin.PostAsJsonAsync("/api/v1/agencies", new
        {
            parentId = parent.Id, name = "永兴县市场监督管理局", shortName = "", type = "AdministrativeOrgan", level = "County", creditCode = wrong,
        });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var (code, fields, body) = await response.ReadProblemAsync();
        Assert.Equal("validation", code);
        Assert.Contains("creditCode", fields);
        Assert.Contains("shortName", fields);
        Assert.Contains("校验码错误", body);
        Assert.Equal(before, await app.WithDbAsync(db => db.Agencies.CountAsync()));

        var created = await admin.PostAsJsonAsync("/api/v1/agencies", new
        {
            parentId = parent.Id, name = "永兴县市场监督管理局", shortName = "永市监", type = "AdministrativeOrgan", level = "County", creditCode = valid,
        });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
    }

    [Fact]
    public async Task A_malformed_body_is_refused_with_a_problem_naming_the_field()
    {
        var admin = await app.ApiClientAsync("admin");
        var response = await admin.PostAsync("/api/v1/agencies", new StringContent("""{"name":"x","type":"NoSuchType"}""", System.Text.Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var (_, fields, _) = await response.ReadProblemAsync();
        Assert.Equal(["type"], fields);
    }

    [Fact]
    public async Task Choosing_another_legal_review_unit_clears_the_previous_one()
    {
        var admin = await app.SignInAsync("yj.admin");
        var agency = await app.WithDbAsync(db => db.Agencies.Include(a => a.Units).SingleAsync(a => a.Name == "永兴县应急管理局"));
        var unit = agency.Units.First(u => !u.IsLegalReviewUnit);
        var response = await ZhifaFactory.PostFormAsync(admin, $"/agencies/{agency.Id}", [], $"/agencies/{agency.Id}?handler=LegalReviewUnit&unitId={unit.Id}");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var units = await app.WithDbAsync(db => db.Units.Where(u => u.AgencyId == agency.Id).ToListAsync());
        Assert.Equal(unit.Id, units.Single(u => u.IsLegalReviewUnit).Id);
    }

    [Fact]
    public async Task The_agency_form_shows_each_refused_field_in_Chinese()
    {
        var admin = await app.SignInAsync("admin");
        var response = await ZhifaFactory.PostFormAsync(admin, "/agencies/new", new()
        {
            ["Input.Name"] = "", ["Input.ShortName"] = "永", ["Input.CreditCode"] = "123", ["Input.Type"] = "AdministrativeOrgan", ["Input.Level"] = "County",
        });
        var html = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("名称不能为空", html);
        Assert.Contains("统一社会信用代码应为 18 位", html);
    }

    [Fact]
    public async Task A_case_number_rule_without_year_or_sequence_is_refused_and_a_good_one_is_kept()
    {
        var admin = await app.ApiClientAsync("yj.admin");
        var own = (await admin.GetFromJsonAsync<List<AgencyView>>("/api/v1/agencies"))!.Single();
        object Body(string format) => new
        {
            name = own.Name, shortName = own.ShortName, type = "AdministrativeOrgan", level = "County", creditCode = own.CreditCode, caseNumberFormat = format,
        };
        var bad = await admin.PutAsJsonAsync($"/api/v1/agencies/{own.Id}", Body("{agency}{kind}〔{year}〕号"));
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var (_, fields, _) = await bad.ReadProblemAsync();
        Assert.Equal(["caseNumberFormat"], fields);

        var ok = await admin.PutAsJsonAsync($"/api/v1/agencies/{own.Id}", Body("{agency}应急{kind}〔{year}〕第{seq}号"));
        Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        Assert.Contains("应急{kind}", await ok.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_handler_may_read_but_not_change_an_agency()
    {
        var handler = await app.ApiClientAsync("handler");
        var own = (await handler.GetFromJsonAsync<List<AgencyView>>("/api/v1/agencies"))!.Single();
        var response = await handler.PostAsJsonAsync($"/api/v1/agencies/{own.Id}/units", new { name = "新股室" });
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }
}
