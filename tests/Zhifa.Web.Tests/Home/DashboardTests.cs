using System.Net;
using Microsoft.EntityFrameworkCore;
using Zhifa.Web.Tests.Infrastructure;

namespace Zhifa.Web.Tests.Home;

/// <summary>ORG-5: the workbench shows officers by certificate status, renewals due and the legal-reviewer ratio against 5%.</summary>
[Collection("app")]
public class DashboardTests(ZhifaFactory app)
{
    private Task<int> AgencyAsync(string name) => app.WithDbAsync(db => db.Agencies.Where(a => a.Name == name).Select(a => a.Id).SingleAsync());

    [Fact]
    public async Task An_agency_without_enough_legal_reviewers_sees_the_warning()
    {
        var client = await app.SignInAsync("yj.admin");
        var page = await client.GetStringAsync("/");
        Assert.Contains("永兴县应急管理局", page);
        Assert.Matches("<div class=\"alert alert-danger\"[^>]*data-testid=\"reviewer-warning\">[^<]*低于 5%", page);
        Assert.Contains("0%", page);
    }

    [Fact]
    public async Task An_agency_with_enough_legal_reviewers_sees_no_warning_and_the_certificates_running_out()
    {
        var client = await app.SignInAsync("handler");
        var page = await client.GetStringAsync("/");
        Assert.Contains("永兴县卫生健康局", page);
        Assert.DoesNotContain("低于 5%", page);
        Assert.Contains("11.1%", page);
        var expiring = page[page.IndexOf("data-testid=\"expiring\"", StringComparison.Ordinal)..];
        Assert.Contains("刘洋", expiring);
        Assert.Contains("43102301004", expiring);
        Assert.Contains($"href=\"/officers/{await app.WithDbAsync(db => db.Officers.Where(o => o.Name == "刘洋").Select(o => o.Id).SingleAsync())}\"", expiring);
        Assert.DoesNotContain("陈静", expiring);
        Assert.Contains("data-testid=\"status-count-Revoked\"", page);
        // One agency visible: nothing to choose.
        Assert.DoesNotContain("data-testid=\"agency-selector\"", page);
    }

    [Fact]
    public async Task A_supervisor_switches_between_the_agencies_under_him()
    {
        var client = await app.SignInAsync("supervisor");
        var own = await client.GetStringAsync("/");
        Assert.Contains("郴州市司法局", own);
        Assert.Contains("data-testid=\"agency-selector\"", own);

        var safety = await client.GetStringAsync($"/?agencyId={await AgencyAsync("永兴县应急管理局")}");
        Assert.Contains("低于 5%", safety);
    }

    [Fact]
    public async Task The_deployment_administrator_chooses_an_agency_first()
    {
        var client = await app.SignInAsync("admin");
        var page = await client.GetStringAsync("/");
        Assert.Contains("data-testid=\"agency-choices\"", page);
        int safety = await AgencyAsync("永兴县应急管理局");
        Assert.Contains($"href=\"/?agencyId={safety}\"", page);

        Assert.Contains("低于 5%", await client.GetStringAsync($"/?agencyId={safety}"));
    }

    [Fact]
    public async Task Another_agency_dashboard_is_not_found()
    {
        var client = await app.SignInAsync("yj.admin");
        var response = await client.GetAsync($"/?agencyId={await AgencyAsync("永兴县卫生健康局")}");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}
