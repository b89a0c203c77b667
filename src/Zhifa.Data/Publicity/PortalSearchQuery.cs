using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Zhifa.Domain.Publicity;

namespace Zhifa.Data.Publicity;

/// <summary>One page of the portal's decision search: the publication ids newest first, and the count up to <see cref="PortalSearchCriteria.CountCap"/>.</summary>
public sealed record PortalSearchHits(IReadOnlyList<int> PublicationIds, int Total, bool TotalCapped);

/// <summary>
/// The portal's search as one SQL statement per provider, giving identical results: the same filters on the entries,
/// and the words as the AND of their tokens — FTS5 MATCH on SQLite (walked newest first, so a page stops early),
/// the GIN-indexed tsvector on PostgreSQL.
/// </summary>
public static class PortalSearchQuery
{
    public static async Task<PortalSearchHits> RunAsync(AppDbContext db, PortalSearchCriteria c, DateOnly today, int? take = null, int? skip = null)
    {
        bool sqlite = db.Database.IsSqlite();
        var args = new List<object>();
        string P(object value) { args.Add(value); return "{" + (args.Count - 1).ToString(CultureInfo.InvariantCulture) + "}"; }
        object Day(DateOnly d) => sqlite ? d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : d;

        string from, order;
        var where = new List<string>();
        if (c.Tokens.Count > 0 && sqlite)
        {
            // CROSS JOIN keeps the FTS table the outer loop, so ORDER BY its rowid walks the matches newest first.
            from = $"\"{PortalSearchIndex.FtsTable}\" f CROSS JOIN \"PortalSearchEntries\" e";
            where.Add("e.\"Id\" = f.rowid");
            where.Add($"f.\"{PortalSearchIndex.FtsTable}\" MATCH " + P(string.Join(" AND ", c.Tokens.Select(t => "\"" + t + "\""))));
            order = "f.rowid DESC";
        }
        else
        {
            from = "\"PortalSearchEntries\" e";
            if (c.Tokens.Count > 0) where.Add("e.\"TokenVector\" @@ to_tsquery('simple', " + P(string.Join(" & ", c.Tokens)) + ")");
            order = "e.\"Id\" DESC";
        }
        where.Add($"(e.\"ShownUntil\" IS NULL OR e.\"ShownUntil\" >= {P(Day(today))})");
        if (c.AgencyId is { } a) where.Add($"e.\"AgencyId\" = {P(a)}");
        if (c.Category is { } cat) where.Add($"e.\"Category\" = {P(cat.ToString())}");
        if (c.From is { } f1) where.Add($"e.\"DecidedOn\" >= {P(Day(f1))}");
        if (c.To is { } t1) where.Add($"e.\"DecidedOn\" <= {P(Day(t1))}");
        if (c.MinFine is { } lo) where.Add($"e.\"FineFen\" >= {P(PortalSearchEntry.ToFen(lo)!.Value)}");
        if (c.MaxFine is { } hi) where.Add($"e.\"FineFen\" <= {P(PortalSearchEntry.ToFen(hi)!.Value)}");

        var body = new StringBuilder("FROM ").Append(from).Append(" WHERE ").AppendJoin(" AND ", where).ToString();
        int limit = take ?? c.PageSize, offset = skip ?? c.Skip;
        // Every value is a parameter; the text holds only fixed SQL and integers.
        string pageSql = $"SELECT e.\"PublicationId\" AS \"Value\" {body} ORDER BY {order} LIMIT {limit.ToString(CultureInfo.InvariantCulture)} OFFSET {offset.ToString(CultureInfo.InvariantCulture)}";
        var ids = await db.Database.SqlQueryRaw<int>(pageSql, [.. args]).ToListAsync();
        // Counting stops past the cap; a page or a download beyond it is still served.
        int cap = PortalSearchCriteria.CountCap + 1;
        string countSql = $"SELECT COUNT(*) AS \"Value\" FROM (SELECT 1 AS x {body} LIMIT {cap.ToString(CultureInfo.InvariantCulture)}) t";
        int total = ids.Count < limit && (offset == 0 || ids.Count > 0)
            ? offset + ids.Count
            : await db.Database.SqlQueryRaw<int>(countSql, [.. args]).SingleAsync();
        return new PortalSearchHits(ids, Math.Min(total, PortalSearchCriteria.CountCap), total > PortalSearchCriteria.CountCap);
    }
}
