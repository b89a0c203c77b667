using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Zhifa.Web.Tests.Cases;
using Zhifa.Web.Tests.Infrastructure;
using static Zhifa.Web.Tests.LegalReview.LegalReviewTestData;

namespace Zhifa.Web.Tests.LegalReview;

/// <summary>LR-2: the agency's catalogue, edited by its administrators on the page and through the API, decides which cases are flagged.</summary>
public sealed class LegalReviewCatalogueTests(ZhifaFactory app) : IClassFixture<ZhifaFactory>
{
    private async Task<(HttpClient Admin, int AgencyId)> AdminAsync() => (await app.ApiClientAsync("admin"), await app.AgencyIdAsync());

    [Fact]
    public async Task An_agency_without_a_catalogue_has_the_default_one_and_only_its_administrators_change_it()
    {
        // 永兴县应急管理局: no other test of this class changes its catalogue.
        var agencyId = await app.AgencyIdAsync("永兴县应急管理局");
        var handler = await app.ApiClientAsync("yj.handler");
        var catalogue = await handler.GetFromJsonAsync<JsonElement>($"/api/v1/agencies/{agencyId}/legal-review-catalogue");
        Assert.True(catalogue.GetProperty("isDefault").GetBoolean());
        Assert.Contains(catalogue.GetProperty("majorKinds").EnumerateArray(), k => k.GetProperty("label").GetString() == "吊销许可证件");
        Assert.Equal(5, catalogue.GetProperty("judgementCriteria").GetArrayLength());

        Assert.Equal(HttpStatusCode.Forbidden, (await handler.PutAsJsonAsync($"/api/v1/agencies/{agencyId}/legal-review-catalogue", new { })).StatusCode);
        var healthId = await app.AgencyIdAsync();
        Assert.Equal(HttpStatusCode.NotFound, (await (await app.ApiClientAsync("yj.admin")).PutAsJsonAsync($"/api/v1/agencies/{healthId}/legal-review-catalogue", new { })).StatusCode);
        var refused = await (await app.ApiClientAsync("yj.admin")).PutAsJsonAsync($"/api/v1/agencies/{agencyId}/legal-review-catalogue", new { naturalPersonFineYuan = -5, majorKinds = new[] { "打板子" } });
        var (_, fields, _) = await refused.ReadProblemAsync();
        Assert.Equal(["naturalPersonFineYuan", "majorKinds"], fields);
        Assert.True((await handler.GetFromJsonAsync<JsonElement>($"/api/v1/agencies/{agencyId}/legal-review-catalogue")).GetProperty("isDefault").GetBoolean());
    }

    [Fact]
    public async Task Thresholds_and_the_all_general_procedure_setting_flag_cases_with_the_reasons_shown()
    {
        var (admin, agencyId) = await AdminAsync();
        var handler = await app.ApiClientAsync("handler");
        var (person, _) = await CaseAtStatementAsync(app, handler, "Fine", 10000m, content: "罚款一万元");
        var (company, _) = await CaseAtStatementAsync(app, handler, "Fine", 10000m, content: "罚款一万元", partyKind: "LegalPerson");
        Assert.False((await ViewAsync(handler, person)).GetProperty("gate").GetProperty("required").GetBoolean());

        await ExpectAsync(await admin.PutAsJsonAsync($"/api/v1/agencies/{agencyId}/legal-review-catalogue", new
        {
            naturalPersonFineYuan = 10000, organisationFineYuan = 100000, confiscationYuan = 100000, majorKinds = new[] { "吊销许可证件", "SuspendBusiness" },
            afterHearing = true, allGeneralProcedurePenalties = false, notes = "本局目录清单（2026 年版）",
        }), HttpStatusCode.OK);
        var view = await ViewAsync(handler, person);
        Assert.Equal("fine.natural_person", view.GetProperty("reasons")[0].GetProperty("code").GetString());
        Assert.Contains("10,000", view.GetProperty("reasons")[0].GetProperty("message").GetString());
        Assert.False((await ViewAsync(handler, company)).GetProperty("gate").GetProperty("required").GetBoolean());
        Assert.Equal(HttpStatusCode.Forbidden, (await MoveAsync(handler, person, Zhifa.Domain.Cases.CaseSteps.Decided)).StatusCode);

        await ExpectAsync(await admin.PutAsJsonAsync($"/api/v1/agencies/{agencyId}/legal-review-catalogue", new { allGeneralProcedurePenalties = true }), HttpStatusCode.OK);
        var all = await ViewAsync(handler, company);
        Assert.Equal("all_general", all.GetProperty("reasons")[0].GetProperty("code").GetString());

        await ExpectAsync(await admin.PutAsJsonAsync($"/api/v1/agencies/{agencyId}/legal-review-catalogue", new { majorKinds = new[] { "RevokeLicence" }, afterHearing = true }), HttpStatusCode.OK);
        Assert.False((await ViewAsync(handler, company)).GetProperty("gate").GetProperty("required").GetBoolean());
    }
}

/// <summary>LR-2 on the page: its own application, since it changes the catalogue the other tests read.</summary>
public sealed class LegalReviewCataloguePageTests(ZhifaFactory app) : IClassFixture<ZhifaFactory>
{
    [Fact]
    public async Task The_catalogue_page_shows_the_criteria_and_saves_what_an_administrator_enters()
    {
        var agencyId = await app.AgencyIdAsync();
        var handlerPage = await (await (await app.SignInAsync("handler")).GetAsync($"/agencies/{agencyId}/legal-review-catalogue")).Content.ReadAsStringAsync();
        Assert.Contains("案件情况疑难复杂、涉及多个法律关系", handlerPage);
        Assert.DoesNotContain(">保存</button>", handlerPage);

        var admin = await app.SignInAsync("admin");
        var url = $"/agencies/{agencyId}/legal-review-catalogue";
        var refused = await ZhifaFactory.PostFormAsync(admin, url, new() { ["Input.NaturalPersonFineYuan"] = "0", ["Input.MajorKinds"] = "RevokeLicence" });
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("对自然人（含个体工商户）的罚款数额应大于零", await refused.Content.ReadAsStringAsync());

        var saved = await ZhifaFactory.PostFormAsync(admin, url, new()
        {
            ["Input.NaturalPersonFineYuan"] = "20000", ["Input.OrganisationFineYuan"] = "50000", ["Input.MajorKinds"] = "RevokeLicence", ["Input.AfterHearing"] = "true",
        });
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var api = await (await app.ApiClientAsync("handler")).GetFromJsonAsync<JsonElement>($"/api/v1/agencies/{agencyId}/legal-review-catalogue");
        Assert.Equal(20000m, api.GetProperty("naturalPersonFineYuan").GetDecimal());
        Assert.Equal(50000m, api.GetProperty("organisationFineYuan").GetDecimal());
        Assert.Equal(["RevokeLicence"], api.GetProperty("majorKinds").EnumerateArray().Select(k => k.GetProperty("code").GetString()));
        Assert.False(api.GetProperty("allGeneralProcedurePenalties").GetBoolean());
        Assert.Equal(HttpStatusCode.NotFound, (await (await app.SignInAsync("yj.admin")).GetAsync(url)).StatusCode);
    }
}
