using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Zhifa.Data;
using Zhifa.Domain.Calendar;
using Zhifa.Web.Infrastructure;

namespace Zhifa.Web.Features.Calendar;

/// <summary>The working-day calendar: a deadline calculator for everyone, loading a new year for the administrator.</summary>
[DeploymentWide]
public sealed class IndexModel(CalendarService calendar, AppDbContext db, CurrentUser me, TimeProvider time) : PageModel
{
    [TempData] public string? StatusMessage { get; set; }
    public List<CalendarEndpoints.YearView> Years { get; private set; } = [];
    public bool CanLoad => me.IsDeploymentAdministrator;
    [BindProperty(SupportsGet = true)] public DateOnly? From { get; set; }
    [BindProperty(SupportsGet = true)] public int? Days { get; set; }
    public WorkingDayResult? Result { get; private set; }
    [BindProperty] public IFormFile? Upload { get; set; }

    /// <summary>This year and the next, when their notice is not loaded: the statutory holidays estimated from the 放假办法.</summary>
    public List<(int Year, IReadOnlyList<CalendarDay> Days)> Estimated { get; private set; } = [];

    public async Task OnGetAsync()
    {
        if (From is { } from && Days is { } days)
        {
            if (days is < 0 or > 3650) ModelState.AddModelError(nameof(Days), UiText.T("calendar.error.days_range"));
            else Result = (await calendar.GetAsync()).AddWorkingDays(from, days);
        }
        Years = await CalendarEndpoints.YearsAsync(calendar, db);
        var cal = await calendar.GetAsync();
        var thisYear = DateOnly.FromDateTime(Display.ToChina(time.GetUtcNow().UtcDateTime)).Year;
        Estimated = [.. new[] { thisYear, thisYear + 1 }.Where(cal.IsEstimated).Select(y => (y, StatutoryHolidays.For(y)))];
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!CanLoad) return Forbid();
        if (Upload is null || Upload.Length == 0) ModelState.AddModelError(nameof(Upload), UiText.T("calendar.error.upload_required"));
        else if (Upload.Length > 1_000_000) ModelState.AddModelError(nameof(Upload), UiText.T("calendar.error.upload_too_large"));
        else
        {
            using var reader = new StreamReader(Upload.OpenReadStream());
            try
            {
                var year = await calendar.LoadYearAsync(db, await reader.ReadToEndAsync(), me.UserName, time.GetUtcNow().UtcDateTime);
                StatusMessage = UiText.T("calendar.loaded", year.Year, year.Days.Count);
                return RedirectToPage();
            }
            catch (CalendarFormatException ex)
            {
                ModelState.AddModelError(nameof(Upload), ex.Message);
            }
        }
        Years = await CalendarEndpoints.YearsAsync(calendar, db);
        return Page();
    }
}
