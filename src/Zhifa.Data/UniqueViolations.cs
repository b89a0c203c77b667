using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Zhifa.Data;

/// <summary>Recognises a save refused by one particular unique index, on either provider.</summary>
public static class UniqueViolations
{
    private const int SqliteConstraintUnique = 2067;

    /// <summary>
    /// PostgreSQL names the index; SQLite names its columns (“UNIQUE constraint failed: Parties.AgencyId, Parties.CreditCode”).
    /// </summary>
    public static bool Of(DbUpdateException ex, string indexName, string table, params string[] columns) => ex.InnerException switch
    {
        PostgresException pg => pg.SqlState == PostgresErrorCodes.UniqueViolation && pg.ConstraintName == indexName,
        SqliteException sqlite => sqlite.SqliteExtendedErrorCode == SqliteConstraintUnique
            && sqlite.Message.Contains(string.Join(", ", columns.Select(c => $"{table}.{c}")), StringComparison.Ordinal),
        _ => false,
    };
}
