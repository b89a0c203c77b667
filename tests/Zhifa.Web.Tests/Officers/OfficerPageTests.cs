using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Zhifa.Domain.Officers;
using Zhifa.Web.Tests.Infrastructure;
using static Zhifa.Web.Tests.Officers.OfficerTestData;

namespace Zhifa.Web.Tests.Officers;

public class OfficerPageTests(ZhifaFactory app) : IClassFixture<ZhifaFactory>
{
    private async Task<Dictionary<string, string>> NewOfficerFormAsync(string name, string number)
        => new()
        {
            ["Input.AgencyId"] = S(await app.AgencyOfficersIdAsync(Safety)),
            ["Input.UnitId"] = S(await app.UnitOfficersIdAsync("安全生产执法大队")),
            ["Input.Name"] = name,
            ["Input.Position"] = "执法队员",
            ["Input.HasLegalQualification"] = "true",
            ["Input.CertificateNumber"] = number,
            ["Input.Issuer"] = "湖南省人民政府",
            ["Input.ValidFrom"] = Iso(Today.AddYears(-1)),
            ["Input.ValidUntil"] = Iso(Today.AddYears(4)),
            ["Input.Domains"] = "安全生产、危险化学品",
        };

    [Fact]
    public async Task An_administrator_creates_an_officer_with_his_first_certificate_and_lands_on_the_officer_page()
    {
        var client = await app.SignInAsync("yj.admin");
        var number = NewNumber();

        var response = await ZhifaFactory.PostFormAsync(client, "/officers/new", await NewOfficerFormAsync("邓晓峰", number));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var location = response.Headers.Location!.ToString();
        Assert.Matches(@"^/officers/\d+$", location);
        var page = await client.GetStringAsync(location);
        Assert.Contains("邓晓峰", page);
        Assert.Contains("执法人员及执法证已新增", page);
        Assert.Contains(number, page);
        Assert.Contains("安全生产、危险化学品", page);
        Assert.Contains("有效", page);
        Assert.Matches($@"<a[^>]*href=""{location}/certificates/\d+/print""[^>]*>打印</a>", page);
    }

    [Fact]
    public async Task The_new_officer_form_has_the_fields_and_the_save_button_people_and_browser_tests_rely_on()
    {
        var client = await app.SignInAsync("yj.admin");
        var page = await client.GetStringAsync("/officers/new");
        foreach (var field in new[] { "Input.Name", "Input.AgencyId", "Input.UnitId", "Input.Position", "Input.CertificateNumber", "Input.Issuer", "Input.ValidFrom", "Input.ValidUntil", "Input.Domains" })
            Assert.Contains($"name=\"{field}\"", page);
        Assert.Contains(">保存</button>", page);
        Assert.Contains("法律职业资格", page);
        Assert.Contains("法制审核人员", page);
        // The agency defaults to the administrator's own and nothing of another agency is offered.
        Assert.Matches("<option selected=\"selected\" value=\"\\d+\">永兴县应急管理局</option>", page);
        Assert.DoesNotContain(Health, page);
        Assert.DoesNotContain("公共卫生监督股", page);
    }

    [Fact]
    public async Task A_form_with_the_end_before_the_start_and_no_name_names_both_fields_and_saves_nothing()
    {
        var client = await app.SignInAsync("yj.admin");
        var (officers, certificates) = (await app.OfficerCountAsync(), await app.CertificateCountAsync());
        var form = await NewOfficerFormAsync("", NewNumber());
        form["Input.ValidFrom"] = Iso(Today);
        form["Input.ValidUntil"] = Iso(Today.AddDays(-1));

        var response = await ZhifaFactory.PostFormAsync(client, "/officers/new", form);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await response.Content.ReadAsStringAsync();
        Assert.Contains("有效期截止日期不能早于起始日期", page);
        Assert.Contains("姓名不能为空", page);
        Assert.Equal(officers, await app.OfficerCountAsync());
        Assert.Equal(certificates, await app.CertificateCountAsync());
    }

    [Fact]
    public async Task A_certificate_number_already_in_use_anywhere_is_refused_on_the_form_and_nothing_is_saved()
    {
        var client = await app.SignInAsync("yj.admin");
        var officers = await app.OfficerCountAsync();
        // 43102301001 belongs to 张伟 of the other county agency: numbers are unique across the deployment.
        var response = await ZhifaFactory.PostFormAsync(client, "/officers/new", await NewOfficerFormAsync("重复证号", "43102301001"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await response.Content.ReadAsStringAsync();
        Assert.Contains("执法证号已存在", page);
        Assert.Matches("name=\"Input.CertificateNumber\"[^>]*value=\"43102301001\"|value=\"43102301001\"[^>]*name=\"Input.CertificateNumber\"", page);
        Assert.Equal(officers, await app.OfficerCountAsync());
    }

    [Fact]
    public async Task A_date_that_is_not_a_date_is_named_in_Chinese()
    {
        var client = await app.SignInAsync("yj.admin");
        var form = await NewOfficerFormAsync("日期有误", NewNumber());
        form["Input.ValidFrom"] = "去年";
        var officers = await app.OfficerCountAsync();

        var response = await ZhifaFactory.PostFormAsync(client, "/officers/new", form);

        var page = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("有效期起始日期格式不正确", page);
        Assert.DoesNotContain("is not valid", page);
        Assert.Equal(officers, await app.OfficerCountAsync());
    }

    [Fact]
    public async Task A_case_handler_reads_officers_but_cannot_open_the_forms_that_change_them()
    {
        var client = await app.SignInAsync("handler");
        var list = await client.GetStringAsync("/officers");
        Assert.Contains("张伟", list);
        Assert.DoesNotContain("新增执法人员", list);

        int zhangWei = await app.OfficerIdAsync("张伟");
        var detail = await client.GetAsync($"/officers/{zhangWei}");
        Assert.Equal(HttpStatusCode.OK, detail.StatusCode);
        Assert.DoesNotContain("新增执法证", await detail.Content.ReadAsStringAsync());

        foreach (var url in new[] { "/officers/new", $"/officers/{zhangWei}/edit", $"/officers/{zhangWei}/certificates/new", $"/officers/{zhangWei}/trainings/new" })
        {
            var response = await client.GetAsync(url);
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.StartsWith("/account/access-denied", response.Headers.Location!.PathAndQuery);
        }
    }

    [Fact]
    public async Task An_administrator_of_another_agency_gets_not_found_for_every_page_of_a_health_officer()
    {
        var client = await app.SignInAsync("yj.admin");
        var (officerId, certificateId) = await app.CertificateIdsAsync("43102301001");
        foreach (var url in new[]
                 {
                     $"/officers/{officerId}", $"/officers/{officerId}/edit", $"/officers/{officerId}/certificates/new",
                     $"/officers/{officerId}/certificates/{certificateId}/edit", $"/officers/{officerId}/certificates/{certificateId}/print",
                     $"/officers/{officerId}/trainings/new",
                 })
            Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(url)).StatusCode);

        var list = await client.GetStringAsync("/officers?q=43102301001");
        Assert.DoesNotContain("data-testid=\"officer-row\"", list);
    }

    [Fact]
    public async Task The_list_filters_by_certificate_number_and_by_status_shown_in_Chinese()
    {
        var client = await app.SignInAsync("supervisor");

        var byNumber = await client.GetStringAsync("/officers?q=43102301004");
        Assert.Contains("刘洋", byNumber);
        Assert.DoesNotContain("张伟", byNumber);

        var revoked = await client.GetStringAsync("/officers?status=Revoked");
        Assert.Contains("黄磊", revoked);
        Assert.Contains(">注销</span>", revoked);
        Assert.DoesNotContain("刘洋", revoked);

        var expired = await client.GetStringAsync($"/officers?agencyId={await app.AgencyOfficersIdAsync(Health)}&status=Expired");
        Assert.Contains("陈静", expired);
        Assert.Contains(">过期</span>", expired);
        Assert.DoesNotContain("吴刚", expired);
    }

    [Fact]
    public async Task Revoking_a_certificate_needs_a_reason_and_then_the_public_check_shows_it_revoked()
    {
        var client = await app.SignInAsync("yj.admin");
        var number = NewNumber();
        var created = await ZhifaFactory.PostFormAsync(client, "/officers/new", await NewOfficerFormAsync("罗斌", number));
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var (officerId, certificateId) = await app.CertificateIdsAsync(number);
        var edit = $"/officers/{officerId}/certificates/{certificateId}/edit";

        var refused = await ZhifaFactory.PostFormAsync(client, edit, new() { ["StateForm.State"] = "Revoked", ["StateForm.Reason"] = "" }, edit + "?handler=State");
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("注销执法证须填写原因", await refused.Content.ReadAsStringAsync());
        Assert.Equal(CertificateState.Active, await app.WithDbAsync(db => db.Certificates.Where(c => c.Id == certificateId).Select(c => c.State).SingleAsync()));

        var done = await ZhifaFactory.PostFormAsync(client, edit, new() { ["StateForm.State"] = "Revoked", ["StateForm.Reason"] = "调离执法岗位" }, edit + "?handler=State");
        Assert.Equal(HttpStatusCode.Redirect, done.StatusCode);
        var detail = await client.GetStringAsync($"/officers/{officerId}");
        Assert.Contains("执法证已注销", detail);
        Assert.Contains("调离执法岗位", detail);

        var publicPage = await app.Anonymous().GetAsync($"/gs/certificates/{number}");
        Assert.Equal(HttpStatusCode.OK, publicPage.StatusCode);
        Assert.Matches("data-testid=\"certificate-status\">注销<", await publicPage.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Suspending_and_restoring_a_certificate_changes_its_status_and_a_revoked_one_offers_no_more_changes()
    {
        var client = await app.SignInAsync("yj.admin");
        var number = NewNumber();
        Assert.Equal(HttpStatusCode.Redirect, (await ZhifaFactory.PostFormAsync(client, "/officers/new", await NewOfficerFormAsync("钱进", number))).StatusCode);
        var (officerId, certificateId) = await app.CertificateIdsAsync(number);
        var edit = $"/officers/{officerId}/certificates/{certificateId}/edit";

        await ZhifaFactory.PostFormAsync(client, edit, new() { ["StateForm.State"] = "Suspended", ["StateForm.Reason"] = "涉嫌违纪，暂停执法" }, edit + "?handler=State");
        Assert.Contains(">暂扣</span>", await client.GetStringAsync($"/officers/{officerId}"));

        await ZhifaFactory.PostFormAsync(client, edit, new() { ["StateForm.State"] = "Active", ["StateForm.Reason"] = "" }, edit + "?handler=State");
        Assert.Contains(">有效</span>", await client.GetStringAsync($"/officers/{officerId}"));

        await ZhifaFactory.PostFormAsync(client, edit, new() { ["StateForm.State"] = "Revoked", ["StateForm.Reason"] = "退休" }, edit + "?handler=State");
        var page = await client.GetStringAsync(edit);
        Assert.DoesNotContain("data-testid=\"certificate-state-form\"", page);
        Assert.Contains("已注销的执法证不能再变更状态", page);
    }

    [Fact]
    public async Task A_certificate_is_added_and_corrected_on_its_own_forms()
    {
        var client = await app.SignInAsync("yj.admin");
        int wuGang = await app.OfficerIdAsync("吴刚");
        var number = NewNumber();
        var form = new Dictionary<string, string>
        {
            ["Input.Number"] = number, ["Input.Issuer"] = "湖南省人民政府", ["Input.ValidFrom"] = Iso(Today.AddYears(2)),
            ["Input.ValidUntil"] = Iso(Today.AddYears(7)), ["Input.Domains"] = "安全生产",
        };
        var added = await ZhifaFactory.PostFormAsync(client, $"/officers/{wuGang}/certificates/new", form);
        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        var detail = await client.GetStringAsync($"/officers/{wuGang}");
        Assert.Contains(number, detail);
        Assert.Contains(">未生效</span>", detail);

        var (_, certificateId) = await app.CertificateIdsAsync(number);
        form["Input.Number"] = "43102302002"; // 郑凯's
        var duplicate = await ZhifaFactory.PostFormAsync(client, $"/officers/{wuGang}/certificates/{certificateId}/edit", form);
        Assert.Equal(HttpStatusCode.OK, duplicate.StatusCode);
        Assert.Contains("执法证号已存在", await duplicate.Content.ReadAsStringAsync());
        Assert.Equal(number, await app.WithDbAsync(db => db.Certificates.Where(c => c.Id == certificateId).Select(c => c.Number).SingleAsync()));

        form["Input.Number"] = number;
        form["Input.Domains"] = "安全生产，危险化学品";
        var corrected = await ZhifaFactory.PostFormAsync(client, $"/officers/{wuGang}/certificates/{certificateId}/edit", form);
        Assert.Equal(HttpStatusCode.Redirect, corrected.StatusCode);
        Assert.Equal("安全生产,危险化学品", await app.WithDbAsync(db => db.Certificates.Where(c => c.Id == certificateId).Select(c => c.Domains).SingleAsync()));
    }

    [Fact]
    public async Task An_officer_who_left_is_marked_not_serving_and_a_training_is_recorded_on_his_page()
    {
        var client = await app.SignInAsync("yj.admin");
        int sunLi = await app.OfficerIdAsync("孙丽");
        var edit = await ZhifaFactory.PostFormAsync(client, $"/officers/{sunLi}/edit", new()
        {
            ["Input.Name"] = "孙丽", ["Input.Position"] = "执法队员", ["Input.UnitId"] = S(await app.UnitOfficersIdAsync("安全生产执法大队")),
            ["Input.Active"] = "false",
        });
        Assert.Equal(HttpStatusCode.Redirect, edit.StatusCode);
        Assert.Contains("离岗", await client.GetStringAsync($"/officers/{sunLi}"));

        var refused = await ZhifaFactory.PostFormAsync(client, $"/officers/{sunLi}/trainings/new", new()
        {
            ["Input.Date"] = Iso(Today), ["Input.Title"] = "", ["Input.Hours"] = "0",
        });
        var refusedPage = await refused.Content.ReadAsStringAsync();
        Assert.Contains("培训名称不能为空", refusedPage);
        Assert.Contains("学时应大于 0", refusedPage);

        var added = await ZhifaFactory.PostFormAsync(client, $"/officers/{sunLi}/trainings/new", new()
        {
            ["Input.Date"] = Iso(Today.AddDays(-3)), ["Input.Title"] = "危险化学品安全监管执法培训", ["Input.Hours"] = "12", ["Input.Result"] = "合格",
        });
        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        var detail = await client.GetStringAsync($"/officers/{sunLi}");
        Assert.Contains("危险化学品安全监管执法培训", detail);
        Assert.Contains("培训记录已登记", detail);
    }

    [Fact]
    public async Task The_print_page_shows_the_card_with_a_QR_code_and_the_public_address_it_encodes()
    {
        var client = await app.SignInAsync("handler");
        var (officerId, certificateId) = await app.CertificateIdsAsync("43102301001");

        var response = await client.GetAsync($"/officers/{officerId}/certificates/{certificateId}/print");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await response.Content.ReadAsStringAsync();
        Assert.Matches("data-testid=\"certificate-qr\"[^>]*>\\s*<svg", page);
        Assert.Contains("data-testid=\"certificate-url\">http://localhost/gs/certificates/43102301001<", page);
        Assert.Contains("张伟", page);
        Assert.Contains("永兴县卫生健康局", page);
        Assert.Contains("打印执法证二维码", page);
        Assert.Contains("@media print", page);
        Assert.DoesNotContain("<?xml", page);
    }

    [Fact]
    public async Task The_officer_page_links_each_certificate_to_its_print_page()
    {
        var client = await app.SignInAsync("handler");
        var (officerId, certificateId) = await app.CertificateIdsAsync("43102301004");
        var page = await client.GetStringAsync($"/officers/{officerId}");
        Assert.Contains($"href=\"/officers/{officerId}/certificates/{certificateId}/print\">打印</a>", page);
        Assert.Single(Regex.Matches(page, ">打印</a>"));
    }
}
