using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Zhifa.Domain.Cases;
using Zhifa.Web.Tests.Infrastructure;
using Zhifa.Web.Tests.Scope;

namespace Zhifa.Web.Tests.Access;

public sealed class AccessRequestTests(ZhifaFactory app) : IClassFixture<ZhifaFactory>
{
    private sealed record RequestView(int Id, int CaseId, string Status, string StatusLabel, string PurposeLabel, DateTime? ValidUntil);

    /// <summary>A case of the agency written straight to the database, for areas that only need one to exist.</summary>
    internal static Task<int> CaseInDbAsync(ZhifaFactory app, int agencyId) => app.WithDbAsync(async db =>
    {
        var matter = await db.Matters.FirstAsync(m => m.AgencyId == agencyId);
        var n = await db.Cases.CountAsync() + 1;
        var c = new Case
        {
            AgencyId = agencyId, MatterId = matter.Id, Category = CaseCategory.Penalty, Procedure = CaseProcedure.General,
            Number = $"测试罚〔2026〕{n}号", Year = 2026, Sequence = n, Title = "测试案件", Step = CaseSteps.Filed,
            OpenedAt = DateTime.UtcNow, OpenedBy = "test",
        };
        db.Cases.Add(c);
        await db.SaveChangesAsync();
        return c.Id;
    });

    private Task<int> HealthAgencyAsync() => app.WithDbAsync(db => db.Agencies.Where(a => a.Name == "永兴县卫生健康局").Select(a => a.Id).SingleAsync());

    [Fact]
    public async Task A_request_is_approved_by_the_head_and_grants_a_time_limited_right()
    {
        var caseId = await CaseInDbAsync(app, await HealthAgencyAsync());
        var handler = await app.ApiClientAsync("handler2");
        var created = await handler.PostAsJsonAsync($"/api/v1/cases/{caseId}/access-requests", new { purpose = "Litigation", reason = "行政诉讼举证", days = 7 });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var request = await created.Content.ReadFromJsonAsync<RequestView>();
        Assert.Equal("待审批", request!.StatusLabel);

        var notHead = await handler.PostAsJsonAsync($"/api/v1/access-requests/{request.Id}/decision", new { approve = true });
        Assert.Equal(HttpStatusCode.Forbidden, notHead.StatusCode);

        var head = await app.ApiClientAsync("head");
        var decided = await head.PostAsJsonAsync($"/api/v1/access-requests/{request.Id}/decision", new { approve = true, note = "同意" });
        Assert.Equal(HttpStatusCode.OK, decided.StatusCode);
        var view = await decided.Content.ReadFromJsonAsync<RequestView>();
        Assert.Equal("已批准", view!.StatusLabel);
        Assert.True(view.ValidUntil > DateTime.UtcNow.AddDays(6.9));

        var again = await head.PostAsJsonAsync($"/api/v1/access-requests/{request.Id}/decision", new { approve = false, note = "x" });
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Equal(["status"], (await again.ReadProblemAsync()).Fields);
    }

    [Fact]
    public async Task A_request_without_purpose_or_reason_is_refused_naming_both()
    {
        var caseId = await CaseInDbAsync(app, await HealthAgencyAsync());
        var handler = await app.ApiClientAsync("handler");
        var response = await handler.PostAsJsonAsync($"/api/v1/cases/{caseId}/access-requests", new { days = 90 });
        var (_, fields, _) = await response.ReadProblemAsync();
        Assert.Equal(["reason", "days", "purpose"], fields);
    }

    [Fact]
    public async Task Refusing_needs_a_reason_and_the_page_shows_the_decision()
    {
        var caseId = await CaseInDbAsync(app, await HealthAgencyAsync());
        var handler = await app.ApiClientAsync("handler");
        var request = await (await handler.PostAsJsonAsync($"/api/v1/cases/{caseId}/access-requests", new { purpose = "Petition", reason = "信访答复", days = 3 }))
            .Content.ReadFromJsonAsync<RequestView>();
        var head = await app.SignInAsync("head");
        var refused = await ZhifaFactory.PostFormAsync(head, "/access-requests", new() { ["Note"] = "" }, $"/access-requests?handler=Decide&requestId={request!.Id}&approve=false");
        Assert.Contains("不予批准时须写明理由", await refused.Content.ReadAsStringAsync());
        var ok = await ZhifaFactory.PostFormAsync(head, "/access-requests", new() { ["Note"] = "与信访事项无关" }, $"/access-requests?handler=Decide&requestId={request.Id}&approve=false");
        Assert.Equal(HttpStatusCode.Redirect, ok.StatusCode);
        var list = await (await head.GetAsync("/access-requests")).Content.ReadAsStringAsync();
        Assert.Contains("与信访事项无关", list);
    }
}

/// <summary>Gives the scope test a case of agency B and an access request on it.</summary>
public sealed class AccessScopeRecords : IScopeProbeRecords
{
    public async Task<IReadOnlyDictionary<string, string>> CreateAsync(ZhifaFactory app, int agencyBId)
    {
        var caseId = await AccessRequestTests.CaseInDbAsync(app, agencyBId);
        var requestId = await app.WithDbAsync(async db =>
        {
            var r = new Zhifa.Domain.Access.AccessRequest
            {
                AgencyId = agencyBId, CaseId = caseId, RequesterUserId = 1, RequesterName = "handler", Purpose = Zhifa.Domain.Access.AccessPurpose.Other,
                Reason = "scope", Days = 1, CreatedAt = DateTime.UtcNow,
            };
            db.Add(r);
            await db.SaveChangesAsync();
            return r.Id;
        });
        return new Dictionary<string, string>
        {
            ["caseId"] = caseId.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["requestId"] = requestId.ToString(System.Globalization.CultureInfo.InvariantCulture),
        };
    }
}
