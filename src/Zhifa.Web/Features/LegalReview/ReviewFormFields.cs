// Data, not messages: the field names of the 法制审核表 template (DocumentTypes "legal-review-form"), matched by name.
namespace Zhifa.Web.Features.LegalReview;

/// <summary>The fields of the 法制审核表 (seed 000 appendix) as its template names them.</summary>
internal static class ReviewFormFields
{
    public const string Unit = "承办股室";
    public const string Contact = "联系人";
    public const string Phone = "电话";
    public const string DecisionName = "决定名称";
    public const string Facts = "简要事实";
    public const string Evidence = "证据目录";
    public const string Provisions = "法律条款";
    public const string UnitOpinion = "承办股室意见";
    public const string UnitSignature = "承办股室签字";
    public const string UnitDate = "承办股室日期";
    public const string Opinion = "审核意见";
    public const string ReviewerSignature = "审核签字";
    public const string ReviewDate = "审核日期";
    public const string LeaderOpinion = "分管领导意见";
    public const string LeaderSignature = "分管领导签字";
    public const string LeaderDate = "分管领导日期";
    public const string Notes = "备注";
}
