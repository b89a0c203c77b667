using System.Net;
using Microsoft.EntityFrameworkCore;
using Zhifa.Web.Tests.Infrastructure;

namespace Zhifa.Web.Tests.Accounts;

public sealed class SignInTests(ZhifaFactory app) : IClassFixture<ZhifaFactory>
{
    [Fact]
    public async Task Staff_sign_in_and_the_success_is_audited()
    {
        var client = await app.SignInAsync("reviewer");
        var home = await client.GetAsync("/");
        Assert.Equal(HttpStatusCode.OK, home.StatusCode);
        Assert.Contains("赵敏", await home.Content.ReadAsStringAsync());
        Assert.True(await app.WithDbAsync(db => db.AuditEntries.AnyAsync(e => e.Action == "account.signed-in" && e.Actor == "reviewer")));
    }

    [Fact]
    public async Task A_wrong_password_is_refused_and_audited_without_the_password()
    {
        var client = app.Anonymous();
        var response = await ZhifaFactory.PostFormAsync(client, "/account/login", new() { ["Input.UserName"] = "archivist", ["Input.Password"] = "wrong-secret-1" });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("用户名或密码错误", await response.Content.ReadAsStringAsync());
        var entries = await app.WithDbAsync(db => db.AuditEntries.Where(e => e.Action == "account.sign-in-failed" && e.Actor == "archivist").ToListAsync());
        Assert.NotEmpty(entries);
        Assert.DoesNotContain(entries, e => e.Details.Contains("wrong-secret-1"));
    }

    [Fact]
    public async Task Five_wrong_passwords_lock_the_account_for_fifteen_minutes()
    {
        var client = app.Anonymous();
        for (int i = 0; i < 5; i++)
            await ZhifaFactory.PostFormAsync(client, "/account/login", new() { ["Input.UserName"] = "publicity", ["Input.Password"] = "nope-" + i });

        var correct = await ZhifaFactory.PostFormAsync(client, "/account/login", new() { ["Input.UserName"] = "publicity", ["Input.Password"] = Features.Demo.DemoSeeder.Password });
        Assert.Equal(HttpStatusCode.OK, correct.StatusCode);
        Assert.Contains("锁定 15 分钟", await correct.Content.ReadAsStringAsync());
        var user = await app.WithDbAsync(db => db.Users.SingleAsync(u => u.UserName == "publicity"));
        Assert.True(user.LockoutEnd > DateTimeOffset.UtcNow.AddMinutes(14));
        Assert.True(await app.WithDbAsync(db => db.AuditEntries.AnyAsync(e => e.Action == "account.sign-in-locked-out" && e.Actor == "publicity")));
    }

    [Fact]
    public async Task A_user_changes_the_password_and_signs_in_with_the_new_one()
    {
        var client = await app.SignInAsync("handler2");
        var mismatch = await ZhifaFactory.PostFormAsync(client, "/account/change-password", new()
        {
            ["Input.OldPassword"] = "not-my-password", ["Input.NewPassword"] = "Newpass2026", ["Input.ConfirmPassword"] = "Newpass2026",
        });
        Assert.Contains("当前密码不正确", await mismatch.Content.ReadAsStringAsync());

        var ok = await ZhifaFactory.PostFormAsync(client, "/account/change-password", new()
        {
            ["Input.OldPassword"] = Features.Demo.DemoSeeder.Password, ["Input.NewPassword"] = "Newpass2026", ["Input.ConfirmPassword"] = "Newpass2026",
        });
        Assert.Equal(HttpStatusCode.Redirect, ok.StatusCode);
        await app.SignInAsync("handler2", "Newpass2026");
    }

    [Fact]
    public async Task Pages_send_an_anonymous_visitor_to_sign_in_and_the_API_answers_401()
    {
        var client = app.Anonymous();
        var page = await client.GetAsync("/officers");
        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        Assert.StartsWith("/account/login", page.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/v1/agencies")).StatusCode);
    }
}
