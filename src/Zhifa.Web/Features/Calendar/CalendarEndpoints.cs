using Microsoft.EntityFrameworkCore;
using Zhifa.Data;
using Zhifa.Domain.Calendar;
using Zhifa.Web.Infrastructure;

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
        var g = group.MapGroup("/calendar").WithTags("工作日").WithMetadata(new DeploymentWideAttribute());

        g.MapGet("/working-days/add", async (string? from, string? days, CalendarService calendar) =>
        {
            var errors = new Domain.Common.ValidationErrors();
            if (!DateOnly.TryParseExact(from, "yyyy-MM-dd", out var start)) errors.Add("from", "invalid_date", "from 应为 yyyy-MM-dd 格式的日期");
            if (!int.TryParse(days, out var n) || n < 0 || n > 3650) errors.Add("days", "out_of_range", "days 应为 0 到 3650 之间的整数");
            if (errors.Any) return Problems.Validation(errors.Items);
            var r = (await calendar.GetAsync()).AddWorkingDays(start, n);
            var missing = r.YearsWithoutData ?? [];
            return Results.Ok(new AddResult(start, n, r.Date, r.UsedYearsWithoutData, missing, r.Note ?? "按官方节假日安排计算", r.UsedYearsWithoutData));
        }).WithSummary("“D 之后 N 个工作日内”的截止日：D 之后第 N 个工作日");

        g.MapGet("/years", async (CalendarService calendar, AppDbContext db) => await YearsAsync(calendar, db))
            .WithSummary("已有数据的年份");

        g.MapPut("/years/{year:int}", async (int year, HttpRequest request, CalendarService calendar, AppDbContext db, CurrentUser me, TimeProvider time) =>
        {
            if (!me.IsDeploymentAdministrator) return Problems.Forbidden("只有平台系统管理员可以载入节假日数据");
            using var reader = new StreamReader(request.Body);
            var json = await reader.ReadToEndAsync();
            try
            {
                var parsed = WorkingDayCalendar.ParseYearJson(json);
                if (parsed.Year != year) return Problems.Validation("year", "mismatch", $"文件中的年份 {parsed.Year} 与地址中的 {year} 不一致");
                await calendar.LoadYearAsync(db, json, me.UserName, time.GetUtcNow().UtcDateTime);
            }
            catch (CalendarFormatException ex)
            {
                return Problems.Validation("body", "calendar_format", ex.Message);
            }
            return Results.Ok((await YearsAsync(calendar, db)).First(y => y.Year == year));
        }).WithSummary("载入或替换某年的官方节假日数据（与内置数据相同的 JSON 格式）");
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
            list.Add(new YearView(y, days.Count(d => d.IsOffDay), days.Count(d => !d.IsOffDay), cal.HasData(y), loaded.Contains(y) ? "管理员载入" : "内置"));
        }
        return list;
    }
}
