using System.Net;
using Microsoft.EntityFrameworkCore;
using Zhifa.Web.Tests.Infrastructure;

namespace Zhifa.Web.Tests.Matters;

public class MatterPageTests(ZhifaFactory app) : IClassFixture<ZhifaFactory>
{
    private static string Id(int id) => id.ToString(System.Globalization.CultureInfo.InvariantCulture);

    private async Task<Dictionary<string, string>> FormAsync(string code, params (string Law, string Article, string Text)[] bases)
    {
        var fields = new Dictionary<string, string>
        {
            ["Input.AgencyId"] = Id(await app.AgencyIdAsync(MatterTestData.Safety)),
            ["Input.Code"] = code,
            ["Input.Name"] = "对生产经营单位未按规定进行安全评价的行政处罚",
            ["Input.Category"] = "Penalty",
            ["Input.ResponsibleUnitId"] = Id(await app.UnitIdAsync("安全生产执法大队")),
            ["Input.RandomInspection"] = "true",
        };
        for (int i = 0; i < bases.Length; i++)
        {
            fields[$"Input.Bases[{i}].Law"] = bases[i].Law;
            fields[$"Input.Bases[{i}].Article"] = bases[i].Article;
            fields[$"Input.Bases[{i}].Text"] = bases[i].Text;
        }
        return fields;
    }

    private static async Task<string> HtmlAsync(HttpResponseMessage response) => WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());

    [Fact]
    public async Task The_list_shows_the_visible_agencys_matters_with_category_unit_flag_and_bases()
    {
        var client = await app.SignInAsync("handler");

        var html = await HtmlAsync(await client.GetAsync("/matters"));

        Assert.Contains("对医疗机构使用非卫生技术人员从事医疗卫生技术工作的行政处罚", html);
        Assert.Contains("《医疗机构管理条例》第四十七条", html);
        Assert.Contains("《中华人民共和国医师法》第五十九条", html);
        Assert.Contains("医疗卫生监督股", html);
        Assert.Contains("行政许可", html);
        Assert.DoesNotContain("安全生产监督检查", html);

        var filtered = await HtmlAsync(await client.GetAsync("/matters?category=Licensing&q=" + Uri.EscapeDataString("卫生许可")));
        Assert.Contains("公共场所卫生许可", filtered);
        Assert.DoesNotContain("公共场所卫生监督检查", filtered);
        var random = await HtmlAsync(await client.GetAsync("/matters?random=" + Uri.EscapeDataString("是")));
        Assert.Contains("公共场所卫生监督检查", random);
        Assert.Contains("共 1 个事项", random);
    }

    [Fact]
    public async Task The_detail_shows_the_full_text_of_each_basis()
    {
        var client = await app.SignInAsync("handler");
        var html = await HtmlAsync(await client.GetAsync($"/matters/{await app.MatterIdAsync("330217003000")}"));

        Assert.Contains("非医师行医的，由县级以上人民政府卫生健康主管部门责令停止非法执业活动", html);
        Assert.DoesNotContain("删除此事项", html);
    }

    [Fact]
    public async Task An_administrator_creates_a_matter_with_several_bases_and_blank_rows_are_ignored()
    {
        var client = await app.SignInAsync("yj.admin");
        var form = await FormAsync("PG-001", ("中华人民共和国安全生产法", "第九十九条", "……"), ("", "", ""), ("安全评价检测检验机构管理办法", "第二十九条", ""));

        var response = await ZhifaFactory.PostFormAsync(client, "/matters/new", form);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var detail = await HtmlAsync(await client.GetAsync(response.Headers.Location));
        Assert.Contains("执法事项已新增", detail);
        Assert.Contains("《安全评价检测检验机构管理办法》第二十九条", detail);
        var matter = await app.WithDbAsync(db => db.Matters.Include(m => m.Bases).SingleAsync(m => m.Code == "PG-001"));
        Assert.Equal(2, matter.Bases.Count);
        Assert.True(matter.RandomInspection);
    }

    [Fact]
    public async Task A_form_with_errors_names_each_field_and_saves_nothing()
    {
        var client = await app.SignInAsync("yj.admin");
        int before = await app.MatterCountAsync(MatterTestData.Safety);
        var form = await FormAsync("", ("中华人民共和国安全生产法", "", ""));
        form["Input.Category"] = "";

        var response = await ZhifaFactory.PostFormAsync(client, "/matters/new", form);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await HtmlAsync(response);
        Assert.Matches("data-valmsg-for=\"Input.Code\"[^>]*>事项编码不能为空", html);
        Assert.Matches("data-valmsg-for=\"Input.Category\"[^>]*>请选择事项类别", html);
        Assert.Matches("data-valmsg-for=\"Input.Bases\\[0\\].Article\"[^>]*>条款不能为空", html);
        Assert.Contains("value=\"中华人民共和国安全生产法\"", html);
        Assert.Equal(before, await app.MatterCountAsync(MatterTestData.Safety));
    }

    [Fact]
    public async Task A_duplicate_code_is_refused_on_the_code_field()
    {
        var client = await app.SignInAsync("yj.admin");
        var response = await ZhifaFactory.PostFormAsync(client, "/matters/new", await FormAsync("331017001000", ("某法", "第一条", "")));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Matches("data-valmsg-for=\"Input.Code\"[^>]*>事项编码已存在", await HtmlAsync(response));
    }

    [Fact]
    public async Task Add_row_posts_back_with_one_more_basis_row_and_keeps_what_was_typed()
    {
        var client = await app.SignInAsync("yj.admin");
        var form = await FormAsync("PG-ROWS", ("法一", "第一条", ""), ("法二", "第二条", ""), ("法三", "第三条", ""));

        var response = await ZhifaFactory.PostFormAsync(client, "/matters/new", form, action: "/matters/new?handler=AddRow");

        var html = await HtmlAsync(response);
        Assert.Equal(4, System.Text.RegularExpressions.Regex.Count(html, "data-testid=\"basis-row\""));
        Assert.Contains("value=\"法三\"", html);
        Assert.False(await app.WithDbAsync(db => db.Matters.AnyAsync(m => m.Code == "PG-ROWS")));
    }

    [Fact]
    public async Task An_administrator_edits_and_deletes_a_matter()
    {
        var client = await app.SignInAsync("yj.admin");
        await ZhifaFactory.PostFormAsync(client, "/matters/new", await FormAsync("PG-EDIT", ("某法", "第一条", "")));
        int id = await app.MatterIdAsync("PG-EDIT");

        var edit = await HtmlAsync(await client.GetAsync($"/matters/{id}/edit"));
        Assert.Contains("value=\"PG-EDIT\"", edit);
        var form = await FormAsync("PG-EDIT", ("另一部法", "第九条", "新条文"));
        form["Input.Name"] = "改过的名称";
        var saved = await ZhifaFactory.PostFormAsync(client, $"/matters/{id}/edit", form);
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var matter = await app.WithDbAsync(db => db.Matters.Include(m => m.Bases).SingleAsync(m => m.Id == id));
        Assert.Equal("改过的名称", matter.Name);
        Assert.Equal("第九条", Assert.Single(matter.Bases).Article);

        var detail = await HtmlAsync(await client.GetAsync($"/matters/{id}"));
        Assert.Contains("确认删除", detail);
        var deleted = await ZhifaFactory.PostFormAsync(client, $"/matters/{id}", []);
        Assert.Equal(HttpStatusCode.Redirect, deleted.StatusCode);
        Assert.False(await app.WithDbAsync(db => db.Matters.AnyAsync(m => m.Id == id)));
    }

    [Fact]
    public async Task A_handler_is_refused_the_create_and_edit_pages()
    {
        var client = await app.SignInAsync("handler");
        int matter = await app.MatterIdAsync("330217003000");

        foreach (var page in new[] { "/matters/new", $"/matters/{matter}/edit" })
        {
            var response = await client.GetAsync(page);
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.Contains("/account/access-denied", response.Headers.Location?.OriginalString);
        }
        var form = await FormAsync("H-PAGE", ("某法", "第一条", ""));
        form["Input.AgencyId"] = Id(await app.AgencyIdAsync(MatterTestData.Health));
        var post = await ZhifaFactory.PostFormAsync(client, "/account/change-password", form, action: "/matters/new");
        Assert.Contains("/account/access-denied", post.Headers.Location?.OriginalString);
        var delete = await ZhifaFactory.PostFormAsync(client, "/account/change-password", [], action: $"/matters/{matter}");
        Assert.Contains("/account/access-denied", delete.Headers.Location?.OriginalString);
        Assert.False(await app.WithDbAsync(db => db.Matters.AnyAsync(m => m.Code == "H-PAGE")));
        Assert.True(await app.WithDbAsync(db => db.Matters.AnyAsync(m => m.Id == matter)));
    }

    [Fact]
    public async Task Another_agencys_matter_is_not_found_on_every_page()
    {
        var client = await app.SignInAsync("yj.admin");
        int matter = await app.MatterIdAsync("330217003000");

        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/matters/{matter}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/matters/{matter}/edit")).StatusCode);
        var edit = await ZhifaFactory.PostFormAsync(client, "/account/change-password", await FormAsync("X", ("a", "b", "")), action: $"/matters/{matter}/edit");
        Assert.Equal(HttpStatusCode.NotFound, edit.StatusCode);
        var delete = await ZhifaFactory.PostFormAsync(client, "/account/change-password", [], action: $"/matters/{matter}");
        Assert.Equal(HttpStatusCode.NotFound, delete.StatusCode);
        var create = await FormAsync("Y-PAGE", ("a", "b", ""));
        create["Input.AgencyId"] = Id(await app.AgencyIdAsync(MatterTestData.Health));
        Assert.Equal(HttpStatusCode.NotFound, (await ZhifaFactory.PostFormAsync(client, "/matters/new", create)).StatusCode);
        Assert.True(await app.WithDbAsync(db => db.Matters.AnyAsync(m => m.Id == matter)));
    }
}
