namespace Zhifa.Web.Infrastructure;

/// <summary>Settings under "Zhifa" (environment: Zhifa__DataDirectory …; command line: --data-dir, --no-demo).</summary>
public sealed class ZhifaOptions
{
    /// <summary>Where the embedded database, the file store and the key ring live.</summary>
    public string DataDirectory { get; set; } = "data";
    /// <summary>Sqlite (embedded default) or Postgres.</summary>
    public string DatabaseProvider { get; set; } = "Sqlite";
    /// <summary>Overrides the SQLite file under DataDirectory; required for Postgres.</summary>
    public string? ConnectionString { get; set; }
    /// <summary>Load the demo agencies, officers and accounts into an empty database.</summary>
    public bool Demo { get; set; } = true;
    /// <summary>Production sets false and runs the `migrate` verb as a release step.</summary>
    public bool MigrateOnStart { get; set; } = true;
    /// <summary>Base of the URLs printed in QR codes; the request's own host when empty.</summary>
    public string? PublicBaseUrl { get; set; }

    public bool IsPostgres => string.Equals(DatabaseProvider, "Postgres", StringComparison.OrdinalIgnoreCase)
        || string.Equals(DatabaseProvider, "PostgreSQL", StringComparison.OrdinalIgnoreCase);

    public string ResolveConnectionString()
    {
        if (!string.IsNullOrWhiteSpace(ConnectionString)) return ConnectionString;
        if (IsPostgres) throw new InvalidOperationException("Zhifa:ConnectionString is required when Zhifa:DatabaseProvider is Postgres.");
        var dir = Path.GetFullPath(DataDirectory);
        Directory.CreateDirectory(dir);
        return $"Data Source={Path.Combine(dir, "zhifa.db")};Pooling=True";
    }
}
