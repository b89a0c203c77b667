using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Zhifa.Domain.Cases;
using Zhifa.Domain.Records;
using Record = Zhifa.Domain.Records.Record;
using Zhifa.Domain.Retention;
using Zhifa.Web.Features.Retention;
using Zhifa.Web.Infrastructure.Storage;
using Zhifa.Web.Tests.Infrastructure;
using Zhifa.Web.Tests.Records;
using Zhifa.Web.Tests.Scope;

namespace Zhifa.Web.Tests.Retention;

/// <summary>REC-9: the purge deletes only what the policy lets go, after the recovery window, and never a held or evidence record.</summary>
public sealed class RetentionTests(ZhifaFactory app) : IClassFixture<ZhifaFactory>
{
    private static readonly DateOnly Today = new(2027, 6, 1);

    /// <summary>A case closed on 2026-01-10 with one record of each class, registered on 2026-01-05.</summary>
    private async Task<(int CaseId, int Evidence, int Other, string OtherSha)> ClosedCaseAsync()
    {
        var caseId = await RecordTestData.CreateCaseAsync(app);
        var api = await app.ApiClientAsync("handler");
        var evidence = (await RecordTestData.UploadAsync(api, caseId, RecordTestData.RandomBytes(3000), "证据.mp4")).GetProperty("id").GetInt32();
        var otherBytes = RecordTestData.RandomBytes(3000);
        var other = (await RecordTestData.UploadAsync(api, caseId, otherBytes, "其他.mp4")).GetProperty("id").GetInt32();
        await app.WithDbAsync(async db =>
        {
            foreach (var r in await db.Set<Record>().Where(r => r.CaseId == caseId).ToListAsync())
            {
                r.RegisteredAt = new DateTime(2026, 1, 5, 2, 0, 0, DateTimeKind.Utc);
                r.RetentionClass = r.Id == other ? RetentionClass.Other : RetentionClass.Evidence;
            }
            db.CaseSteps.Add(new CaseStepRecord { CaseId = caseId, FromStep = CaseSteps.Executed, ToStep = CaseSteps.Closed, At = new DateTime(2026, 1, 10, 2, 0, 0, DateTimeKind.Utc), By = "test" });
            await db.SaveChangesAsync();
        });
        return (caseId, evidence, other, RecordTestData.Sha256(otherBytes));
    }

    private async Task<PurgeResult> PurgeAsync(DateOnly day)
    {
        using var scope = app.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<RetentionService>().PurgeAsync(day);
    }

    private Task<Record> RecordAsync(int id) => app.WithDbAsync(db => db.Set<Record>().AsNoTracking().SingleAsync(r => r.Id == id));

    [Fact]
    public async Task An_expired_other_record_is_marked_then_deleted_after_the_recovery_window_and_evidence_stays()
    {
        var (_, evidence, other, sha) = await ClosedCaseAsync();
        var path = app.Services.GetRequiredService<BlobStore>().PathOf(sha);

        await PurgeAsync(Today);
        Assert.Equal(Today, (await RecordAsync(other)).PurgeMarkedOn);
        Assert.True(File.Exists(path));
        Assert.Null((await RecordAsync(evidence)).PurgeMarkedOn);

        await PurgeAsync(Today.AddDays(29));
        Assert.Null((await RecordAsync(other)).PurgedAt);

        await PurgeAsync(Today.AddDays(30));
        Assert.NotNull((await RecordAsync(other)).PurgedAt);
        Assert.False(File.Exists(path));
        Assert.Null((await RecordAsync(evidence)).PurgedAt);
        Assert.True(await app.WithDbAsync(db => db.AuditEntries.AnyAsync(e => e.Action == "record.purged" && e.SubjectId == sha)));

        // The deletion is by policy, so verify does not report the file as vanished.
        var verify = await CliRunner.RunAsync(app, "verify");
        Assert.DoesNotContain(sha, verify.StdErr);
    }

    [Fact]
    public async Task A_hold_placed_during_the_recovery_window_saves_the_record()
    {
        var (caseId, _, other, sha) = await ClosedCaseAsync();
        await PurgeAsync(Today);
        Assert.NotNull((await RecordAsync(other)).PurgeMarkedOn);

        var head = await app.ApiClientAsync("head");
        var hold = await head.PostAsJsonAsync($"/api/v1/cases/{caseId}/holds", new { reason = "ObjectionOrComplaint", note = "当事人申请行政复议" });
        Assert.Equal(HttpStatusCode.Created, hold.StatusCode);

        await PurgeAsync(Today.AddDays(40));
        var r = await RecordAsync(other);
        Assert.Null(r.PurgedAt);
        Assert.Null(r.PurgeMarkedOn);
        Assert.True(File.Exists(app.Services.GetRequiredService<BlobStore>().PathOf(sha)));
    }

    [Fact]
    public async Task A_hold_needs_a_reason_and_only_leaders_or_archivists_may_place_it()
    {
        var (caseId, _, _, _) = await ClosedCaseAsync();
        var handler = await app.ApiClientAsync("handler");
        Assert.Equal(HttpStatusCode.Forbidden, (await handler.PostAsJsonAsync($"/api/v1/cases/{caseId}/holds", new { reason = "Other", note = "x" })).StatusCode);
        var archivist = await app.ApiClientAsync("archivist");
        var (_, fields, _) = await (await archivist.PostAsJsonAsync($"/api/v1/cases/{caseId}/holds", new { reason = "Other" })).ReadProblemAsync();
        Assert.Equal(["note"], fields);
        var page = await app.SignInAsync("archivist");
        var html = await (await page.GetAsync($"/cases/{caseId}/retention")).Content.ReadAsStringAsync();
        Assert.Contains("设置长期保存", html);
    }
}

/// <summary>Gives the scope test a legal hold of agency B.</summary>
public sealed class RetentionScopeRecords : IScopeProbeRecords
{
    public async Task<IReadOnlyDictionary<string, string>> CreateAsync(ZhifaFactory app, int agencyBId)
    {
        var caseId = await Access.AccessRequestTests.CaseInDbAsync(app, agencyBId);
        var id = await app.WithDbAsync(async db =>
        {
            var h = new LegalHold { AgencyId = agencyBId, CaseId = caseId, Reason = HoldReason.Other, Note = "scope", PlacedBy = "test", PlacedOn = new DateOnly(2026, 1, 1) };
            db.Add(h);
            await db.SaveChangesAsync();
            return h.Id;
        });
        return new Dictionary<string, string> { ["holdId"] = id.ToString(System.Globalization.CultureInfo.InvariantCulture) };
    }
}
