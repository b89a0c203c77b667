using Zhifa.Domain.Calendar;

namespace Zhifa.Domain.Tests.Calendar;

/// <summary>The official working-day calendar the application ships, read once for the rule tests that count working days.</summary>
public static class OfficialCalendar
{
    public static readonly Lazy<WorkingDayCalendar> Shared = new(() =>
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (!File.Exists(Path.Combine(dir!.FullName, "Zhifa.slnx"))) dir = dir.Parent;
        var folder = Path.Combine(dir.FullName, "src", "Zhifa.Web", "Features", "Calendar", "holidays-cn");
        return new WorkingDayCalendar(Directory.GetFiles(folder, "*.json").Select(f => WorkingDayCalendar.ParseYearJson(File.ReadAllText(f))));
    });
}
