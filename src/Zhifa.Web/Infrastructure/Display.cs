namespace Zhifa.Web.Infrastructure;

/// <summary>Times are stored in UTC and shown in China Standard Time, whatever the server's own zone.</summary>
public static class Display
{
    private static readonly TimeZoneInfo China = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");

    public static System.DateTime ToChina(System.DateTime utc) => TimeZoneInfo.ConvertTimeFromUtc(System.DateTime.SpecifyKind(utc, DateTimeKind.Utc), China);

    public static string DateTime(System.DateTime? utc) => utc is null ? "—" : ToChina(utc.Value).ToString("yyyy-MM-dd HH:mm:ss");

    public static string Date(System.DateTime? utc) => utc is null ? "—" : ToChina(utc.Value).ToString("yyyy-MM-dd");
}
