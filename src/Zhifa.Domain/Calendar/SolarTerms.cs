namespace Zhifa.Domain.Calendar;

/// <summary>
/// The day of a solar term (节气) in China Standard Time: the day on which the Sun's apparent ecliptic longitude
/// reaches the term's longitude (清明 at 15°). The Sun's position follows the low-accuracy theory of Meeus,
/// Astronomical Algorithms, ch. 25 (mean longitude, equation of the centre, nutation and aberration, about 0.01°
/// or a quarter of an hour); the tests check every 清明 from 2007 to 2100 against the published dates, the
/// nearest of them (2071) falling ten minutes after midnight.
/// </summary>
public static class SolarTerms
{
    /// <summary>清明: the Sun at 15° of apparent longitude, in early April.</summary>
    public const double QingmingLongitude = 15.0;

    private const double J2000 = 2451545.0;
    private const double DegreesPerDay = 360.0 / 365.2422;
    private static readonly DateTime J2000Utc = new(2000, 1, 1, 12, 0, 0, DateTimeKind.Utc);

    /// <summary>The day of 清明 in <paramref name="year"/> (China Standard Time, UTC+8).</summary>
    public static DateOnly Qingming(int year) => DayOf(year, 4, 5, QingmingLongitude);

    /// <summary>
    /// The China day on which the Sun reaches <paramref name="longitude"/> near the given approximate date (the
    /// term must lie within about ten days of it).
    /// </summary>
    public static DateOnly DayOf(int year, int approxMonth, int approxDay, double longitude)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(year, 1800);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(year, 2200);
        // Newton's method on the apparent longitude; the Sun moves almost uniformly, so a few steps converge.
        var jde = JulianDay(new DateTime(year, approxMonth, approxDay, 0, 0, 0, DateTimeKind.Utc));
        for (var i = 0; i < 8; i++)
        {
            var delta = longitude - ApparentLongitude(jde);
            delta -= 360.0 * Math.Round(delta / 360.0);
            jde += delta / DegreesPerDay;
            if (Math.Abs(delta) < 1e-7) break;
        }
        // The theory runs on Terrestrial Time; civil time is Universal Time, ΔT seconds behind it.
        var utc = J2000Utc.AddDays(jde - J2000 - DeltaTSeconds(year) / 86400.0);
        return DateOnly.FromDateTime(utc.AddHours(8));
    }

    /// <summary>The Sun's apparent geocentric longitude in degrees at Julian Ephemeris Day <paramref name="jde"/>.</summary>
    public static double ApparentLongitude(double jde)
    {
        var t = (jde - J2000) / 36525.0;
        var meanLongitude = 280.46646 + 36000.76983 * t + 0.0003032 * t * t;
        var meanAnomaly = Radians(357.52911 + 35999.05029 * t - 0.0001537 * t * t);
        var centre = (1.914602 - 0.004817 * t - 0.000014 * t * t) * Math.Sin(meanAnomaly)
                     + (0.019993 - 0.000101 * t) * Math.Sin(2 * meanAnomaly)
                     + 0.000289 * Math.Sin(3 * meanAnomaly);
        var node = Radians(125.04 - 1934.136 * t);
        var apparent = meanLongitude + centre - 0.00569 - 0.00478 * Math.Sin(node);
        apparent %= 360.0;
        return apparent < 0 ? apparent + 360.0 : apparent;
    }

    private static double JulianDay(DateTime utc) => J2000 + (utc - J2000Utc).TotalDays;

    /// <summary>ΔT = TT − UT in seconds (Espenak and Meeus polynomials, 2005–2150); a minute off moves nothing here.</summary>
    private static double DeltaTSeconds(int year)
    {
        if (year < 2050)
        {
            var t = year - 2000.0;
            return 62.92 + 0.32217 * t + 0.005589 * t * t;
        }
        var u = (year - 1820.0) / 100.0;
        return -20 + 32 * u * u - 0.5628 * (2150 - year);
    }

    private static double Radians(double degrees) => degrees * Math.PI / 180.0;
}
