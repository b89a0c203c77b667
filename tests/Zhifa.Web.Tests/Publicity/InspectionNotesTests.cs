using System.Net;
using System.Net.Http.Json;
using Zhifa.Web.Tests.Infrastructure;

namespace Zhifa.Web.Tests.Publicity;

/// <summary>PUB-9 / SUP-2: the inspector's findings go back to the unit, which answers with what it corrected.</summary>
public sealed class InspectionNotesTests(ReportClockFactory app) : IClassFixture<ReportClockFactory>
{
    private sealed record Note(int Id, int AgencyId, int? UnitId, string Unit, int Year, int Quarter, string Content, string Status, string Reply, string RepliedByName);

    [Fact]
    public async Task A_finding_sent_to_a_unit_appears_in_its_deadlines_until_the_unit_answers()
    {
        var b = await app.AgencyAsync();
        var unit = b.Units.First(u => !u.IsLegalReviewUnit);
        var supervisor = await app.ApiClientAsync("supervisor");
        var added = await supervisor.PostAsJsonAsync("/api/v1/publicity/inspection/notes",
            new { agencyId = b.Id, unitId = unit.Id, year = 2026, quarter = 4, content = "第四季度有 1 件处罚决定逾期未公开，请于十日内整改" });
        Assert.Equal(HttpStatusCode.OK, added.StatusCode);
        var note = (await added.Content.ReadFromJsonAsync<Note>())!;
        Assert.Equal(("Open", unit.Name), (note.Status, note.Unit));

        var html = await (await (await app.SignInAsync("handler")).GetAsync("/publicity/deadlines")).Content.ReadAsStringAsync();
        Assert.Contains("2026 年第 4 季度巡查：第四季度有 1 件处罚决定逾期未公开", html);

        // Only the inspected agency answers; the inspector cannot answer for it.
        Assert.Equal(HttpStatusCode.Forbidden, (await supervisor.PostAsJsonAsync($"/api/v1/publicity/inspection/notes/{note.Id}/reply", new { reply = "已整改" })).StatusCode);
        var empty = await (await app.ApiClientAsync("handler")).PostAsJsonAsync($"/api/v1/publicity/inspection/notes/{note.Id}/reply", new { reply = " " });
        Assert.Equal(["reply"], (await empty.ReadProblemAsync()).Fields);

        var client = await app.SignInAsync("unithead");
        var replied = await ZhifaFactory.PostFormAsync(client, "/publicity/deadlines", new() { ["noteId"] = note.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), ["reply"] = "已于当日补充公开" },
            "/publicity/deadlines?handler=Reply");
        Assert.Equal(HttpStatusCode.Redirect, replied.StatusCode);
        Assert.Contains("已答复巡查意见", await (await client.GetAsync(replied.Headers.Location)).Content.ReadAsStringAsync());

        var notes = (await supervisor.GetFromJsonAsync<List<Note>>($"/api/v1/publicity/inspection/notes?agencyId={b.Id}"))!;
        var answered = notes.Single(n => n.Id == note.Id);
        Assert.Equal(("Answered", "已于当日补充公开", "王强"), (answered.Status, answered.Reply, answered.RepliedByName));
        html = await (await (await app.SignInAsync("supervisor")).GetAsync($"/publicity/inspection?agencyId={b.Id}&year=2026&quarter=4")).Content.ReadAsStringAsync();
        Assert.Contains("已答复：已于当日补充公开", html);
    }

    [Fact]
    public async Task A_finding_without_content_or_for_a_unit_of_another_agency_is_refused_naming_the_field()
    {
        var b = await app.AgencyAsync();
        var other = await app.AgencyAsync("永兴县应急管理局");
        var supervisor = await app.ApiClientAsync("supervisor");
        var response = await supervisor.PostAsJsonAsync("/api/v1/publicity/inspection/notes",
            new { agencyId = b.Id, unitId = other.Units[0].Id, year = 2026, quarter = 7, content = "" });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(["unitId", "quarter", "content"], (await response.ReadProblemAsync()).Fields);

        Assert.Equal(HttpStatusCode.Forbidden, (await (await app.ApiClientAsync("handler")).PostAsJsonAsync("/api/v1/publicity/inspection/notes",
            new { agencyId = b.Id, year = 2026, quarter = 4, content = "自查" })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await (await app.ApiClientAsync("yj.admin")).PostAsJsonAsync("/api/v1/publicity/inspection/notes",
            new { agencyId = b.Id, year = 2026, quarter = 4, content = "越权" })).StatusCode);
    }
}
