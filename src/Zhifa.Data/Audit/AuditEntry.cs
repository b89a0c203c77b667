using Zhifa.Domain.Audit;

namespace Zhifa.Data.Audit;

/// <summary>A row of the append-only audit log (SEC-4); see <see cref="AuditChain"/>.</summary>
public sealed class AuditEntry
{
    public long Sequence { get; set; }
    public DateTime Time { get; set; }
    public string Actor { get; set; } = "";
    public int? AgencyId { get; set; }
    public string Action { get; set; } = "";
    public string SubjectType { get; set; } = "";
    public string SubjectId { get; set; } = "";
    public string? BeforeDigest { get; set; }
    public string? AfterDigest { get; set; }
    /// <summary>Which fields changed, or a short note of an event; never personal data of parties.</summary>
    public string Details { get; set; } = "";
    public string PreviousHash { get; set; } = "";
    public string Hash { get; set; } = "";

    public AuditRecord ToRecord() => new(Sequence, Time.Ticks, Actor, AgencyId, Action, SubjectType, SubjectId,
        BeforeDigest, AfterDigest, Details, PreviousHash, Hash);
}

/// <summary>The last sequence and hash written. Appends lock this row, which serialises them and catches removal at the end.</summary>
public sealed class AuditHead
{
    public int Id { get; set; }
    public long Sequence { get; set; }
    public string Hash { get; set; } = AuditChain.GenesisHash;
}

/// <summary>Who is acting, for the audit log. The web layer supplies the signed-in user; the command line supplies itself.</summary>
public interface IAuditActor
{
    string Name { get; }
    int? AgencyId { get; }
}

public sealed class SystemActor(string name = "system") : IAuditActor
{
    public string Name { get; } = name;
    public int? AgencyId => null;
}
