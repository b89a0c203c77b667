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
        Handler => "承办人",
        UnitHead => "股室负责人",
        LegalReviewer => "法制审核人员",
        DeputyHead => "分管领导",
        Head => "主要负责人",
        PublicityOfficer => "公示管理员",
        Archivist => "档案管理员",
        Supervisor => "监督人员",
        Administrator => "系统管理员",
        _ => role,
    };

    public static bool IsKnown(string role) => All.Contains(role);
}
