using Zhifa.Domain.Rules;

namespace Zhifa.Domain.Accounts;

/// <summary>The roles of ORG-4. Stored as these strings; shown by their Chinese labels.</summary>
public static class Roles
{
    public const string Handler = "handler";
    public const string UnitHead = "unit-head";
    public const string LegalReviewer = "legal-reviewer";
    public const string DeputyHead = "deputy-head";
    public const string Head = "head";
    public const string PublicityOfficer = "publicity-officer";
    public const string Archivist = "archivist";
    public const string Supervisor = "supervisor";
    public const string Administrator = "administrator";

    public static readonly IReadOnlyList<string> All =
        [Handler, UnitHead, LegalReviewer, DeputyHead, Head, PublicityOfficer, Archivist, Supervisor, Administrator];

    public static string Label(string role) => role switch
    {
        Handler => Messages.Get("role.handler"),
        UnitHead => Messages.Get("role.unit_head"),
        LegalReviewer => Messages.Get("role.legal_reviewer"),
        DeputyHead => Messages.Get("role.deputy_head"),
        Head => Messages.Get("role.head"),
        PublicityOfficer => Messages.Get("role.publicity_officer"),
        Archivist => Messages.Get("role.archivist"),
        Supervisor => Messages.Get("role.supervisor"),
        Administrator => Messages.Get("role.administrator"),
        _ => role,
    };

    public static bool IsKnown(string role) => All.Contains(role);
}
