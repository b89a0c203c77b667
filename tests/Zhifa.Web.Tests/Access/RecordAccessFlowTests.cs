using System.Net;
using System.Net.Http.Json;
using Zhifa.Web.Tests.Infrastructure;
using Zhifa.Web.Tests.Records;

namespace Zhifa.Web.Tests.Access;

/// <summary>REC-10 end to end: a refused read is audited and shown to supervision; an approved request opens the file.</summary>
public sealed class RecordAccessFlowTests(ZhifaFactory app) : IClassFixture<ZhifaFactory>
{
    private sealed record RequestView(int Id);

    [Fact]
    public async Task A_colleague_is_refused_until_the_head_approves_a_request_and_the_refusal_is_supervised()
    {
        var caseId = await RecordTestData.CreateCaseAsync(app);
        var handler = await app.ApiClientAsync("handler");
        var record = await RecordTestData.UploadAsync(handler, caseId, RecordTestData.RandomBytes(4096), "现场.mp4");
        var recordId = record.GetProperty("id").GetInt32();

        var colleague = await app.ApiClientAsync("handler2");
        var refused = await colleague.GetAsync($"/api/v1/records/{recordId}/content");
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        var (code, _, _) = await refused.ReadProblemAsync();
        Assert.Equal("needs_request", code);

        var supervisor = await app.SignInAsync("supervisor");
        var page = await (await supervisor.GetAsync("/supervision")).Content.ReadAsStringAsync();
        Assert.Contains("越权调阅", page);
        Assert.Contains("handler2", page);

        var request = await (await colleague.PostAsJsonAsync($"/api/v1/cases/{caseId}/access-requests", new { purpose = "Litigation", reason = "应诉举证", days = 2 }))
            .Content.ReadFromJsonAsync<RequestView>();
        var head = await app.ApiClientAsync("head");
        (await head.PostAsJsonAsync($"/api/v1/access-requests/{request!.Id}/decision", new { approve = true })).EnsureSuccessStatusCode();

        var allowed = await colleague.GetAsync($"/api/v1/records/{recordId}/content");
        Assert.Equal(HttpStatusCode.OK, allowed.StatusCode);
        Assert.Equal(4096, (await allowed.Content.ReadAsByteArrayAsync()).Length);
    }

    [Fact]
    public async Task A_supervisor_views_records_in_real_time()
    {
        var caseId = await RecordTestData.CreateCaseAsync(app);
        var handler = await app.ApiClientAsync("handler");
        var record = await RecordTestData.UploadAsync(handler, caseId, RecordTestData.RandomBytes(1000), "照片.jpg", contentType: "image/jpeg");
        var supervisor = await app.ApiClientAsync("supervisor");
        var response = await supervisor.GetAsync($"/api/v1/records/{record.GetProperty("id").GetInt32()}/content");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }
}
