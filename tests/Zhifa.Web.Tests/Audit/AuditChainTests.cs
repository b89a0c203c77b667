using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Zhifa.Web.Tests.Infrastructure;

namespace Zhifa.Web.Tests.Audit;

/// <summary>SEC-4: every change is in the chain, and `verify` names the first entry edited, removed or reordered in the database.</summary>
public sealed class AuditChainTests : IAsyncLifetime
{
    private readonly ZhifaFactory _app = new();

    public Task InitializeAsync() => _app.InitializeAsync();
    public Task DisposeAsync() => _app.DisposeAsync().AsTask();

    [Fact]
    public async Task Verify_passes_on_an_untouched_log_and_counts_its_entries()
    {
        var output = await CliRunner.RunAsync(_app, "verify");
        Assert.Equal(0, output.ExitCode);
        Assert.Contains("校验通过", output.StdOut);
    }

    [Fact]
    public async Task A_change_through_the_API_appends_an_entry_with_actor_agency_and_digests()
    {
        var admin = await _app.ApiClientAsync("yj.admin");
        var agencies = await admin.GetFromJsonAsync<List<AgencyRef>>("/api/v1/agencies");
        var own = agencies!.Single();
        var response = await admin.PostAsJsonAsync($"/api/v1/agencies/{own.Id}/units", new { name = "危险化学品股", isLegalReviewUnit = false });
        response.EnsureSuccessStatusCode();

        var entry = await _app.WithDbAsync(db => db.AuditEntries.OrderByDescending(e => e.Sequence).FirstAsync(e => e.Action == "Unit.created"));
        Assert.Equal("yj.admin", entry.Actor);
        Assert.Equal(own.Id, entry.AgencyId);
        Assert.NotNull(entry.AfterDigest);
        Assert.Null(entry.BeforeDigest);
    }

    [Fact]
    public async Task Verify_names_an_entry_whose_content_was_edited_in_the_database()
    {
        await _app.WithDbAsync(db => db.Database.ExecuteSqlRawAsync("UPDATE \"AuditEntries\" SET \"Actor\" = 'someone-else' WHERE \"Sequence\" = 7"));
        var output = await CliRunner.RunAsync(_app, "verify");
        Assert.NotEqual(0, output.ExitCode);
        Assert.Contains("第 7 条", output.StdErr);
        Assert.Contains("Altered", output.StdErr);
    }

    [Fact]
    public async Task Verify_names_the_first_missing_entry_when_a_row_was_deleted()
    {
        await _app.WithDbAsync(db => db.Database.ExecuteSqlRawAsync("DELETE FROM \"AuditEntries\" WHERE \"Sequence\" = 12"));
        var output = await CliRunner.RunAsync(_app, "verify");
        Assert.NotEqual(0, output.ExitCode);
        Assert.Contains("第 12 条", output.StdErr);
        Assert.Contains("Removed", output.StdErr);
    }

    [Fact]
    public async Task Verify_notices_the_last_entries_removed()
    {
        var last = await _app.WithDbAsync(db => db.AuditEntries.MaxAsync(e => e.Sequence));
        await _app.WithDbAsync(db => db.Database.ExecuteSqlAsync($"DELETE FROM \"AuditEntries\" WHERE \"Sequence\" = {last}"));
        var output = await CliRunner.RunAsync(_app, "verify");
        Assert.NotEqual(0, output.ExitCode);
        Assert.Contains($"第 {last} 条", output.StdErr);
    }

    [Fact]
    public async Task Verify_names_an_entry_when_two_rows_were_swapped()
    {
        // Swap rows 5 and 6 by exchanging their sequence numbers, as a database administrator could.
        await _app.WithDbAsync(async db =>
        {
            await db.Database.ExecuteSqlRawAsync("UPDATE \"AuditEntries\" SET \"Sequence\" = -5 WHERE \"Sequence\" = 5");
            await db.Database.ExecuteSqlRawAsync("UPDATE \"AuditEntries\" SET \"Sequence\" = 5 WHERE \"Sequence\" = 6");
            await db.Database.ExecuteSqlRawAsync("UPDATE \"AuditEntries\" SET \"Sequence\" = 6 WHERE \"Sequence\" = -5");
        });
        var output = await CliRunner.RunAsync(_app, "verify");
        Assert.NotEqual(0, output.ExitCode);
        Assert.Contains("第 5 条", output.StdErr);
        Assert.Contains("Reordered", output.StdErr);
    }

    [Fact]
    public async Task The_audit_page_lets_the_deployment_administrator_verify_the_chain()
    {
        var admin = await _app.SignInAsync("admin");
        var response = await ZhifaFactory.PostFormAsync(admin, "/audit", [], "/audit?handler=Verify");
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("校验通过", html);
    }

    private sealed record AgencyRef(int Id, string Name);
}
