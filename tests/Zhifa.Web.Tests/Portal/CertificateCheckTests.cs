using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Zhifa.Web.Tests.Infrastructure;

namespace Zhifa.Web.Tests.Portal;

/// <summary>ORG-3: anyone can check a certificate and sees name, agency, domains, validity and status — nothing more.</summary>
[Collection("app")]
public class CertificateCheckTests(ZhifaFactory app)
{
    [Fact]
    public async Task Anyone_sees_name_agency_domains_validity_and_status_but_not_the_unit_or_position()
    {
        var response = await app.Anonymous().GetAsync("/gs/certificates/43102301001");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await response.Content.ReadAsStringAsync();
        Assert.Contains("data-testid=\"certificate-result\"", page);
        Assert.Contains("data-testid=\"certificate-name\">张伟<", page);
        Assert.Contains("data-testid=\"certificate-agency\">永兴县卫生健康局<", page);
        Assert.Contains("卫生健康、公共场所卫生", page);
        Assert.Matches(@"data-testid=""certificate-validity"">\d{4}-\d{2}-\d{2} 至 \d{4}-\d{2}-\d{2}<", page);
        Assert.Contains("data-testid=\"certificate-status\">有效<", page);
        Assert.DoesNotContain("公共卫生监督股", page);
        Assert.DoesNotContain("监督员", page);
        Assert.DoesNotContain("湖南省人民政府", page);
    }

    [Fact]
    public async Task The_form_checks_a_number_typed_in_any_case_with_spaces_around_it()
    {
        var page = await app.Anonymous().GetStringAsync("/gs/certificates");
        Assert.Contains("name=\"number\"", page);

        var response = await app.Anonymous().GetAsync("/gs/certificates?number=%2043102301007%20");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("data-testid=\"certificate-name\">赵敏<", await response.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData("43102301008", "注销")]
    [InlineData("43102301005", "过期")]
    [InlineData("43102301004", "有效")]
    public async Task The_status_shown_is_the_status_on_today(string number, string label)
    {
        var page = await app.Anonymous().GetStringAsync($"/gs/certificates/{number}");
        Assert.Contains($"data-testid=\"certificate-status\">{label}<", page);
    }

    [Fact]
    public async Task An_unknown_number_answers_404_with_a_clear_message()
    {
        var response = await app.Anonymous().GetAsync("/gs/certificates/99999999999");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        var page = await response.Content.ReadAsStringAsync();
        Assert.Contains("未查询到该执法证", page);
        Assert.DoesNotContain("data-testid=\"certificate-result\"", page);
    }

    [Theory]
    [InlineData("/gs/certificates/abc%20def")]
    [InlineData("/gs/certificates?number=%E5%BC%A0%E4%BC%9F")]
    [InlineData("/gs/certificates/12345678901234567890123456789012345678901")]
    public async Task A_malformed_number_answers_400_naming_the_field(string url)
    {
        var response = await app.Anonymous().GetAsync(url);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("执法证号", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task The_read_API_gives_only_the_whitelisted_fields()
    {
        var response = await app.Anonymous().GetAsync("/gs/api/v1/certificates/43102301004");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var c = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(
            new[] { "agency", "domains", "name", "number", "status", "statusLabel", "validFrom", "validUntil" },
            c.EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal).ToArray());
        Assert.Equal("刘洋", c.GetProperty("name").GetString());
        Assert.Equal("永兴县卫生健康局", c.GetProperty("agency").GetString());
        Assert.Equal("Valid", c.GetProperty("status").GetString());
        Assert.Equal("有效", c.GetProperty("statusLabel").GetString());
        Assert.Equal(["卫生健康", "医疗卫生"], c.GetProperty("domains").EnumerateArray().Select(d => d.GetString()!).ToArray());
    }

    [Fact]
    public async Task The_read_API_answers_problems_for_unknown_and_malformed_numbers()
    {
        var unknown = await app.Anonymous().GetAsync("/gs/api/v1/certificates/99999999999");
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        var (code, _, body) = await unknown.ReadProblemAsync();
        Assert.Equal("not_found", code);
        Assert.Contains("未查询到该执法证", body);

        var malformed = await app.Anonymous().GetAsync("/gs/api/v1/certificates/a_b");
        Assert.Equal(HttpStatusCode.BadRequest, malformed.StatusCode);
        Assert.Equal(["number"], (await malformed.ReadProblemAsync()).Fields);
    }
}
