using System.Net;
using System.Net.Http.Json;
using Zhifa.Domain.Cases;
using Zhifa.Domain.Publicity;
using Zhifa.Web.Tests.Infrastructure;

namespace Zhifa.Web.Tests.Publicity;

/// <summary>PUB-9 / SUP-1: the publication items each unit owes, with due dates on the official working-day calendar.</summary>
public sealed class DeadlinesTests(ReportClockFactory app) : IClassFixture<ReportClockFactory>
{
    private sealed record Row(string Kind, int? PublicationId, int AgencyId, string Agency, int? UnitId, string Unit, string Title, DateOnly? DueOn,
        string DueRule, bool Overdue, int DaysOverdue, string Status);
    private sealed record Count(int AgencyId, string Agency, int? UnitId, string Unit, int Due, int Overdue, int Stale);
    private sealed record View(DateOnly Today, List<Row> Rows, List<Count> Counts);

    private static readonly DateOnly BeforeNationalDay = new(2026, 9, 28);

    /// <summary>A penalty (7 working days) and another decision (20) of agency B, both decided on 28 September 2026.</summary>
    private async Task<(Publication Penalty, Publication Other)> DecidedBeforeNationalDayAsync(int agencyId)
    {
        var tasks = await app.TasksAsync(agencyId);
        var penalty = tasks.First(t => t.Category == CaseCategory.Penalty && PublicationRules.IsOpen(t.Status));
        var other = tasks.First(t => t.Category is not (CaseCategory.Penalty or CaseCategory.Licensing) && PublicationRules.IsOpen(t.Status));
        await app.UpdateAsync([penalty.Id, other.Id], p => p.TriggeredOn = BeforeNationalDay);
        return (penalty, other);
    }

    [Fact]
    public async Task The_demo_decisions_not_yet_published_are_due_on_the_working_day_calendar_and_overdue_in_red()
    {
        var b = await app.AgencyAsync();
        var tasks = await app.TasksAsync(b.Id);
        Assert.NotEmpty(tasks); // the decided demo cases each opened a task by themselves
        var (penalty, other) = await DecidedBeforeNationalDayAsync(b.Id);

        var client = await app.ApiClientAsync("publicity");
        var view = (await client.GetFromJsonAsync<View>($"/api/v1/publicity/deadlines?agencyId={b.Id}"))!;
        Assert.Equal(ReportClockFactory.Today, view.Today);

        // 7 working days from Monday 28 September: 29, 30 September, then 8, 9, 10 (the Saturday worked for the holiday), 12, 13 October.
        var p = view.Rows.Single(r => r.Kind == "publication" && r.PublicationId == penalty.Id);
        Assert.Equal(new DateOnly(2026, 10, 13), p.DueOn);
        Assert.True(p.Overdue);
        Assert.Equal(ReportClockFactory.Today.DayNumber - new DateOnly(2026, 10, 13).DayNumber, p.DaysOverdue);
        Assert.Contains("7 个工作日", p.DueRule);
        var o = view.Rows.Single(r => r.Kind == "publication" && r.PublicationId == other.Id);
        Assert.Equal(new DateOnly(2026, 10, 30), o.DueOn);
        Assert.Contains("20 个工作日", o.DueRule);

        // Every open task is listed; the overdue ones come first.
        Assert.Equal(tasks.Count(t => PublicationRules.IsOpen(t.Status)), view.Rows.Count(r => r.Kind == "publication"));
        Assert.True(view.Rows.TakeWhile(r => r.Overdue).Count() >= 2);

        // Last year's annual report is owed by 31 January, not yet overdue on the 20th.
        var report = view.Rows.Single(r => r.Kind == "annual-report");
        Assert.Equal(new DateOnly(ReportClockFactory.DemoYear + 1, 1, 31), report.DueOn);
        Assert.False(report.Overdue);
        Assert.Equal("尚未生成", report.Status);

        // Counts per unit add up to the rows.
        // 谁执法谁公示: a case opened without a unit is owned by the unit responsible for its matter.
        Assert.NotNull(p.UnitId);
        var unit = view.Counts.Single(c => c.UnitId == p.UnitId);
        Assert.Equal(view.Rows.Count(r => r.UnitId == p.UnitId && r.Kind != "stale"), unit.Due);
        Assert.True(unit.Overdue >= 1);

        var html = await (await (await app.SignInAsync("handler")).GetAsync("/publicity/deadlines")).Content.ReadAsStringAsync();
        Assert.Contains("<td class=\"text-danger fw-bold\">2026-10-13", html);
        Assert.Contains("data-kind=\"annual-report\"", html);
    }

    [Fact]
    public async Task A_decision_revoked_after_publication_is_due_for_withdrawal_within_three_working_days()
    {
        var b = await app.AgencyAsync();
        var task = (await app.TasksAsync(b.Id)).Last(t => PublicationRules.IsOpen(t.Status));
        await app.UpdateAsync([task.Id], p =>
        {
            p.Status = PublicationStatus.Published;
            p.PublishedAt = new DateTime(2026, 9, 1, 2, 0, 0, DateTimeKind.Utc);
            p.LegalStatus = LegalStatus.Revoked;
            p.LegalStatusChangedOn = BeforeNationalDay;
        });

        var view = (await (await app.ApiClientAsync("publicity")).GetFromJsonAsync<View>($"/api/v1/publicity/deadlines?agencyId={b.Id}"))!;
        var w = view.Rows.Single(r => r.Kind == "withdrawal" && r.PublicationId == task.Id);
        Assert.Equal(new DateOnly(2026, 10, 8), w.DueOn); // 29, 30 September and 8 October
        Assert.True(w.Overdue);
        Assert.Equal("已撤销", w.Status);
        Assert.DoesNotContain(view.Rows, r => r.Kind == "publication" && r.PublicationId == task.Id);
    }

    [Fact]
    public async Task A_unit_sees_its_own_items_and_the_supervisor_above_sees_the_agency_but_another_agency_gets_404()
    {
        var b = await app.AgencyAsync();
        var supervisor = await app.ApiClientAsync("supervisor");
        var all = (await supervisor.GetFromJsonAsync<View>("/api/v1/publicity/deadlines"))!;
        var unitId = all.Rows.First(r => r.AgencyId == b.Id && r.UnitId is not null).UnitId;
        Assert.Contains(all.Rows, r => r.AgencyId == b.Id);
        Assert.Contains(all.Rows, r => r.Agency == "永兴县应急管理局");

        var unit = (await supervisor.GetFromJsonAsync<View>($"/api/v1/publicity/deadlines?unitId={unitId}"))!;
        Assert.All(unit.Rows, r => Assert.Equal(unitId, r.UnitId));
        Assert.NotEmpty(unit.Rows);

        var other = await app.ApiClientAsync("yj.admin");
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/api/v1/publicity/deadlines?agencyId={b.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/api/v1/publicity/deadlines?unitId={unitId}")).StatusCode);
        var own = (await other.GetFromJsonAsync<View>("/api/v1/publicity/deadlines"))!;
        Assert.DoesNotContain(own.Rows, r => r.AgencyId == b.Id);
        var page = await (await app.SignInAsync("yj.admin")).GetAsync($"/publicity/deadlines?agencyId={b.Id}");
        Assert.Equal(HttpStatusCode.NotFound, page.StatusCode);
    }

    [Fact]
    public async Task An_agency_id_that_is_not_a_number_is_refused_naming_the_field()
    {
        var response = await (await app.ApiClientAsync("publicity")).GetAsync("/api/v1/publicity/deadlines?agencyId=abc&unitId=x");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(["agencyId", "unitId"], (await response.ReadProblemAsync()).Fields);
    }
}
