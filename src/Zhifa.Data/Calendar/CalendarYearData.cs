namespace Zhifa.Data.Calendar;

/// <summary>A calendar year loaded by an administrator, in the official JSON format; it takes precedence over the shipped file.</summary>
public sealed class CalendarYearData
{
    public int Year { get; set; }
    public string Json { get; set; } = "";
    public DateTime LoadedAt { get; set; }
    public string LoadedBy { get; set; } = "";
}
