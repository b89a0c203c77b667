using System.Text.RegularExpressions;

namespace Zhifa.Domain.Documents;

/// <summary>A free-text field the user enters when generating a document; its key is the placeholder it fills.</summary>
public sealed record DocumentField(string Key, string Label, bool Required, bool Multiline = false, string Hint = "");

/// <summary>
/// One standard enforcement document (执法文书, REC-3): its code, its Chinese name, the kind word of its 文号 when it is
/// numbered (e.g. 罚告 in 永卫罚告〔2026〕3号; 笔录 are not numbered), the fields the user enters, and the body of the
/// built-in template.
/// </summary>
public sealed record DocumentType(string Code, string Name, string? NumberKind, IReadOnlyList<DocumentField> Fields, IReadOnlyList<string> DefaultBody)
{
    public bool IsNumbered => NumberKind is not null;

    /// <summary>The placeholders the built-in template uses, in order of first use.</summary>
    public IReadOnlyList<string> Placeholders => DocumentPlaceholders.Extract(string.Join("\n", DefaultBody));
}

/// <summary>The catalogue of document types; the codes are stable identifiers used in URLs and stored rows.</summary>
public static class DocumentTypes
{
    /// <summary>
    /// The 笔录 the party (or the person questioned) signs, or whose refusal to sign is noted: 行政处罚法第五十五条,
    /// 行政强制法第十八条第九项. Internal minutes (合议记录, 集体讨论记录) are signed by the staff and are not among them.
    /// </summary>
    public static readonly IReadOnlyList<string> PartySignedRecords = ["site-record", "inquiry-record", "hearing-record", "statement-record"];

    private const string PartySign = "当事人（签名）：____________　　日期：____年__月__日";
    private const string OfficerSign = "执法人员（签名）：____________　____________";
    private const string Seal = "{{机关名称}}（印章）　{{日期}}";
    /// <summary>LAW-9: the remedies, naming the agency's 复议机关 and court (<see cref="Decisions.DecisionRules.RemediesText"/>).</summary>
    private const string Remedy = "{{救济途径}}";

    private static DocumentField Time => new("时间", "时间", true, Hint: "例如 2026年3月2日 10时00分至11时00分");
    private static DocumentField Place => new("地点", "地点", false, Hint: "不填则用案件地点");

    // The provisions of a notice or decision, each in its place (行政处罚法第四十四条、第五十九条); filled from the proposed decision.
    private static DocumentField Violated => new("违法条款", "违法条款（当事人违反的法律、法规、规章条款）", true, true, "不填则用拟作出的决定所载的违法条款");
    private static DocumentField Basis => new("处罚依据", "处罚依据（罚则）", true, true, "不填则用拟作出的决定所载的处罚依据");

    /// <summary>REC-4: the reasons a general-procedure decision states, and how the party's statements were answered.</summary>
    private static DocumentField[] Reasons =>
    [
        new("证据采信理由", "证据采信理由", false, true), new("依据选择理由", "依据选择理由", false, true),
        new("裁量理由", "裁量理由", false, true), new("陈述申辩情况", "陈述申辩及采纳情况", false, true),
    ];

    public static readonly IReadOnlyList<DocumentType> All =
    [
        new("site-record", "现场笔录", null, [Time, Place, new("内容", "现场情况", true, true)],
        [
            "当事人：{{当事人}}　证件号码：{{当事人证件号}}", "地址：{{当事人地址}}",
            "检查时间：{{时间}}", "检查地点：{{地点}}",
            "执法人员：{{执法人员}}　执法证号：{{执法证号}}",
            "执法人员已出示执法证件，表明身份，告知当事人享有陈述、申辩和申请回避的权利。",
            "现场情况：{{内容}}", PartySign, OfficerSign,
        ]),
        new("inquiry-record", "询问笔录", null, [Time, Place, new("被询问人", "被询问人", true), new("问答", "问答内容", true, true, "每行一问或一答，例如 问：…… 答：……")],
        [
            "案由：{{案由}}", "询问时间：{{时间}}", "询问地点：{{地点}}", "被询问人：{{被询问人}}",
            "询问人：{{执法人员}}　执法证号：{{执法证号}}",
            "我们是{{机关名称}}的执法人员，已向你出示执法证件。你有如实回答询问、陈述、申辩和申请回避的权利。",
            "{{问答}}", "以上笔录已经被询问人核对，与所述一致。", "被询问人（签名）：____________　　日期：____年__月__日", OfficerSign,
        ]),
        new("rectification-notice", "责令改正通知书", "责改", [new("改正要求", "改正要求", true, true), new("期限", "改正期限", true, Hint: "例如 2026年3月31日前")],
        [
            "{{当事人}}：", "经查，你（单位）{{事实}}", "上述行为违反了有关法律规定，现责令你（单位）于{{期限}}改正：{{改正要求}}",
            "执法人员：{{执法人员}}　执法证号：{{执法证号}}", Seal, PartySign,
        ]),
        new("supervision-opinion", "监督意见书", "监意", [new("意见", "监督意见", true, true)],
        ["{{当事人}}：", "经检查，{{事实}}", "监督意见：{{意见}}", "执法人员：{{执法人员}}　执法证号：{{执法证号}}", Seal, PartySign]),
        new("seizure-decision", "查封扣押决定书", "强决", [new("物品清单", "查封扣押的场所、设施或者财物", true, true), new("法律依据", "法律依据", true, true), new("期限", "查封扣押期限", true)],
        [
            "{{当事人}}：", "经查，{{事实}}", "依据{{法律依据}}，本机关决定对下列场所、设施或者财物予以查封、扣押：", "{{物品清单}}",
            "查封、扣押期限为{{期限}}。", Remedy, Seal, PartySign,
        ]),
        new("preservation-notice", "先行登记保存通知书", "先保", [new("物品清单", "先行登记保存的物品", true, true), new("期限", "处理期限", false, Hint: "法定为七日内")],
        [
            "{{当事人}}：", "因调查{{案由}}一案，证据可能灭失或者以后难以取得，经本机关负责人批准，对下列物品先行登记保存：",
            "{{物品清单}}", "本机关将在{{期限}}内作出处理决定。保存期间，当事人或者有关人员不得销毁或者转移证据。", Seal, PartySign,
        ]),
        new("penalty-notice", "行政处罚事先告知书", "罚告",
        [
            Violated, Basis, new("拟处罚内容", "拟作出的行政处罚", true, true),
            new("处罚理由", "拟作出处罚的理由", false, true), new("听证权利", "听证权利告知", false, true),
        ],
        [
            "{{当事人}}：", "经查，你（单位）{{事实}}", "以上事实违反了{{违法条款}}的规定。", "{{处罚理由}}", "{{罚则适用}}",
            "依据{{处罚依据}}的规定，本机关拟对你（单位）作出如下行政处罚：{{拟处罚内容}}",
            "根据《中华人民共和国行政处罚法》第四十四条、第四十五条的规定，你（单位）有权进行陈述和申辩；符合听证条件的，有权要求听证。请于收到本告知书之日起五个工作日内提出，逾期视为放弃上述权利。",
            "{{听证权利}}", Seal, PartySign,
        ]),
        new("hearing-notice", "听证通知书", "听通", [new("听证时间", "听证时间", true), new("听证地点", "听证地点", true), new("听证主持人", "听证主持人", false)],
        [
            "{{当事人}}：", "根据你（单位）的申请，本机关定于{{听证时间}}在{{听证地点}}就{{案由}}一案举行听证。",
            "听证主持人：{{听证主持人}}。你（单位）认为主持人与本案有直接利害关系或者有其他关系可能影响公正的，有权申请回避。",
            "请按时参加。你（单位）可以委托一至二人代理，并提交授权委托书。无正当理由不参加听证的，视为放弃听证权利。", Seal, PartySign,
        ]),
        new("hearing-record", "听证笔录", null, [Time, Place, new("内容", "听证经过", true, true)],
        ["案由：{{案由}}　案号：{{案号}}", "听证时间：{{时间}}", "听证地点：{{地点}}", "当事人：{{当事人}}", "调查人员：{{执法人员}}", "{{内容}}", PartySign, "听证主持人（签名）：____________　记录人（签名）：____________"]),
        new("deliberation-record", "合议记录", null, [Time, new("内容", "合议情况", true, true), new("意见", "合议意见", true, true)],
        ["案由：{{案由}}　案号：{{案号}}", "合议时间：{{时间}}", "参加人员：{{执法人员}}", "案件事实：{{事实}}", "合议情况：{{内容}}", "合议意见：{{意见}}", "参加人员（签名）：____________"]),
        // LR-8: the 法制审核表 of seed 000's appendix; legal review fills every field from the submission and its rounds.
        new("legal-review-form", "法制审核表", null,
        [
            new("承办股室", "承办股室（单位）", false), new("联系人", "联系人", false), new("电话", "电话", false),
            new("决定名称", "拟作出执法决定名称", false), new("简要事实", "拟作出执法决定的简要事实", false, true),
            new("证据目录", "相关证据目录", false, true), new("法律条款", "所涉法律法规规章条款", false, true),
            new("承办股室意见", "承办股室（单位）意见", false, true), new("承办股室签字", "股室（单位）负责人签字", false), new("承办股室日期", "承办股室签字日期", false),
            new("审核意见", "法制审核意见建议", true, true), new("审核签字", "法制审核股室负责人签字", false), new("审核日期", "法制审核签字日期", false),
            new("分管领导意见", "分管领导意见", false, true), new("分管领导签字", "分管领导签字", false), new("分管领导日期", "分管领导签字日期", false),
            new("备注", "备注", false, true),
        ],
        [
            "（{{日期}}）", "承办股室（单位）：{{承办股室}}　联系人：{{联系人}}　电话：{{电话}}",
            "案由：{{案由}}　案号：{{案号}}", "当事人：{{当事人}}　承办人员：{{执法人员}}",
            "拟作出执法决定名称：{{决定名称}}", "拟作出执法决定的简要事实：{{简要事实}}", "相关证据目录：{{证据目录}}",
            "所涉法律法规规章条款：{{法律条款}}",
            "承办股室（单位）意见：{{承办股室意见}}", "股室（单位）负责人签字：{{承办股室签字}}　{{承办股室日期}}",
            "法制审核意见建议：{{审核意见}}", "股室负责人签字：{{审核签字}}　{{审核日期}}",
            "分管领导意见：{{分管领导意见}}", "签字：{{分管领导签字}}　{{分管领导日期}}",
            "备注：{{备注}}", "注：上述填写内容可以另附页，附页需盖章。",
        ]),
        new("collective-discussion", "集体讨论记录", null, [Time, Place, new("内容", "讨论情况", true, true), new("意见", "讨论决定", true, true)],
        ["案由：{{案由}}　案号：{{案号}}", "时间：{{时间}}", "地点：{{地点}}", "案件事实：{{事实}}", "讨论情况：{{内容}}", "讨论决定：{{意见}}", "主持人（签名）：____________　记录人（签名）：____________"]),
        new("penalty-decision", "行政处罚决定书", "罚决", [Violated, Basis, new("决定内容", "处罚决定", true, true), .. Reasons],
        [
            "当事人：{{当事人}}　证件号码：{{当事人证件号}}", "地址：{{当事人地址}}", "经查，{{事实}}", "以上事实违反了{{违法条款}}的规定。",
            "证据采信理由：{{证据采信理由}}", "依据选择理由：{{依据选择理由}}", "裁量理由：{{裁量理由}}", "{{陈述申辩情况}}", "{{罚则适用}}",
            "依据{{处罚依据}}的规定，本机关决定：{{决定内容}}", "罚款应当自收到本决定书之日起十五日内缴纳，逾期不缴纳的，每日按罚款数额的百分之三加处罚款。", Remedy, Seal,
        ]),
        // 行政处罚法第三十条、第三十一条、第三十三条、第三十六条: the ground is cited with the circumstance found for it.
        new("no-penalty-decision", "不予行政处罚决定书", "不罚",
        [
            Violated, new("不予处罚依据", "不予处罚的法律依据", true, Hint: "不填则用拟作出的决定所载的理由，如《中华人民共和国行政处罚法》第三十三条第一款"),
            new("不予处罚情节", "不予处罚的情形", true, true, "不填则用拟作出的决定所记录的情节"), new("决定内容", "决定内容", true, true), .. Reasons,
        ],
        [
            "当事人：{{当事人}}　证件号码：{{当事人证件号}}", "地址：{{当事人地址}}", "经查，{{事实}}", "以上事实违反了{{违法条款}}的规定。",
            "证据采信理由：{{证据采信理由}}", "依据选择理由：{{依据选择理由}}", "裁量理由：{{裁量理由}}", "{{陈述申辩情况}}",
            "当事人的违法行为属于以下情形：{{不予处罚情节}}。", "依据{{不予处罚依据}}的规定，本机关决定：{{决定内容}}", Remedy, Seal,
        ]),
        new("statement-record", "陈述申辩笔录", null, [Time, Place, new("陈述人", "陈述申辩人", true), new("内容", "陈述申辩内容", true, true)],
        [
            "案由：{{案由}}　案号：{{案号}}", "时间：{{时间}}", "地点：{{地点}}", "陈述申辩人：{{陈述人}}", "记录人：{{执法人员}}",
            "陈述申辩内容：{{内容}}", "以上笔录已经陈述申辩人核对，与所述一致。", "陈述申辩人（签名）：____________　　日期：____年__月__日", OfficerSign,
        ]),
        new("service-receipt", "送达回证", null, [new("送达文书", "送达文书名称及文号", true), new("送达方式", "送达方式", true, Hint: "直接送达、留置送达、邮寄送达等"), Place],
        ["案由：{{案由}}　案号：{{案号}}", "受送达人：{{当事人}}", "送达文书：{{送达文书}}", "送达地点：{{地点}}", "送达方式：{{送达方式}}", "受送达人（签名）：____________　　日期：____年__月__日", "送达人（签名）：____________　____________", "见证人（签名）：____________"]),
        new("demand-notice", "催告书", "催告", [new("催告内容", "应当履行的义务", true, true), new("期限", "履行期限", true)],
        ["{{当事人}}：", "本机关对你（单位）作出的{{案由}}一案的决定，你（单位）至今未履行。现催告你（单位）于{{期限}}前履行下列义务：{{催告内容}}", "你（单位）有权进行陈述和申辩。逾期仍不履行的，本机关将依法强制执行或者申请人民法院强制执行。", Seal, PartySign]),
        new("closing-report", "结案报告", null, [new("内容", "执行及结案情况", true, true)],
        ["案由：{{案由}}　案号：{{案号}}", "当事人：{{当事人}}", "承办人员：{{执法人员}}", "案件事实：{{事实}}", "执行及结案情况：{{内容}}", "承办人员（签名）：____________　　负责人（签名）：____________"]),
    ];

    public static DocumentType? Find(string? code) => All.FirstOrDefault(t => string.Equals(t.Code, code, StringComparison.Ordinal));
}

/// <summary>Placeholders are written {{名称}} in a template; only the names below are known.</summary>
public static partial class DocumentPlaceholders
{
    /// <summary>Filled from the case, its proposed decision and its agency.</summary>
    public static readonly IReadOnlyList<string> FromCase =
    [
        Placeholder.AgencyName, Placeholder.DocumentName, Placeholder.DocumentNumber, Placeholder.CaseNumber, Placeholder.Cause,
        Placeholder.Party, Placeholder.PartyIdNumber, Placeholder.PartyAddress, Placeholder.LegalRepresentative, Placeholder.Place,
        Placeholder.Time, Placeholder.Officers, Placeholder.CertificateNumbers, Placeholder.Facts, Placeholder.Date,
        Placeholder.ViolatedProvisions, Placeholder.PenaltyBasis, Placeholder.NormChoice, Placeholder.NoPenaltyBasis,
        Placeholder.NoPenaltyCircumstance, Placeholder.ReconsiderationOrgan, Placeholder.CompetentCourt, Placeholder.Remedies,
    ];

    /// <summary>Every known placeholder: those filled from the case and every free-text field of any type.</summary>
    public static IReadOnlySet<string> Known { get; } =
        FromCase.Concat(DocumentTypes.All.SelectMany(t => t.Fields.Select(f => f.Key))).ToHashSet(StringComparer.Ordinal);

    [GeneratedRegex(@"\{\{\s*([^{}]*?)\s*\}\}")]
    private static partial Regex PlaceholderPattern();

    /// <summary>The distinct placeholder names in <paramref name="text"/>, in order of first use.</summary>
    public static IReadOnlyList<string> Extract(string text)
        => PlaceholderPattern().Matches(text).Select(m => m.Groups[1].Value).Distinct(StringComparer.Ordinal).ToList();

    /// <summary>Replaces each known placeholder by its value; unknown ones are left as they are (validation refuses them first).</summary>
    public static string Fill(string text, IReadOnlyDictionary<string, string> values)
        => PlaceholderPattern().Replace(text, m => values.TryGetValue(m.Groups[1].Value, out var v) ? v : m.Value);
}
