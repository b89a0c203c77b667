using Microsoft.EntityFrameworkCore;
using Zhifa.Domain.Publicity;

namespace Zhifa.Data.Publicity;

/// <summary>
/// Keeps the portal's search entries (<see cref="PortalSearchEntry"/>) in step with the publications, and creates the
/// full-text objects EF cannot describe: on SQLite an FTS5 table over the entries' tokens kept current by triggers, on
/// PostgreSQL a stored tsvector column with a GIN index. Both are created idempotently after the migrations, so a
/// regenerated Initial migration needs nothing hand-written.
/// </summary>
public static class PortalSearchIndex
{
    public const string FtsTable = "PortalSearchFts";

    /// <summary>
    /// Stages the entries of the publication's series to match what is public now: the Published version is listed with
    /// its public text, withdrawn, expired or superseded ones are not. Call it after changing a publication's status or
    /// its public fields and before SaveChanges, which then writes both in one transaction.
    /// </summary>
    public static async Task SyncAsync(AppDbContext db, Publication publication)
    {
        if (publication.Kind != PublicationKind.Decision) return;
        var set = db.Set<PortalSearchEntry>();
        // Tracked versions keep their pending changes (identity resolution), so statuses set in this unit of work count.
        var versions = publication.SeriesId == 0 ? [publication]
            : await db.Set<Publication>().Where(x => x.SeriesId == publication.SeriesId).ToListAsync();
        if (!versions.Contains(publication)) versions.Add(publication);
        var ids = versions.Select(v => v.Id).Where(id => id != 0).ToList();
        var entries = await set.Where(x => EF.Constant(ids).Contains(x.PublicationId)).ToListAsync();
        foreach (var v in versions)
        {
            var existing = entries.FirstOrDefault(x => x.PublicationId == v.Id);
            var wanted = PortalSearchEntry.For(v);
            if (wanted is null)
            {
                if (existing is not null) set.Remove(existing);
            }
            else if (existing is null)
            {
                if (v.Id != 0) set.Add(wanted);
            }
            else
            {
                existing.SeriesId = wanted.SeriesId;
                existing.AgencyId = wanted.AgencyId;
                existing.Category = wanted.Category;
                existing.DecidedOn = wanted.DecidedOn;
                existing.FineFen = wanted.FineFen;
                existing.ShownUntil = wanted.ShownUntil;
                existing.Tokens = wanted.Tokens;
            }
        }
    }

    /// <summary>Creates the full-text objects when missing; a new FTS table is filled from the existing entries.</summary>
    public static async Task EnsureSchemaAsync(AppDbContext db)
    {
        if (db.Database.IsSqlite())
        {
            var conn = db.Database.GetDbConnection();
            bool opened = conn.State != System.Data.ConnectionState.Open;
            if (opened) await db.Database.OpenConnectionAsync();
            try
            {
                await using var check = conn.CreateCommand();
                check.CommandText = $"SELECT count(*) FROM sqlite_master WHERE name = '{FtsTable}'";
                bool exists = Convert.ToInt64(await check.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture) > 0;
                if (exists) return;
                // detail=none: only AND of tokens is asked, so positions are not stored and the index stays small; the
                // tokens are plain ASCII, so the ascii tokenizer reads them as unicode61 would, only faster.
                await db.Database.ExecuteSqlRawAsync($"""
                    CREATE VIRTUAL TABLE "{FtsTable}" USING fts5("Tokens", content='PortalSearchEntries', content_rowid='Id', tokenize='ascii', detail=none);
                    CREATE TRIGGER IF NOT EXISTS "PortalSearchEntries_fts_insert" AFTER INSERT ON "PortalSearchEntries" BEGIN
                        INSERT INTO "{FtsTable}"(rowid, "Tokens") VALUES (new."Id", new."Tokens");
                    END;
                    CREATE TRIGGER IF NOT EXISTS "PortalSearchEntries_fts_delete" AFTER DELETE ON "PortalSearchEntries" BEGIN
                        INSERT INTO "{FtsTable}"("{FtsTable}", rowid, "Tokens") VALUES ('delete', old."Id", old."Tokens");
                    END;
                    CREATE TRIGGER IF NOT EXISTS "PortalSearchEntries_fts_update" AFTER UPDATE ON "PortalSearchEntries" BEGIN
                        INSERT INTO "{FtsTable}"("{FtsTable}", rowid, "Tokens") VALUES ('delete', old."Id", old."Tokens");
                        INSERT INTO "{FtsTable}"(rowid, "Tokens") VALUES (new."Id", new."Tokens");
                    END;
                    INSERT INTO "{FtsTable}"("{FtsTable}") VALUES ('rebuild');
                    """);
            }
            finally
            {
                if (opened) await db.Database.CloseConnectionAsync();
            }
        }
        else
        {
            await db.Database.ExecuteSqlRawAsync("""
                ALTER TABLE "PortalSearchEntries" ADD COLUMN IF NOT EXISTS "TokenVector" tsvector GENERATED ALWAYS AS (to_tsvector('simple', "Tokens")) STORED;
                CREATE INDEX IF NOT EXISTS "IX_PortalSearchEntries_TokenVector" ON "PortalSearchEntries" USING GIN ("TokenVector");
                """);
        }
    }
}
