using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Zhifa.Domain.Agencies;
using Zhifa.Domain.Cases;
using Zhifa.Domain.Discretion;
using Zhifa.Domain.Matters;
using Zhifa.Domain.Officers;

namespace Zhifa.Domain.Publicity;

/// <summary>
/// The pre-disclosure lists (事前公开, PUB-2 / seed 003 arts. 5–11) an agency publishes, by their stable key
/// (<see cref="Publication.ListKey"/>), in the order the portal shows them.
/// </summary>
public static class PreDisclosureLists
{
    public const string Agency = "agency";
    public const string Officers = "officers";
    public const string Powers = "powers";
    public const string Basis = "basis";
    public const string RandomInspection = "random-inspection";
    public const string Procedure = "procedure";
    public const string ServiceGuide = "service-guide";
    public const string Supervision = "supervision";

    public static readonly IReadOnlyList<string> All = [Agency, Officers, Powers, Basis, RandomInspection, Procedure, ServiceGuide, Supervision];

    public static bool IsKnown(string? key) => key is not null && All.Contains(key);

    public static string Title(string key) => key switch
    {
        Agency => "执法主体",
        Officers => "执法人员",
        Powers => "执法职责权限",
        Basis => "执法事项和执法依据",
        RandomInspection => "随机抽查事项清单",
        Procedure => "执法流程",
        ServiceGuide => "服务指南",
        Supervision => "监督投诉和救济渠道",
        _ => key,
    };
}

/// <summary>One row of a list; <see cref="Key"/> identifies it across versions, so a new version can say what changed.</summary>
public sealed record ListRow(string Key, IReadOnlyList<string> Cells);

/// <summary>A table of a list; a procedure's section also carries its flowchart as an SVG document.</summary>
public sealed record ListSection(string Key, string Heading, string Note, IReadOnlyList<string> Columns, IReadOnlyList<ListRow> Rows, string? Flowchart = null);

/// <summary>
/// What a list says, as data: stored as JSON in <see cref="Publication.Body"/> and rendered as tables by the portal. Only
/// what is built here is ever published, so the builder is the list's public whitelist.
/// </summary>
public sealed record ListContent(string Key, string Title, string Intro, IReadOnlyList<ListSection> Sections)
{
    private static readonly JsonSerializerOptions Json = new() { PropertyNamingPolicy = JsonNamingPolicy.CamelCase, WriteIndented = false };

    public int RowCount => Sections.Sum(s => s.Rows.Count);

    public string ToJson() => JsonSerializer.Serialize(this, Json);

    public static ListContent? FromJson(string? json)
    {
        if (string.IsNullOrWhiteSpace(json)) return null;
        try { return JsonSerializer.Deserialize<ListContent>(json, Json); }
        catch (JsonException) { return null; }
    }

    /// <summary>
    /// SHA-256 of the content in its one serialisation (lower-case hex). The content is a pure function of the data it
    /// was built from, so equal digests mean the data the public reads has not changed.
    /// </summary>
    public string Digest() => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(ToJson())));
}

/// <summary>The platform's data a list is generated from: the agency, its officers, matters and benchmarks, as of a day.</summary>
public sealed record PreDisclosureSource(
    Agency Agency, Agency? Parent, IReadOnlyList<Officer> Officers, IReadOnlyList<Matter> Matters,
    IReadOnlyList<DiscretionBenchmark> Benchmarks, DateOnly Today);

/// <summary>Builds each list from the source. Officers are named with their certificate only: never an ID number or a phone.</summary>
public static class PreDisclosureBuilder
{
    public const string ComplaintsPath = "/gs/complaints";
    public const string CertificatesPath = "/gs/certificates";

    /// <summary>LAW-9: 行政复议法 (2023) art. 20 and 行政诉讼法 art. 46.</summary>
    public const int ReconsiderationDays = 60;
    public const int LitigationMonths = 6;

    public static ListContent Build(string key, PreDisclosureSource s) => key switch
    {
        PreDisclosureLists.Agency => AgencyList(s),
        PreDisclosureLists.Officers => OfficerList(s),
        PreDisclosureLists.Powers => PowerList(s),
        PreDisclosureLists.Basis => BasisList(s),
        PreDisclosureLists.RandomInspection => RandomInspectionList(s),
        PreDisclosureLists.Procedure => ProcedureList(s),
        PreDisclosureLists.ServiceGuide => ServiceGuideList(s),
        PreDisclosureLists.Supervision => SupervisionList(s),
        _ => throw new ArgumentOutOfRangeException(nameof(key), key, "unknown list"),
    };

    public static string TypeLabel(AgencyType t) => t switch
    {
        AgencyType.AdministrativeOrgan => "行政机关",
        AgencyType.AuthorizedOrganization => "法律法规授权组织",
        AgencyType.EntrustedOrganization => "受委托组织",
        _ => t.ToString(),
    };

    private static string Or(string? s, string fallback = "—") => string.IsNullOrWhiteSpace(s) ? fallback : s.Trim();

    private static string UnitName(PreDisclosureSource s, int? unitId)
        => unitId is { } id && s.Agency.Units.FirstOrDefault(u => u.Id == id) is { } u ? u.Name : s.Agency.Name;

    private static IEnumerable<Matter> Ordered(IEnumerable<Matter> matters) => matters.OrderBy(m => m.Category).ThenBy(m => m.Code, StringComparer.Ordinal);

    private static string Bases(Matter m, bool withText)
        => string.Join("\n", m.Bases.OrderBy(b => b.Id).Select(b => $"《{b.Law}》{b.Article}" + (withText && b.Text.Length > 0 ? "：" + b.Text : "")));

    private static ListContent Content(string key, string intro, params ListSection[] sections)
        => new(key, PreDisclosureLists.Title(key), intro, sections);

    private static ListContent AgencyList(PreDisclosureSource s)
    {
        var a = s.Agency;
        var agency = new ListSection("agency", "执法主体", "",
            ["名称", "主体类别", "统一社会信用代码", "办公地址", "联系电话", "上级机关"],
            [new ListRow("agency", [a.Name, TypeLabel(a.Type), Or(a.CreditCode), Or(a.Address), Or(a.Contact), Or(s.Parent?.Name)])]);
        var units = new ListSection("units", "内设执法机构", "内设执法科室与本机关合署办公，办公地址和联系电话同上。",
            ["名称", "职能", "办公地址", "联系电话"],
            [.. a.Units.OrderBy(u => u.Id).Select(u => new ListRow("unit:" + u.Id,
                [u.Name, u.IsLegalReviewUnit ? "法制审核机构" : "执法科室", Or(a.Address), Or(a.Contact)]))]);
        return Content(PreDisclosureLists.Agency, $"{a.Name}及其内设执法机构的名称、办公地址和联系方式（事前公开，第七条）。", agency, units);
    }

    private static ListContent OfficerList(PreDisclosureSource s)
    {
        // 持证上岗: only officers whose certificate is valid today are published; expiry makes the list stale.
        var rows = s.Officers.Where(o => o.Active)
            .SelectMany(o => o.Certificates.Where(c => c.StatusOn(s.Today) == CertificateStatus.Valid).Select(c => (o, c)))
            .OrderBy(x => x.c.Number, StringComparer.Ordinal)
            .Select(x => new ListRow("cert:" + x.c.Number,
                [x.o.Name, x.c.Number, string.Join("、", Certificate.SplitDomains(x.c.Domains)), $"{Day(x.c.ValidFrom)} 至 {Day(x.c.ValidUntil)}", UnitName(s, x.o.UnitId)]))
            .ToList();
        var officers = new ListSection("officers", "持证执法人员", $"执法证状态可在执法证查询（{CertificatesPath}）实时核验。",
            ["姓名", "执法证号", "执法领域", "有效期", "所在机构"], rows);
        return Content(PreDisclosureLists.Officers, $"{s.Agency.Name}持有有效行政执法证件的执法人员（姓名、执法证号）。", officers);
    }

    private static ListContent PowerList(PreDisclosureSource s)
    {
        var rows = Ordered(s.Matters).Select(m => new ListRow("matter:" + m.Code,
            [m.Code, m.Name, Matter.Label(m.Category), UnitName(s, m.ResponsibleUnitId)])).ToList();
        var counts = string.Join("，", s.Matters.GroupBy(m => m.Category).OrderBy(g => g.Key).Select(g => $"{Matter.Label(g.Key)} {g.Count()} 项"));
        var powers = new ListSection("powers", "行政职权", counts.Length == 0 ? "" : "共 " + s.Matters.Count + " 项：" + counts + "。",
            ["事项编码", "职权名称", "职权类别", "承办机构"], rows);
        return Content(PreDisclosureLists.Powers, $"{s.Agency.Name}依法行使的行政执法职责和权限（第六条）。", powers);
    }

    private static ListContent BasisList(PreDisclosureSource s)
    {
        var matters = Ordered(s.Matters).ToList();
        var basis = new ListSection("basis", "执法事项及依据", "",
            ["事项编码", "事项名称", "事项类别", "法律依据"],
            [.. matters.Select(m => new ListRow("matter:" + m.Code, [m.Code, m.Name, Matter.Label(m.Category), Bases(m, withText: true)]))]);
        var byId = s.Matters.ToDictionary(m => m.Id);
        var grades = s.Benchmarks.Where(b => byId.ContainsKey(b.MatterId))
            .OrderBy(b => byId[b.MatterId].Code, StringComparer.Ordinal)
            .SelectMany(b => b.Ordered.Select(g => new ListRow($"grade:{byId[b.MatterId].Code}:{g.Order}",
                [byId[b.MatterId].Code, b.Behaviour, g.TierWithLabel, string.Join("\n", g.CircumstanceList), Or(g.Standard, g.Summary())])))
            .ToList();
        var benchmarks = new ListSection("benchmarks", "行政处罚裁量基准", "裁量基准依法律、法规、规章的规定制定；同一违法行为按情形对应阶次。",
            ["事项编码", "违法行为", "裁量阶次", "适用情形", "裁量标准"], grades);
        return Content(PreDisclosureLists.Basis, $"{s.Agency.Name}的执法事项清单及其所依据的法律、法规、规章和行政处罚裁量基准（第八条）。", basis, benchmarks);
    }

    private static ListContent RandomInspectionList(PreDisclosureSource s)
    {
        var rows = Ordered(s.Matters.Where(m => m.RandomInspection)).Select(m => new ListRow("matter:" + m.Code,
            [m.Code, m.Name, UnitName(s, m.ResponsibleUnitId), Bases(m, withText: false), "“双随机、一公开”：随机抽取检查对象、随机选派执法检查人员，抽查情况及查处结果及时公开"])).ToList();
        var list = new ListSection("random-inspection", "随机抽查事项", "依执法事项清单中标注为“随机抽查”的事项生成。",
            ["事项编码", "抽查事项", "检查实施机构", "抽查依据", "抽查方式"], rows);
        return Content(PreDisclosureLists.RandomInspection, $"{s.Agency.Name}的随机抽查事项清单（第十条）。", list);
    }

    /// <summary>The path's title as the public reads it: 行政处罚（普通程序）, 行政检查.</summary>
    public static string PathTitle(CaseCategory category, CaseProcedure procedure)
        => CaseOpeningRules.Label(category) + (procedure == CaseProcedure.Standard ? "" : $"（{CaseOpeningRules.Label(procedure)}）");

    /// <summary>The section key of a path, also the name of its flowchart file: penalty-general, inspection.</summary>
    public static string PathKey(CaseCategory category, CaseProcedure procedure)
        => (category.ToString() + (procedure == CaseProcedure.Standard ? "" : "-" + procedure)).ToLowerInvariant();

    private static ListContent ProcedureList(PreDisclosureSource s)
    {
        var sections = CaseStateMachine.Procedures.Select(p =>
        {
            var title = PathTitle(p.Category, p.Procedure);
            var moves = CaseStateMachine.Moves(p.Category, p.Procedure);
            var rows = moves.Select((m, i) => new ListRow($"{m.From}>{m.To}",
                [(i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture), CaseSteps.Label(m.From), CaseSteps.Label(m.To),
                 m.Conditions.Count == 0 ? "—" : string.Join("；", m.Conditions.Select(ProcedureFlowchart.ShortCondition))])).ToList();
            return new ListSection(PathKey(p.Category, p.Procedure), title, "流程图由本平台的办案流程规则生成，与系统实际执行的环节和条件一致。",
                ["序号", "环节", "下一环节", "进入下一环节的条件"], rows, ProcedureFlowchart.Svg(title + "流程图", p.Category, p.Procedure));
        }).ToArray();
        return Content(PreDisclosureLists.Procedure, $"{s.Agency.Name}各类行政执法行为的步骤、程序和流程图（第九条）。", sections);
    }

    private static ListContent ServiceGuideList(PreDisclosureSource s)
    {
        var flow = string.Join(" → ", CaseStateMachine.Path(CaseCategory.Licensing, CaseProcedure.Standard).Select(CaseSteps.Label));
        var rows = Ordered(s.Matters.Where(m => m.Category == MatterCategory.Licensing)).Select(m => new ListRow("matter:" + m.Code,
        [
            m.Name, UnitName(s, m.ResponsibleUnitId) + "（" + s.Agency.Name + "）", Bases(m, withText: false),
            "符合设定依据规定的条件：" + Bases(m, withText: true),
            "除当场作出决定的外，自受理之日起二十日内作出决定（《中华人民共和国行政许可法》第四十二条）",
            "不收费（《中华人民共和国行政许可法》第五十八条），法律、行政法规另有规定的除外",
            flow,
        ])).ToList();
        var guide = new ListSection("licensing", "行政许可服务指南",
            "申请条件和期限以设定依据为准；本平台未单列的条件见所列条文。受理地址和咨询电话：" + Or(s.Agency.Address) + "，" + Or(s.Agency.Contact) + "。",
            ["事项名称", "受理机构", "设定依据", "申请条件", "办理期限", "收费标准", "办理流程"], rows);
        return Content(PreDisclosureLists.ServiceGuide, $"{s.Agency.Name}行政许可事项的受理机构、条件、期限、费用和流程（第九条）。", guide);
    }

    private static ListContent SupervisionList(PreDisclosureSource s)
    {
        var a = s.Agency;
        var supervision = new ListSection("supervision", "监督投诉渠道", "",
            ["渠道", "受理机关或方式", "地址或网址", "受理条件和说明"],
        [
            new ListRow("complaint-online", ["网上投诉举报", a.Name, ComplaintsPath, "对本机关执法人员的执法行为或违法行为线索投诉、举报、提出建议；提交后凭受理编号查询办理进度"]),
            new ListRow("complaint-office", ["来电来访", a.Name + "（" + Or(a.Contact) + "）", Or(a.Address), "工作日办公时间受理"]),
            new ListRow("certificate", ["执法证件查询", "执法证查询", CertificatesPath, "输入执法证号或扫描证件二维码核验执法人员身份"]),
            new ListRow("supervisor", ["上级机关监督", Or(s.Parent?.Name, "本级人民政府"), Or(s.Parent?.Address), Or(s.Parent?.Contact, "对本机关执法工作的监督")]),
        ]);
        var organ = s.Parent?.Name ?? "本级人民政府";
        var remedies = new ListSection("remedies", "救济渠道", "当事人对行政执法行为不服的，可以依法申请行政复议或者提起行政诉讼。",
            ["渠道", "受理机关", "期限", "依据"],
        [
            new ListRow("reconsideration", ["行政复议", organ, $"自知道或者应当知道该行政行为之日起 {ReconsiderationDays} 日内", "《中华人民共和国行政复议法》第二十条"]),
            new ListRow("litigation", ["行政诉讼", $"{a.Name}所在地有管辖权的人民法院", $"自知道或者应当知道作出行政行为之日起 {LitigationMonths} 个月内", "《中华人民共和国行政诉讼法》第四十六条"]),
        ]);
        return Content(PreDisclosureLists.Supervision, $"对{a.Name}行政执法行为的投诉举报方式、途径、受理条件，以及行政复议和行政诉讼渠道（第十一条）。", supervision, remedies);
    }

    private static string Day(DateOnly d) => d.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
}

public enum RowChangeKind { Added, Removed, Changed }

/// <summary>One row that differs between two versions of a list.</summary>
public sealed record RowChange(RowChangeKind Kind, string Section, string RowKey, IReadOnlyList<string> Columns, IReadOnlyList<string>? Before, IReadOnlyList<string>? After);

/// <summary>What changed between the published version of a list and a new one (动态调整), row by row.</summary>
public static class PreDisclosureDiff
{
    public static IReadOnlyList<RowChange> Compare(ListContent? before, ListContent after)
    {
        var changes = new List<RowChange>();
        var old = (before?.Sections ?? []).SelectMany(s => s.Rows.Select(r => (Section: s, Row: r)))
            .GroupBy(x => (x.Section.Key, x.Row.Key)).ToDictionary(g => g.Key, g => g.First());
        var seen = new HashSet<(string, string)>();
        foreach (var s in after.Sections)
        {
            foreach (var r in s.Rows)
            {
                var key = (s.Key, r.Key);
                if (!seen.Add(key)) continue;
                if (!old.TryGetValue(key, out var was)) changes.Add(new(RowChangeKind.Added, s.Heading, r.Key, s.Columns, null, r.Cells));
                else if (!was.Row.Cells.SequenceEqual(r.Cells, StringComparer.Ordinal))
                    changes.Add(new(RowChangeKind.Changed, s.Heading, r.Key, s.Columns, was.Row.Cells, r.Cells));
            }
        }
        foreach (var (key, was) in old)
            if (!seen.Contains(key)) changes.Add(new(RowChangeKind.Removed, was.Section.Heading, was.Row.Key, was.Section.Columns, was.Row.Cells, null));
        return changes;
    }

    public static string Label(RowChangeKind k) => k switch
    {
        RowChangeKind.Added => "新增",
        RowChangeKind.Removed => "删除",
        RowChangeKind.Changed => "变更",
        _ => k.ToString(),
    };
}
