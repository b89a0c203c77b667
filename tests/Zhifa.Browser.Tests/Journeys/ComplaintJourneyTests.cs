using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using Zhifa.Browser.Tests.Infrastructure;
using Zhifa.Domain.Complaints;
using static Microsoft.Playwright.Assertions;

namespace Zhifa.Browser.Tests.Journeys;

[Collection("browser")]
public sealed class ComplaintJourneyTests(BrowserApp app)
{
    [Fact]
    public async Task A_report_from_the_portal_is_assigned_and_turned_into_an_inspection_and_the_public_sees_only_its_status()
    {
        await using var session = new BrowserSession(app, "complaint");
        await session.RunAsync(async () =>
        {
            var content = $"便江镇某足浴店长期无证经营，毛巾重复使用不消毒（{Guid.NewGuid().ToString("N")[..8]}）";
            const string phone = "13612345678";
            const string name = "郑某某";

            // A member of the public reports on the portal and lands on the status page with the receipt.
            var visitor = await session.NewVisitorAsync();
            await visitor.GotoAsync("/gs/complaints");
            await visitor.Locator("[name='Input.AgencyId']").SelectOptionAsync(new SelectOptionValue { Label = "永兴县卫生健康局" });
            await visitor.GetByLabel("举报", new() { Exact = true }).CheckAsync();
            await visitor.Locator("[name='Input.Subject']").FillAsync("便江镇某足浴店");
            await visitor.Locator("[name='Input.Content']").FillAsync(content);
            await visitor.Locator("[name='Input.ContactName']").FillAsync(name);
            await visitor.Locator("[name='Input.ContactPhone']").FillAsync(phone);
            await visitor.GetByRole(AriaRole.Button, new() { Name = "提交", Exact = true }).ClickAsync();
            await Expect(visitor).ToHaveURLAsync(new Regex(@"/gs/complaints/TS\d{8}-[2-9A-Z]{8}$"));
            var receipt = (await visitor.GetByTestId("receipt-number").InnerTextAsync()).Trim();
            Assert.True(Complaint.IsReceiptNumber(receipt), receipt);
            await Expect(visitor.GetByTestId("status-label")).ToHaveTextAsync("待受理");

            // Refreshing repeats the GET: the banner is gone and there is still one complaint.
            await visitor.ReloadAsync();
            await Expect(visitor.GetByTestId("complaint-receipt")).ToHaveCountAsync(0);
            await Expect(visitor.GetByTestId("status-label")).ToHaveTextAsync("待受理");
            Assert.Equal(1, await app.App.WithDbAsync(db => db.Set<Complaint>().CountAsync(c => c.Content == content)));

            // A handler of the agency finds it, assigns it and starts an inspection from it.
            var staff = await session.NewVisitorAsync();
            await Journey.SignInAsync(staff, "handler");
            await staff.GotoAsync("/complaints");
            await staff.GetByRole(AriaRole.Link, new() { Name = receipt }).ClickAsync();
            await Expect(staff).ToHaveURLAsync(new Regex(@"/complaints/\d+$"));
            var complaintUrl = new Uri(staff.Url).AbsolutePath;
            await Expect(staff.GetByTestId("contact")).ToContainTextAsync(phone);
            await staff.Locator("#UnitId").SelectOptionAsync(new SelectOptionValue { Index = 1 });
            await staff.GetByRole(AriaRole.Button, new() { Name = "分派", Exact = true }).ClickAsync();
            await Expect(staff.GetByTestId("status-label")).ToHaveTextAsync("办理中");

            await staff.GetByRole(AriaRole.Button, new() { Name = "启动检查" }).ClickAsync();
            await Expect(staff.GetByTestId("from-complaint")).ToContainTextAsync(receipt);
            await Expect(staff.Locator("[name='Input.Title']")).ToHaveValueAsync("便江镇某足浴店");
            await Expect(staff.Locator("[name='Input.Facts']")).ToHaveValueAsync(new Regex("^案件来源：公众举报.*" + Regex.Escape(content), RegexOptions.Singleline));
            await Expect(staff.Locator("[name='Input.Category']")).ToHaveValueAsync("Inspection");
            var matter = staff.Locator("select[name='Input.MatterId'] option", new() { HasTextString = "330617001000" });
            await staff.Locator("[name='Input.MatterId']").SelectOptionAsync(new SelectOptionValue { Value = await matter.GetAttributeAsync("value") });
            await staff.Locator("[name='Input.Parties[0].Kind']").SelectOptionAsync("LegalPerson");
            await staff.Locator("[name='Input.Parties[0].Name']").FillAsync("永兴县便江镇某足浴店");
            await staff.Locator("[name='Input.Parties[0].CreditCode']").FillAsync(Zhifa.Domain.Common.IdentityCodes.CompleteCreditCode("91431023MA4PQ7R5X"));
            await staff.Locator("[name='Input.Parties[0].LegalRepresentative']").FillAsync("吴某");
            await staff.GetByLabel("张伟").CheckAsync();
            await staff.GetByLabel("李娜").CheckAsync();
            await staff.GetByRole(AriaRole.Button, new() { Name = "立案", Exact = true }).ClickAsync();
            await Expect(staff).ToHaveURLAsync(new Regex(@"/cases/\d+$"));
            var number = (await staff.GetByTestId("case-number").InnerTextAsync()).Trim();
            Assert.Contains("检", number, StringComparison.Ordinal);

            // The complaint now shows the case it led to.
            await staff.GotoAsync(complaintUrl);
            await Expect(staff.GetByTestId("status-label")).ToHaveTextAsync("已转立案");
            await Expect(staff.GetByTestId("complaint-case")).ToHaveTextAsync(number);
            await Expect(staff.GetByRole(AriaRole.Button, new() { Name = "启动检查" })).ToHaveCountAsync(0);

            // The public status page follows, and never shows the content or the contact.
            await visitor.ReloadAsync();
            await Expect(visitor.GetByTestId("status-label")).ToHaveTextAsync("已转立案");
            var publicText = await visitor.Locator("body").InnerTextAsync();
            foreach (var secret in new[] { content, phone, name, "便江镇某足浴店", number })
                Assert.DoesNotContain(secret, publicText, StringComparison.Ordinal);
        });
    }
}
