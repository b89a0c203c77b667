// Data, not messages: the names templates write as {{名称}}; stored templates use them, so they never change
namespace Zhifa.Domain.Documents;

/// <summary>
/// The name of each placeholder the code fills, written once: <see cref="DocumentRules.FillMap"/> fills those of the
/// case, the services fill the fields of the documents they make, and the built-in templates (<see cref="DocumentTypes"/>)
/// write them between double braces.
/// </summary>
public static class Placeholder
{
    // Filled from the case, its agency and its proposed decision.
    public const string AgencyName = "机关名称";
    public const string DocumentName = "文书名称";
    public const string DocumentNumber = "文书编号";
    public const string CaseNumber = "案号";
    public const string Cause = "案由";
    public const string Party = "当事人";
    public const string PartyIdNumber = "当事人证件号";
    public const string PartyAddress = "当事人地址";
    public const string LegalRepresentative = "法定代表人";
    public const string Place = "地点";
    public const string Time = "时间";
    public const string Officers = "执法人员";
    public const string CertificateNumbers = "执法证号";
    public const string Facts = "事实";
    public const string Date = "日期";
    public const string ViolatedProvisions = "违法条款";
    public const string PenaltyBasis = "处罚依据";
    public const string NormChoice = "罚则适用";
    public const string NoPenaltyBasis = "不予处罚依据";
    public const string NoPenaltyCircumstance = "不予处罚情节";
    /// <summary>All the provisions in one line: templates made before they were split name them at once.</summary>
    public const string LegalBasis = "法律依据";
    public const string ReconsiderationOrgan = "复议机关";
    public const string CompetentCourt = "管辖法院";
    public const string Remedies = "救济途径";

    // Fields of the documents the services make.
    public const string Content = "内容";
    public const string Opinion = "意见";
    public const string Speaker = "陈述人";
    public const string HearingTime = "听证时间";
    public const string HearingPlace = "听证地点";
    public const string HearingChair = "听证主持人";
    public const string ProposedPenalty = "拟处罚内容";
    public const string PenaltyReasons = "处罚理由";
    public const string HearingRights = "听证权利";
    public const string DecisionContent = "决定内容";
    public const string EvidenceReason = "证据采信理由";
    public const string BasisReason = "依据选择理由";
    public const string DiscretionReason = "裁量理由";
    public const string StatementsAnswered = "陈述申辩情况";
    public const string ServedDocument = "送达文书";
    public const string ServiceMethod = "送达方式";
    public const string DemandContent = "催告内容";
    public const string Deadline = "期限";
}
