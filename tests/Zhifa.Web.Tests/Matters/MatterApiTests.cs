using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Zhifa.Web.Tests.Infrastructure;

namespace Zhifa.Web.Tests.Matters;

public class MatterApiTests(ZhifaFactory app) : IClassFixture<ZhifaFactory>
{
    private async Task<object> ValidInputAsync(string code) => new
    {
        agencyId = await app.AgencyIdAsync(MatterTestData.Safety),
        code,
        name = "对生产经营单位未建立事故隐患排查治理制度的行政处罚",
        category = "Penalty",
        responsibleUnitId = await app.UnitIdAsync("安全生产执法大队"),
        randomInspection = false,
        bases = new[]
        {
            new { law = "中华人民共和国安全生产法", article = "第一百零一条第五项", text = "生产经营单位有下列行为之一的……" },
            new { law = "安全生产违法行为行政处罚办法", article = "第四十五条", text = "" },
        },
    };

    [Fact]
    public async Task An_administrator_creates_reads_changes_and_deletes_a_matter()
    {
        var api = await app.ApiClientAsync("yj.admin");

        var created = await api.PostAsJsonAsync("/api/v1/matters", await ValidInputAsync("API-001"));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var dto = await created.Content.ReadFromJsonAsync<JsonElement>();
        int id = dto.GetProperty("id").GetInt32();
        Assert.Equal("行政处罚", dto.GetProperty("categoryLabel").GetString());
        Assert.Equal("安全生产执法大队", dto.GetProperty("responsibleUnitName").GetString());
        Assert.Equal(2, dto.GetProperty("bases").GetArrayLength());

        var change = new
        {
            code = "API-001", name = "改过的名称", category = "行政检查", randomInspection = true,
            bases = new[] { new { law = "中华人民共和国安全生产法", article = "第六十五条", text = "……" } },
        };
        var put = await api.PutAsJsonAsync($"/api/v1/matters/{id}", change);
        Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        var read = await api.GetFromJsonAsync<JsonElement>($"/api/v1/matters/{id}");
        Assert.Equal("改过的名称", read.GetProperty("name").GetString());
        Assert.Equal("Inspection", read.GetProperty("category").GetString());
        Assert.True(read.GetProperty("randomInspection").GetBoolean());
        Assert.Equal("第六十五条", Assert.Single(read.GetProperty("bases").EnumerateArray()).GetProperty("article").GetString());

        Assert.Equal(HttpStatusCode.NoContent, (await api.DeleteAsync($"/api/v1/matters/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await api.GetAsync($"/api/v1/matters/{id}")).StatusCode);
        Assert.False(await app.WithDbAsync(db => db.LegalBases.AnyAsync(b => b.MatterId == id)));
    }

    [Fact]
    public async Task A_create_with_wrong_fields_names_each_field_and_saves_nothing()
    {
        var api = await app.ApiClientAsync("yj.admin");
        int before = await app.MatterCountAsync(MatterTestData.Safety);

        var response = await api.PostAsJsonAsync("/api/v1/matters", new
        {
            agencyId = await app.AgencyIdAsync(MatterTestData.Safety),
            code = "",
            name = "某事项",
            category = "奖励",
            responsibleUnitId = await app.UnitIdAsync("公共卫生监督股"),
            bases = new[] { new { law = "某法", article = "", text = "" } },
        });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var (code, fields, body) = await response.ReadProblemAsync();
        Assert.Equal("validation", code);
        Assert.Contains("code", fields);
        Assert.Contains("category", fields);
        Assert.Contains("responsibleUnitId", fields);
        Assert.Contains("bases[0].article", fields);
        Assert.Contains("事项编码不能为空", body);
        Assert.Equal(before, await app.MatterCountAsync(MatterTestData.Safety));
    }

    [Fact]
    public async Task A_matter_without_any_legal_basis_is_refused()
    {
        var api = await app.ApiClientAsync("yj.admin");
        var response = await api.PostAsJsonAsync("/api/v1/matters", new { code = "API-NOBASIS", name = "无依据", category = "Other", bases = Array.Empty<object>() });

        var (_, fields, body) = await response.ReadProblemAsync();
        Assert.Contains("bases", fields);
        Assert.Contains("至少需要一条法律依据", body);
    }

    [Fact]
    public async Task A_duplicate_code_in_the_same_agency_is_refused_on_the_code_field()
    {
        var api = await app.ApiClientAsync("yj.admin");
        var response = await api.PostAsJsonAsync("/api/v1/matters", await ValidInputAsync("331017001000"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var (_, fields, body) = await response.ReadProblemAsync();
        Assert.Equal(["code"], fields);
        Assert.Contains("事项编码已存在", body);
    }

    [Fact]
    public async Task The_same_code_may_be_used_by_another_agency()
    {
        var api = await app.ApiClientAsync("admin");
        var input = new
        {
            agencyId = await app.AgencyIdAsync(MatterTestData.Safety), code = "330217001000", name = "同编码不同主体", category = "Other",
            bases = new[] { new { law = "某法", article = "第一条", text = "" } },
        };
        Assert.Equal(HttpStatusCode.Created, (await api.PostAsJsonAsync("/api/v1/matters", input)).StatusCode);
    }

    [Fact]
    public async Task A_handler_may_read_but_not_create_change_delete_or_import()
    {
        var api = await app.ApiClientAsync("handler");
        int health = await app.AgencyIdAsync(MatterTestData.Health);
        int matter = await app.MatterIdAsync("330217003000");

        Assert.Equal(HttpStatusCode.OK, (await api.GetAsync($"/api/v1/matters/{matter}")).StatusCode);
        var create = await api.PostAsJsonAsync("/api/v1/matters", new { agencyId = health, code = "H-1", name = "x", category = "Other", bases = new[] { new { law = "a", article = "b" } } });
        Assert.Equal(HttpStatusCode.Forbidden, create.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await api.PutAsJsonAsync($"/api/v1/matters/{matter}", new { code = "x" })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await api.DeleteAsync($"/api/v1/matters/{matter}")).StatusCode);
        var import = await api.PostAsync($"/api/v1/agencies/{health}/matters/import",
            MatterTestData.Upload(MatterTestData.Xlsx(["H-2", "名称", "行政处罚", "", "某法", "第一条", "", "否"]), "m.xlsx"));
        Assert.Equal(HttpStatusCode.Forbidden, import.StatusCode);
        Assert.Equal(0, await app.WithDbAsync(db => db.Matters.CountAsync(m => m.Code.StartsWith("H-"))));
    }

    [Fact]
    public async Task Another_agencys_matters_are_not_found()
    {
        var api = await app.ApiClientAsync("yj.admin");
        int health = await app.AgencyIdAsync(MatterTestData.Health);
        int matter = await app.MatterIdAsync("330217003000");

        Assert.Equal(HttpStatusCode.NotFound, (await api.GetAsync($"/api/v1/matters/{matter}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await api.PutAsJsonAsync($"/api/v1/matters/{matter}", new { code = "" })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await api.DeleteAsync($"/api/v1/matters/{matter}")).StatusCode);
        var create = await api.PostAsJsonAsync("/api/v1/matters", new { agencyId = health, code = "X", name = "x", category = "Other", bases = new[] { new { law = "a", article = "b" } } });
        Assert.Equal(HttpStatusCode.NotFound, create.StatusCode);
        var import = await api.PostAsync($"/api/v1/agencies/{health}/matters/import",
            MatterTestData.Upload(MatterTestData.Xlsx(["Y-1", "名称", "行政处罚", "", "某法", "第一条", "", "否"]), "m.xlsx"));
        Assert.Equal(HttpStatusCode.NotFound, import.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await api.GetAsync($"/api/v1/agencies/{health}/matters/export")).StatusCode);

        var list = await api.GetFromJsonAsync<JsonElement>($"/api/v1/matters?agencyId={health}");
        Assert.Equal(0, list.GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task The_list_filters_by_category_flag_and_text()
    {
        var api = await app.ApiClientAsync("handler");
        int health = await app.AgencyIdAsync(MatterTestData.Health);

        var all = await api.GetFromJsonAsync<JsonElement>("/api/v1/matters");
        Assert.All(all.GetProperty("items").EnumerateArray(), m => Assert.Equal(health, m.GetProperty("agencyId").GetInt32()));

        var inspections = await api.GetFromJsonAsync<JsonElement>($"/api/v1/matters?agencyId={health}&category=Inspection&randomInspection=true");
        var only = Assert.Single(inspections.GetProperty("items").EnumerateArray());
        Assert.Equal("330617001000", only.GetProperty("code").GetString());

        var byText = await api.GetFromJsonAsync<JsonElement>("/api/v1/matters?q=" + Uri.EscapeDataString("非卫生技术人员"));
        var found = Assert.Single(byText.GetProperty("items").EnumerateArray());
        Assert.Equal(2, found.GetProperty("bases").GetArrayLength());

        var wrong = await api.GetAsync("/api/v1/matters?category=nonsense");
        Assert.Equal(["category"], (await wrong.ReadProblemAsync()).Fields);
    }
}
