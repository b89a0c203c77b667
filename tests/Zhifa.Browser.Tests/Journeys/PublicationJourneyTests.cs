using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using Zhifa.Browser.Tests.Infrastructure;
using Zhifa.Domain.Publicity;
using System.Net.Http.Json;
using Zhifa.Domain.Cases;
using Zhifa.Web.Tests.Cases;
using Zhifa.Web.Tests.Decisions;
using static Microsoft.Playwright.Assertions;

namespace Zhifa.Browser.Tests.Journeys;

[Collection("browser")]
public sealed class PublicationJourneyTests(BrowserApp app)
{
    private const string Company = "永兴县鸿福宾馆有限公司";
    private const string Person = "谭小军";

    /// <summary>A penalty against a hotel and its manager, decided by the head through the API; returns the publication task.</summary>
    private async Task<int> DecidedAsync()
    {
        var api = await app.ApiAsync("handler");
        var body = await app.App.PenaltyBodyAsync();
        body["parties"] = new[]
        {
            new Dictionary<string, object?>
            {
                ["kind"] = "LegalPerson", ["name"] = Company, ["legalRepresentative"] = "曾国平",
                ["creditCode"] = Zhifa.Domain.Common.IdentityCodes.CompleteCreditCode("91431023MA4HF8Q2X"), ["address"] = "永兴县便江镇银都大道 66 号",
            },
            new Dictionary<string, object?>
            {
                ["kind"] = "NaturalPerson", ["name"] = Person, ["idNumber"] = CaseTestData.NewIdNumber(), ["phone"] = "13907358866",
                ["address"] = "永兴县便江镇解放路 9 号 2 栋 302 室",
            },
        };
        int caseId = (await api.OpenAsync(body)).GetProperty("id").GetInt32();
        // The steps of DecisionTestData.DecideAsync, with clients of the real port.
        await DecisionTestData.MoveAsync(api, caseId, CaseSteps.Investigation, CaseSteps.InternalReview, CaseSteps.Notice);
        await DecisionTestData.ProposeAsync(app.App, caseId, "Warning,Fine", 3000m);
        int noticeId = await DecisionTestData.NotifyAsync(api, caseId);
        await DecisionTestData.ServeAsync(api, caseId, noticeId);
        await DecisionTestData.MoveAsync(api, caseId, CaseSteps.Statement);
        await DecisionTestData.WaiveAsync(api, caseId, noticeId);
        var signed = await (await app.ApiAsync("head")).PostAsJsonAsync($"/api/v1/cases/{caseId}/decision", new { place = "永兴县卫生健康局" });
        Assert.True(signed.IsSuccessStatusCode, await signed.Content.ReadAsStringAsync());
        return await app.App.WithDbAsync(db => db.Set<Publication>().Where(p => p.CaseId == caseId).Select(p => p.Id).SingleAsync());
    }

    [Fact]
    public async Task A_redacted_decision_is_approved_found_on_the_portal_by_two_characters_and_replaced_by_its_reason_when_withdrawn()
    {
        int id = await DecidedAsync();
        await using var session = new BrowserSession(app, "publication");
        await session.RunAsync(async () =>
        {
            // The publicity officer chooses the full text and confirms the highlighted redactions.
            var officer = await session.NewVisitorAsync();
            await Journey.SignInAsync(officer, "publicity");
            await officer.GotoAsync("/publicity/decisions");
            await officer.Locator($"a[href='/publicity/decisions/{id}']").ClickAsync();
            await officer.GetByLabel("全文公开（须逐处确认脱敏）").CheckAsync();
            await officer.GetByTestId("save-content").ClickAsync();
            var person = officer.GetByTestId("redaction-source").Locator("mark", new() { HasTextString = Person }).First;
            await Expect(person).ToBeVisibleAsync();
            await Expect(officer.GetByTestId("redaction-preview")).Not.ToContainTextAsync(Person);
            await officer.GetByTestId("confirm-redaction").ClickAsync();
            await Expect(officer.GetByTestId("redaction")).ToContainTextAsync("已确认");
            await officer.GetByTestId("submit").ClickAsync();
            await Expect(officer.GetByTestId("waiting")).ToContainTextAsync("分管领导审核");

            // The deputy head checks, the head signs off: the decision is published.
            foreach (var (user, next) in new[] { ("deputy", "主要负责人审签"), ("head", "") })
            {
                var leader = await session.NewVisitorAsync();
                await Journey.SignInAsync(leader, user);
                await leader.GotoAsync($"/publicity/decisions/{id}");
                await leader.GetByTestId("approve").ClickAsync();
                if (next.Length > 0) await Expect(leader.GetByTestId("waiting")).ToContainTextAsync(next);
                else await Expect(leader.GetByTestId("publication-status")).ToHaveTextAsync("已公开");
            }

            // Anyone finds it on the portal by two characters of the hotel's name; the manager's name is not there.
            var visitor = await session.NewVisitorAsync();
            await visitor.GotoAsync("/gs/decisions?q=" + Uri.EscapeDataString("鸿福"));
            await visitor.Locator($"a[href='/gs/decisions/{id}']").First.ClickAsync();
            await Expect(visitor).ToHaveURLAsync(new Regex($"/gs/decisions/{id}$"));
            await Expect(visitor.Locator("main")).ToContainTextAsync(Company);
            await Expect(visitor.Locator("main")).ToContainTextAsync("罚款");
            await Expect(visitor.Locator("main")).Not.ToContainTextAsync(Person);

            // The decision is revoked on 复议: the officer withdraws it and the portal shows only the reason.
            const string reason = "该决定经行政复议撤销，原公开信息撤回";
            await officer.ReloadAsync();
            await officer.GetByTestId("withdraw-reason").FillAsync(reason);
            await officer.GetByTestId("withdraw").ClickAsync();
            await Expect(officer.GetByTestId("publication-status")).ToHaveTextAsync("已撤回");

            await visitor.ReloadAsync();
            await Expect(visitor.Locator("main")).ToContainTextAsync("已撤回");
            await Expect(visitor.Locator("main")).ToContainTextAsync(reason);
            await Expect(visitor.Locator("main")).Not.ToContainTextAsync("罚款");
        });
    }
}
