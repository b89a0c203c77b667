// Data, not messages: the head of every built-in template, printed on the document as it is
namespace Zhifa.Domain.Documents;

/// <summary>
/// What a built-in template prints above its body (<see cref="DocumentType.DefaultBody"/>): the agency, then the
/// document's name, then its 文号 or, for an unnumbered 笔录, the case number.
/// </summary>
public static class BuiltInTemplate
{
    public const string AgencyLine = "{{机关名称}}";
    public const string NumberLine = "{{文书编号}}";
    public const string CaseNumberLine = "案号：{{案号}}";
}
