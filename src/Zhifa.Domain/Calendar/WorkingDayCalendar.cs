using System.Collections.ObjectModel;
using System.Globalization;
using System.Text.Json;
using Zhifa.Domain.Rules;

namespace Zhifa.Domain.Calendar;

/// <summary>
/// One day named in the State Council holiday notice. <paramref name="IsOffDay"/> true: a public holiday;
/// false: a make-up workday (调休), normally a weekend day that is worked.
/// </summary>
public sealed record CalendarDay(DateOnly Date, string Name, bool IsOffDay);

/// <summary>The arrangement for one year. An empty <paramref name="Days"/> list means the notice is not published yet.</summary>
public sealed record CalendarYear(int Year, IReadOnlyList<CalendarDay> Days)
{
    public bool HasData => Days.Count > 0;

    /// <summary>
    /// A year's notice may also arrange the last days of the previous December (the 元旦 break can start there,
    /// e.g. 2019 lists 2018-12-29..31), so those dates are accepted as part of the year.
    /// </summary>
    public static bool BelongsToYear(DateOnly date, int year) =>
        date.Year == year || (date.Year == year - 1 && date.Month == 12);
}

/// <summary>Result of counting working days forward.</summary>
/// <param name="Date">The day reached.</param>
/// <param name="YearsWithoutData">
/// Years, ascending, that a day looked at fell in while their notice is not loaded (there the statutory holidays
/// were estimated from the 放假办法, see <see cref="StatutoryHolidays"/>, or only weekends skipped outside its
/// years); null when every day looked at was covered, so the common case allocates nothing.
/// </param>
public readonly record struct WorkingDayResult(DateOnly Date, IReadOnlyList<int>? YearsWithoutData)
{
    public bool UsedYearsWithoutData => YearsWithoutData is not null;

    /// <summary>What the answer must say about those years, in Chinese; null when every year's notice was loaded.</summary>
    public string? Note => StatutoryHolidays.Note(YearsWithoutData);
}

/// <summary>A holiday file that cannot be used; the message names the field and the reason in Chinese.</summary>
public sealed class CalendarFormatException : FormatException
{
    public CalendarFormatException(string field, string reason)
        : base($"{field}：{reason}")
    {
        Field = field;
        Reason = reason;
    }

    public CalendarFormatException(string field, string reason, Exception innerException)
        : base($"{field}：{reason}", innerException)
    {
        Field = field;
        Reason = reason;
    }

    public string Field { get; }
    public string Reason { get; }
}

/// <summary>
/// Working-day arithmetic (工作日) for statutory time limits: a day named in a loaded notice follows its
/// <see cref="CalendarDay.IsOffDay"/>; in a year whose notice is not loaded (from 2025, the 放假办法 as revised)
/// the statutory holidays of <see cref="StatutoryHolidays"/> are off; any other day is a working day when it falls
/// Monday to Friday. Immutable after construction, so one instance can be shared by all threads.
/// </summary>
public sealed class WorkingDayCalendar
{
    // Every named day lies in [_startDn, _endDn]; outside it only the weekend rule applies, which has a closed
    // form, so the tables need no margin and arithmetic far outside the data stays exact and O(1).
    private readonly int _startDn;
    private readonly int _endDn;

    // _rank[i]: working days in [_startDn, _startDn + i].
    private readonly int[] _rank;

    // _workingDays[k]: day number of the (k+1)-th working day in the range; selecting the N-th next working day is one index.
    private readonly int[] _workingDays;

    // _noDataRank[i]: days in [_startDn, _startDn + i] that lie in a year without data; a difference of zero
    // proves a span is fully covered without looking at years.
    private readonly int[] _noDataRank;

    // Working days before the range (weekend rule) and inside it.
    private readonly int _rankBefore;
    private readonly int _rankInRange;

    private readonly HashSet<int> _yearsWithData;
    private readonly ReadOnlyCollection<int> _yearsWithDataSorted;

    /// <summary>
    /// Builds the calendar. When a year is given more than once, the last entry with data wins and an entry
    /// without data never hides one with data. When a date is named by two years' notices (a late-December
    /// make-up day), the later year's notice is used, as it is the one that arranged that day.
    /// </summary>
    /// <exception cref="ArgumentException">A day lies outside its year or a date is named twice in one year.</exception>
    public WorkingDayCalendar(IEnumerable<CalendarYear> years)
    {
        ArgumentNullException.ThrowIfNull(years);

        var byYear = new Dictionary<int, CalendarYear>();
        foreach (var year in years)
        {
            ArgumentNullException.ThrowIfNull(year, nameof(years));
            ArgumentNullException.ThrowIfNull(year.Days, nameof(years));
            if (year.HasData || !byYear.ContainsKey(year.Year)) byYear[year.Year] = year;
        }

        var overrides = new Dictionary<int, bool>();
        var withData = new List<int>();
        foreach (var year in byYear.Values.Where(y => y.HasData).OrderBy(y => y.Year))
        {
            withData.Add(year.Year);
            var seen = new HashSet<DateOnly>();
            foreach (var day in year.Days)
            {
                ArgumentNullException.ThrowIfNull(day, nameof(years));
                if (!CalendarYear.BelongsToYear(day.Date, year.Year))
                    throw new ArgumentException(Messages.Get("calendar.error.foreign_date", year.Year, Format(day.Date)), nameof(years));
                if (!seen.Add(day.Date))
                    throw new ArgumentException(Messages.Get("calendar.error.duplicate_date", year.Year, Format(day.Date)), nameof(years));
                overrides[day.Date.DayNumber] = day.IsOffDay;
            }
        }

        _yearsWithData = [.. withData];
        _yearsWithDataSorted = withData.AsReadOnly();

        // A year without its notice still has the holidays the 放假办法 fixes; a day a loaded notice names (a late
        // December day arranged by the next year's notice) keeps what that notice says.
        for (var y = StatutoryHolidays.FirstYear; y <= StatutoryHolidays.LastYear; y++)
        {
            if (_yearsWithData.Contains(y)) continue;
            foreach (var day in StatutoryHolidays.For(y)) overrides.TryAdd(day.Date.DayNumber, true);
        }

        if (overrides.Count == 0)
        {
            // Nothing named: the range is empty and every lookup takes the closed-form path.
            _startDn = 0;
            _endDn = -1;
            _rank = [];
            _workingDays = [];
            _noDataRank = [];
            _rankBefore = 0;
            _rankInRange = 0;
            return;
        }

        var firstYear = DateOnly.FromDayNumber(overrides.Keys.Min()).Year;
        var lastYear = DateOnly.FromDayNumber(overrides.Keys.Max()).Year;
        if (withData.Count > 0)
        {
            firstYear = Math.Min(firstYear, withData[0]);
            lastYear = Math.Max(lastYear, withData[^1]);
        }
        _startDn = new DateOnly(firstYear, 1, 1).DayNumber;
        _endDn = new DateOnly(lastYear, 12, 31).DayNumber;

        var length = _endDn - _startDn + 1;
        _rank = new int[length];
        _noDataRank = new int[length];
        var working = new List<int>(length * 5 / 7 + 16);
        int rank = 0, noData = 0;
        for (var i = 0; i < length; i++)
        {
            var dn = _startDn + i;
            if (overrides.TryGetValue(dn, out var isOff) ? !isOff : IsWeekday(dn))
            {
                rank++;
                working.Add(dn);
            }
            if (!_yearsWithData.Contains(DateOnly.FromDayNumber(dn).Year)) noData++;
            _rank[i] = rank;
            _noDataRank[i] = noData;
        }
        _workingDays = [.. working];
        _rankBefore = WeekdaysUpTo(_startDn - 1);
        _rankInRange = rank;
    }

    /// <summary>Years whose notice is loaded, ascending.</summary>
    public IReadOnlyCollection<int> YearsWithData => _yearsWithDataSorted;

    public bool HasData(int year) => _yearsWithData.Contains(year);

    /// <summary>The year's notice is not loaded and its statutory holidays are estimated from the 放假办法 (调休 unknown).</summary>
    public bool IsEstimated(int year) => !HasData(year) && StatutoryHolidays.Covers(year);

    /// <summary>
    /// Years, ascending, from <paramref name="first"/> to <paramref name="last"/> (both included) whose notice is not
    /// loaded; null when there is none. A deadline that looked at those days says so (<see cref="StatutoryHolidays.Note"/>).
    /// </summary>
    public IReadOnlyList<int>? YearsWithoutData(DateOnly first, DateOnly last) =>
        last < first ? null : YearsWithoutData(first.DayNumber, last.DayNumber);

    /// <summary>What a deadline counted from <paramref name="from"/> to <paramref name="due"/> says about years without a notice; null when none.</summary>
    public string? NoteBetween(DateOnly from, DateOnly due) => StatutoryHolidays.Note(YearsWithoutData(from, due));

    public bool IsWorkingDay(DateOnly date)
    {
        var dn = date.DayNumber;
        if (dn < _startDn || dn > _endDn) return IsWeekday(dn);
        var i = dn - _startDn;
        return _rank[i] != (i == 0 ? 0 : _rank[i - 1]);
    }

    /// <summary>
    /// The <paramref name="days"/>-th working day after <paramref name="from"/> ("N 个工作日内" ends on it);
    /// <paramref name="from"/> itself never counts, and 0 returns it unchanged.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="days"/> is negative, or the result is past <see cref="DateOnly.MaxValue"/>.</exception>
    public WorkingDayResult AddWorkingDays(DateOnly from, int days)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(days);
        if (days == 0) return new WorkingDayResult(from, null);

        var fromDn = from.DayNumber;
        var resultDn = Select((long)Rank(fromDn) + days);

        IReadOnlyList<int>? missing;
        if (fromDn >= _startDn && resultDn <= _endDn)
        {
            missing = _noDataRank[resultDn - _startDn] == _noDataRank[fromDn - _startDn]
                ? null
                : YearsWithoutData(fromDn + 1, resultDn);
        }
        else
        {
            missing = YearsWithoutData(fromDn + 1, resultDn);
        }
        return new WorkingDayResult(DateOnly.FromDayNumber(resultDn), missing);
    }

    /// <summary>Working days after <paramref name="fromExclusive"/> up to and including <paramref name="toInclusive"/>; 0 when the span is empty.</summary>
    public int CountWorkingDays(DateOnly fromExclusive, DateOnly toInclusive) =>
        toInclusive <= fromExclusive ? 0 : Rank(toInclusive.DayNumber) - Rank(fromExclusive.DayNumber);

    /// <summary>Parses one file of the holiday-cn format (<c>year</c>, <c>days[]</c> with <c>date</c>, <c>name</c>, <c>isOffDay</c>).</summary>
    /// <exception cref="CalendarFormatException">The text is not valid JSON or a field is missing or wrong.</exception>
    public static CalendarYear ParseYearJson(string json)
    {
        ArgumentNullException.ThrowIfNull(json);

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json);
        }
        catch (JsonException ex)
        {
            var where = ex.LineNumber is { } line
                ? Messages.Get("calendar.error.json_position", line + 1, (ex.BytePositionInLine ?? 0) + 1)
                : Messages.Get("calendar.error.json_position_unknown");
            throw new CalendarFormatException("JSON", Messages.Get("calendar.error.json", where), ex);
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object) throw new CalendarFormatException(Messages.Get("calendar.error.root"), Messages.Get("calendar.error.object_expected"));

            var yearElement = Required(root, "year", "year");
            if (yearElement.ValueKind != JsonValueKind.Number || !yearElement.TryGetInt32(out var year))
                throw new CalendarFormatException("year", Messages.Get("calendar.error.integer_expected"));
            if (year < 1 || year > 9999) throw new CalendarFormatException("year", Messages.Get("calendar.error.year_out_of_range", year));

            var daysElement = Required(root, "days", "days");
            if (daysElement.ValueKind != JsonValueKind.Array) throw new CalendarFormatException("days", Messages.Get("calendar.error.array_expected"));

            var days = new List<CalendarDay>(daysElement.GetArrayLength());
            var firstIndexOf = new Dictionary<DateOnly, int>();
            var index = 0;
            foreach (var item in daysElement.EnumerateArray())
            {
                var path = $"days[{index}]";
                if (item.ValueKind != JsonValueKind.Object) throw new CalendarFormatException(path, Messages.Get("calendar.error.item_expected"));

                var dateElement = Required(item, "date", path + ".date");
                if (dateElement.ValueKind != JsonValueKind.String)
                    throw new CalendarFormatException(path + ".date", Messages.Get("calendar.error.string_expected"));
                var text = dateElement.GetString();
                if (!DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
                    throw new CalendarFormatException(path + ".date", Messages.Get("calendar.error.date_format"));
                if (!CalendarYear.BelongsToYear(date, year))
                    throw new CalendarFormatException(path + ".date",
                        Messages.Get("calendar.error.date_outside_year", text, year));
                if (firstIndexOf.TryGetValue(date, out var first))
                    throw new CalendarFormatException(path + ".date", Messages.Get("calendar.error.date_repeated", text, first));
                firstIndexOf[date] = index;

                var nameElement = Required(item, "name", path + ".name");
                if (nameElement.ValueKind != JsonValueKind.String)
                    throw new CalendarFormatException(path + ".name", Messages.Get("calendar.error.string_expected"));
                var name = nameElement.GetString()!;
                if (string.IsNullOrWhiteSpace(name)) throw new CalendarFormatException(path + ".name", Messages.Get("calendar.error.empty"));

                var offElement = Required(item, "isOffDay", path + ".isOffDay");
                if (offElement.ValueKind is not (JsonValueKind.True or JsonValueKind.False))
                    throw new CalendarFormatException(path + ".isOffDay", Messages.Get("calendar.error.boolean_expected"));

                days.Add(new CalendarDay(date, name, offElement.GetBoolean()));
                index++;
            }

            return new CalendarYear(year, days.AsReadOnly());
        }
    }

    private static JsonElement Required(JsonElement parent, string property, string path) =>
        parent.TryGetProperty(property, out var value) && value.ValueKind != JsonValueKind.Null
            ? value
            : throw new CalendarFormatException(path, Messages.Get("calendar.error.missing"));

    /// <summary>Working days on or before the given day number (counted from <see cref="DateOnly.MinValue"/>).</summary>
    private int Rank(int dn)
    {
        if (dn < _startDn) return WeekdaysUpTo(dn);
        if (dn <= _endDn) return _rankBefore + _rank[dn - _startDn];
        return _rankBefore + _rankInRange + WeekdaysUpTo(dn) - WeekdaysUpTo(_endDn);
    }

    /// <summary>The earliest day whose rank reaches <paramref name="target"/> (≥ 1): the target-th working day.</summary>
    private int Select(long target)
    {
        if (target <= _rankBefore) return NthWeekday(target);
        var inRange = target - _rankBefore;
        if (inRange <= _rankInRange) return _workingDays[inRange - 1];
        return NthWeekday(inRange - _rankInRange + WeekdaysUpTo(_endDn));
    }

    private List<int>? YearsWithoutData(int firstDn, int lastDn)
    {
        List<int>? missing = null;
        var lastYear = DateOnly.FromDayNumber(lastDn).Year;
        for (var year = DateOnly.FromDayNumber(firstDn).Year; year <= lastYear; year++)
        {
            if (!_yearsWithData.Contains(year)) (missing ??= []).Add(year);
        }
        return missing;
    }

    // Day number 0 (0001-01-01) is a Monday, so the weekday of a day number is its remainder modulo 7.
    private static bool IsWeekday(int dn) => dn % 7 < 5;

    /// <summary>Monday-to-Friday days among day numbers 0..dn (dn ≥ -1).</summary>
    private static int WeekdaysUpTo(int dn)
    {
        var count = dn + 1;
        return count / 7 * 5 + Math.Min(count % 7, 5);
    }

    /// <summary>Day number of the n-th (n ≥ 1) Monday-to-Friday day counted from day number 0.</summary>
    private static int NthWeekday(long n)
    {
        var dn = (n - 1) / 5 * 7 + (n - 1) % 5;
        if (dn > DateOnly.MaxValue.DayNumber)
            throw new ArgumentOutOfRangeException("days", Messages.Get("calendar.error.beyond_range"));
        return (int)dn;
    }

    private static string Format(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
