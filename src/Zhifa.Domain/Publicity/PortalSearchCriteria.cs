using System.Globalization;
using Zhifa.Domain.Cases;
using Zhifa.Domain.Common;
using Zhifa.Domain.Rules;

namespace Zhifa.Domain.Publicity;

/// <summary>What the public asks the portal's decision search (PUB-10): words, filters and the page.</summary>
public sealed record PortalSearchCriteria(string Query, IReadOnlyList<string> Tokens, int? AgencyId, CaseCategory? Category, DateOnly? From,
    DateOnly? To, decimal? MinFine, decimal? MaxFine, int Page, int PageSize)
{
    public const int DefaultPageSize = 20;
    public const int MaxPageSize = 100;
    /// <summary>Paging stops here; a download holds at most this many rows too.</summary>
    public const int MaxRows = 10_000;
    /// <summary>Counting stops here: "more than 1,000" serves a reader as well as the exact number and costs a tenth.</summary>
    public const int CountCap = 1_000;

    public static readonly PortalSearchCriteria Latest = new("", [], null, null, null, null, null, null, 1, DefaultPageSize);

    public int Skip => (Page - 1) * PageSize;

    /// <summary>Reads the raw query string values; every refused field is named with its reason.</summary>
    public static PortalSearchCriteria Parse(string? q, string? agencyId, string? category, string? from, string? to, string? minFine,
        string? maxFine, string? page, string? pageSize, int maxPageSize = MaxPageSize)
    {
        var errors = new ValidationErrors();
        var query = (q ?? "").Trim();
        if (PortalSearchTokens.WhyNotSearchable(query) is { } why) errors.Add("q", "not_searchable", why);

        int? agency = null;
        if (!string.IsNullOrWhiteSpace(agencyId))
        {
            if (int.TryParse(agencyId, NumberStyles.None, CultureInfo.InvariantCulture, out var a) && a > 0) agency = a;
            else errors.Add("agencyId", "invalid", Messages.Get("portal.search.agency_invalid"));
        }

        CaseCategory? cat = null;
        if (!string.IsNullOrWhiteSpace(category))
        {
            if (Enum.TryParse<CaseCategory>(category.Trim(), true, out var c) && Enum.IsDefined(c) && !int.TryParse(category, out _)) cat = c;
            else errors.Add("category", "invalid", Messages.Get("portal.search.category_invalid"));
        }

        var fromDate = Date(errors, "from", from, Messages.Get("portal.search.from"));
        var toDate = Date(errors, "to", to, Messages.Get("portal.search.to"));
        if (fromDate is { } f && toDate is { } t && f > t) errors.Add("to", "order", Messages.Get("portal.search.date_order"));

        var min = Money(errors, "minFine", minFine, Messages.Get("portal.search.min_fine"));
        var max = Money(errors, "maxFine", maxFine, Messages.Get("portal.search.max_fine"));
        if (min is { } lo && max is { } hi && lo > hi) errors.Add("maxFine", "order", Messages.Get("portal.search.fine_order"));

        int size = DefaultPageSize;
        if (!string.IsNullOrWhiteSpace(pageSize))
        {
            if (int.TryParse(pageSize, NumberStyles.None, CultureInfo.InvariantCulture, out var s) && s >= 1 && s <= maxPageSize) size = s;
            else errors.Add("pageSize", "range", Messages.Get("portal.search.page_size_range", maxPageSize));
        }
        int number = 1;
        if (!string.IsNullOrWhiteSpace(page))
        {
            if (int.TryParse(page, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n >= 1 && (long)(n - 1) * size < MaxRows) number = n;
            else errors.Add("page", "range", Messages.Get("portal.search.page_range", MaxRows));
        }
        errors.ThrowIfAny();
        return new PortalSearchCriteria(query, PortalSearchTokens.Query(query), agency, cat, fromDate, toDate, min, max, number, size);
    }

    private static DateOnly? Date(ValidationErrors errors, string field, string? value, string label)
    {
        if (string.IsNullOrWhiteSpace(value)) return null;
        if (DateOnly.TryParseExact(value.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)) return d;
        errors.Add(field, "invalid", Messages.Get("portal.search.date_invalid", label));
        return null;
    }

    private static decimal? Money(ValidationErrors errors, string field, string? value, string label)
    {
        if (string.IsNullOrWhiteSpace(value)) return null;
        if (decimal.TryParse(value.Trim(), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var m) && m <= 100_000_000_000m) return m;
        errors.Add(field, "invalid", Messages.Get("portal.search.money_invalid", label));
        return null;
    }

    /// <summary>The query string of these criteria (without the page), for links, downloads and the next page.</summary>
    public string ToQueryString(int? page = null)
    {
        var parts = new List<string>();
        void Add(string k, string? v) { if (!string.IsNullOrEmpty(v)) parts.Add(k + "=" + Uri.EscapeDataString(v)); }
        Add("q", Query);
        Add("agencyId", AgencyId?.ToString(CultureInfo.InvariantCulture));
        Add("category", Category?.ToString());
        Add("from", From?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        Add("to", To?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        Add("minFine", MinFine?.ToString(CultureInfo.InvariantCulture));
        Add("maxFine", MaxFine?.ToString(CultureInfo.InvariantCulture));
        if (PageSize != DefaultPageSize) Add("pageSize", PageSize.ToString(CultureInfo.InvariantCulture));
        if (page is { } p && p > 1) Add("page", p.ToString(CultureInfo.InvariantCulture));
        return string.Join("&", parts);
    }
}
