using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Zhifa.Data;
using Zhifa.Domain.Calendar;
using Zhifa.Web.Infrastructure;
using static Zhifa.Web.Infrastructure.UiText;

namespace Zhifa.Web.Features.Calendar;

public static class CalendarEndpoints
{
    /// <summary>
    /// A working-day addition; <see cref="CalendarEstimated"/> (the same as <see cref="UsedYearsWithoutData"/>) when it
    /// counted through a year whose notice is not loaded, whose statutory holidays were then estimated (调休 unknown).
    /// </summary>
    public sealed record AddResult(DateOnly From, int Days, DateOnly Date, bool UsedYearsWithoutData, IReadOnlyList<int> YearsWithoutData, string Note,
        bool CalendarEstimated);
    public sealed record YearView(int Year, int Holidays, int MakeUpWorkdays, bool HasData, string Source);

    public static void MapCalendarEndpoints(this IEndpointRouteBuilder group)
    {
        var g = group.MapGroup("/calendar").WithTags(T("calendar.api.tag")).WithMetadata(new DeploymentWideAttribute());

        g.MapGet("/working-days/add", AddWorkingDays).WithName("AddWorkingDays").WithSummary(T("calendar.api.add"))
            .ProducesProblem(StatusCodes.Status400BadRequest);
        g.MapGet("/years", ListCalendarYears).WithName("ListCalendarYears").WithSummary(T("calendar.api.years"));
        g.MapPut("/years/{year:int}", LoadCalendarYear).WithName("LoadCalendarYear").WithSummary(T("calendar.api.load_year"))
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status403Forbidden);
    }

    public static async Task<Results<Ok<AddResult>, ProblemHttpResult>> AddWorkingDays(string? from, string? days, CalendarService calendar)
    {
        var errors = new Domain.Common.ValidationErrors();
        if (!DateOnly.TryParseExact(from, "yyyy-MM-dd", out var start)) errors.Add("from", "invalid_date", T("calendar.error.from_invalid"));
        if (!int.TryParse(days, out var n) || n < 0 || n > 3650) errors.Add("days", "out_of_range", T("calendar.error.days_out_of_range"));
        if (errors.Any) return Problems.Validation(errors.Items);
        var r = (await calendar.GetAsync()).AddWorkingDays(start, n);
        var missing = r.YearsWithoutData ?? [];
        return TypedResults.Ok(new AddResult(start, n, r.Date, r.UsedYearsWithoutData, missing, r.Note ?? T("calendar.api.official_note"), r.UsedYearsWithoutData));
    }

    public static async Task<Ok<List<YearView>>> ListCalendarYears(CalendarService calendar, AppDbContext db)
        => TypedResults.Ok(await YearsAsync(calendar, db));

    public static async Task<Results<Ok<YearView>, ProblemHttpResult>> LoadCalendarYear(int year, HttpRequest request, CalendarService calendar, AppDbContext db,
        CurrentUser me, TimeProvider time)
    {
        if (!me.IsDeploymentAdministrator) return Problems.Forbidden(T("calendar.error.load_forbidden"));
        using var reader = new StreamReader(request.Body);
        var json = await reader.ReadToEndAsync();
        try
        {
            var parsed = WorkingDayCalendar.ParseYearJson(json);
            if (parsed.Year != year) return Problems.Validation("year", "mismatch", T("calendar.error.year_mismatch", parsed.Year, year));
            await calendar.LoadYearAsync(db, json, me.UserName, time.GetUtcNow().UtcDateTime);
        }
        catch (CalendarFormatException ex)
        {
            return Problems.Validation("body", "calendar_format", ex.Message);
        }
        return TypedResults.Ok((await YearsAsync(calendar, db)).First(y => y.Year == year));
    }

    public static async Task<List<YearView>> YearsAsync(CalendarService calendar, AppDbContext db)
    {
        var loaded = await db.CalendarYears.AsNoTracking().Select(y => y.Year).ToListAsync();
        var years = CalendarService.ShippedYears.Select(y => y.Year).Concat(loaded).Distinct().Order().ToList();
        var cal = await calendar.GetAsync();
        var list = new List<YearView>();
        foreach (var y in years)
        {
            var days = loaded.Contains(y)
                ? WorkingDayCalendar.ParseYearJson((await db.CalendarYears.AsNoTracking().FirstAsync(c => c.Year == y)).Json).Days
                : CalendarService.ShippedYears.First(s => s.Year == y).Days;
            list.Add(new YearView(y, days.Count(d => d.IsOffDay), days.Count(d => !d.IsOffDay), cal.HasData(y),
                loaded.Contains(y) ? T("calendar.api.source_loaded") : T("calendar.api.source_shipped")));
        }
        return list;
    }
}
