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

    public static string Title(string key) => IsKnown(key) ? Rules.Messages.Get("predisclosure.title." + key) : key;
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

    public static string TypeLabel(AgencyType t) => M("predisclosure.agency_type." + t);

    private static string M(string code, params object?[] args) => Rules.Messages.Get(code, args);

    private static string Or(string? s, string fallback = "—") => string.IsNullOrWhiteSpace(s) ? fallback : s.Trim();

    private static string UnitName(PreDisclosureSource s, int? unitId)
        => unitId is { } id && s.Agency.Units.FirstOrDefault(u => u.Id == id) is { } u ? u.Name : s.Agency.Name;

    private static IEnumerable<Matter> Ordered(IEnumerable<Matter> matters) => matters.OrderBy(m => m.Category).ThenBy(m => m.Code, StringComparer.Ordinal);

    private static string Bases(Matter m, bool withText)
        => string.Join("\n", m.Bases.OrderBy(b => b.Id).Select(b => M("predisclosure.basis", b.Law, b.Article) + (withText && b.Text.Length > 0 ? M("predisclosure.basis_text", b.Text) : "")));

    private static ListContent Content(string key, string intro, params ListSection[] sections)
        => new(key, PreDisclosureLists.Title(key), intro, sections);

    private static ListContent AgencyList(PreDisclosureSource s)
    {
        var a = s.Agency;
        var agency = new ListSection("agency", M("predisclosure.agency.heading"), "",
            [M("predisclosure.col.name"), M("predisclosure.col.type"), M("predisclosure.col.credit_code"), M("predisclosure.col.address"), M("predisclosure.col.contact"), M("predisclosure.col.parent")],
            [new ListRow("agency", [a.Name, TypeLabel(a.Type), Or(a.CreditCode), Or(a.Address), Or(a.Contact), Or(s.Parent?.Name)])]);
        var units = new ListSection("units", M("predisclosure.units.heading"), M("predisclosure.units.note"),
            [M("predisclosure.col.name"), M("predisclosure.col.function"), M("predisclosure.col.address"), M("predisclosure.col.contact")],
            [.. a.Units.OrderBy(u => u.Id).Select(u => new ListRow("unit:" + u.Id,
                [u.Name, u.IsLegalReviewUnit ? M("predisclosure.unit.legal_review") : M("predisclosure.unit.enforcement"), Or(a.Address), Or(a.Contact)]))]);
        return Content(PreDisclosureLists.Agency, M("predisclosure.agency.intro", a.Name), agency, units);
    }

    private static ListContent OfficerList(PreDisclosureSource s)
    {
        // 持证上岗: only officers whose certificate is valid today are published; expiry makes the list stale.
        var rows = s.Officers.Where(o => o.Active)
            .SelectMany(o => o.Certificates.Where(c => c.StatusOn(s.Today) == CertificateStatus.Valid).Select(c => (o, c)))
            .OrderBy(x => x.c.Number, StringComparer.Ordinal)
            .Select(x => new ListRow("cert:" + x.c.Number,
                [x.o.Name, x.c.Number, string.Join("、", Certificate.SplitDomains(x.c.Domains)), M("predisclosure.officers.valid", Day(x.c.ValidFrom), Day(x.c.ValidUntil)), UnitName(s, x.o.UnitId)]))
            .ToList();
        var officers = new ListSection("officers", M("predisclosure.officers.heading"), M("predisclosure.officers.note", CertificatesPath),
            [M("predisclosure.col.officer"), M("predisclosure.col.certificate"), M("predisclosure.col.domains"), M("predisclosure.col.validity"), M("predisclosure.col.unit")], rows);
        return Content(PreDisclosureLists.Officers, M("predisclosure.officers.intro", s.Agency.Name), officers);
    }

    private static ListContent PowerList(PreDisclosureSource s)
    {
        var rows = Ordered(s.Matters).Select(m => new ListRow("matter:" + m.Code,
            [m.Code, m.Name, Matter.Label(m.Category), UnitName(s, m.ResponsibleUnitId)])).ToList();
        var counts = string.Join(M("predisclosure.powers.separator"), s.Matters.GroupBy(m => m.Category).OrderBy(g => g.Key).Select(g => M("predisclosure.powers.count", Matter.Label(g.Key), g.Count())));
        var powers = new ListSection("powers", M("predisclosure.powers.heading"), counts.Length == 0 ? "" : M("predisclosure.powers.note", s.Matters.Count, counts),
            [M("predisclosure.col.code"), M("predisclosure.col.power"), M("predisclosure.col.power_kind"), M("predisclosure.col.responsible")], rows);
        return Content(PreDisclosureLists.Powers, M("predisclosure.powers.intro", s.Agency.Name), powers);
    }

    private static ListContent BasisList(PreDisclosureSource s)
    {
        var matters = Ordered(s.Matters).ToList();
        var basis = new ListSection("basis", M("predisclosure.basis.heading"), "",
            [M("predisclosure.col.code"), M("predisclosure.col.matter"), M("predisclosure.col.matter_kind"), M("predisclosure.col.legal_basis")],
            [.. matters.Select(m => new ListRow("matter:" + m.Code, [m.Code, m.Name, Matter.Label(m.Category), Bases(m, withText: true)]))]);
        var byId = s.Matters.ToDictionary(m => m.Id);
        var grades = s.Benchmarks.Where(b => byId.ContainsKey(b.MatterId))
            .OrderBy(b => byId[b.MatterId].Code, StringComparer.Ordinal)
            .SelectMany(b => b.Ordered.Select(g => new ListRow($"grade:{byId[b.MatterId].Code}:{g.Order}",
                [byId[b.MatterId].Code, b.Behaviour, g.TierWithLabel, string.Join("\n", g.CircumstanceList), Or(g.Standard, g.Summary())])))
            .ToList();
        var benchmarks = new ListSection("benchmarks", M("predisclosure.benchmarks.heading"), M("predisclosure.benchmarks.note"),
            [M("predisclosure.col.code"), M("predisclosure.col.behaviour"), M("predisclosure.col.tier"), M("predisclosure.col.circumstances"), M("predisclosure.col.standard")], grades);
        return Content(PreDisclosureLists.Basis, M("predisclosure.basis.intro", s.Agency.Name), basis, benchmarks);
    }

    private static ListContent RandomInspectionList(PreDisclosureSource s)
    {
        var rows = Ordered(s.Matters.Where(m => m.RandomInspection)).Select(m => new ListRow("matter:" + m.Code,
            [m.Code, m.Name, UnitName(s, m.ResponsibleUnitId), Bases(m, withText: false), M("predisclosure.random.method")])).ToList();
        var list = new ListSection("random-inspection", M("predisclosure.random.heading"), M("predisclosure.random.note"),
            [M("predisclosure.col.code"), M("predisclosure.col.inspection"), M("predisclosure.col.inspector"), M("predisclosure.col.inspection_basis"), M("predisclosure.col.inspection_method")], rows);
        return Content(PreDisclosureLists.RandomInspection, M("predisclosure.random.intro", s.Agency.Name), list);
    }

    /// <summary>The path's title as the public reads it: 行政处罚（普通程序）, 行政检查.</summary>
    public static string PathTitle(CaseCategory category, CaseProcedure procedure)
        => CaseOpeningRules.Label(category) + (procedure == CaseProcedure.Standard ? "" : M("predisclosure.path.procedure", CaseOpeningRules.Label(procedure)));

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
                 m.Conditions.Count == 0 ? "—" : string.Join(M("predisclosure.separator.conditions"), m.Conditions.Select(ProcedureFlowchart.ShortCondition))])).ToList();
            return new ListSection(PathKey(p.Category, p.Procedure), title, M("predisclosure.procedure.note"),
                [M("predisclosure.col.number"), M("predisclosure.col.step"), M("predisclosure.col.next_step"), M("predisclosure.col.condition")], rows,
                ProcedureFlowchart.Svg(M("predisclosure.procedure.flowchart", title), p.Category, p.Procedure));
        }).ToArray();
        return Content(PreDisclosureLists.Procedure, M("predisclosure.procedure.intro", s.Agency.Name), sections);
    }

    private static ListContent ServiceGuideList(PreDisclosureSource s)
    {
        var flow = string.Join(" → ", CaseStateMachine.Path(CaseCategory.Licensing, CaseProcedure.Standard).Select(CaseSteps.Label));
        var rows = Ordered(s.Matters.Where(m => m.Category == MatterCategory.Licensing)).Select(m => new ListRow("matter:" + m.Code,
        [
            m.Name, M("predisclosure.guide.unit", UnitName(s, m.ResponsibleUnitId), s.Agency.Name), Bases(m, withText: false),
            M("predisclosure.guide.conditions", Bases(m, withText: true)),
            M("predisclosure.guide.period"),
            M("predisclosure.guide.fee"),
            flow,
        ])).ToList();
        var guide = new ListSection("licensing", M("predisclosure.guide.heading"), M("predisclosure.guide.note", Or(s.Agency.Address), Or(s.Agency.Contact)),
            [M("predisclosure.col.matter"), M("predisclosure.col.accepting"), M("predisclosure.col.setting_basis"), M("predisclosure.col.conditions"), M("predisclosure.col.period"), M("predisclosure.col.fee"), M("predisclosure.col.flow")], rows);
        return Content(PreDisclosureLists.ServiceGuide, M("predisclosure.guide.intro", s.Agency.Name), guide);
    }

    private static ListContent SupervisionList(PreDisclosureSource s)
    {
        var a = s.Agency;
        var supervision = new ListSection("supervision", M("predisclosure.supervision.heading"), "",
            [M("predisclosure.col.channel"), M("predisclosure.col.organ_or_way"), M("predisclosure.col.where"), M("predisclosure.col.terms")],
        [
            new ListRow("complaint-online", [M("predisclosure.supervision.online"), a.Name, ComplaintsPath, M("predisclosure.supervision.online_terms")]),
            new ListRow("complaint-office", [M("predisclosure.supervision.office"), M("predisclosure.guide.unit", a.Name, Or(a.Contact)), Or(a.Address), M("predisclosure.supervision.office_terms")]),
            new ListRow("certificate", [M("predisclosure.supervision.certificate"), M("predisclosure.supervision.certificate_way"), CertificatesPath, M("predisclosure.supervision.certificate_terms")]),
            new ListRow("supervisor", [M("predisclosure.supervision.parent"), Or(s.Parent?.Name, M("predisclosure.supervision.government")), Or(s.Parent?.Address), Or(s.Parent?.Contact, M("predisclosure.supervision.parent_terms"))]),
        ]);
        var organ = s.Parent?.Name ?? M("predisclosure.supervision.government");
        var remedies = new ListSection("remedies", M("predisclosure.remedies.heading"), M("predisclosure.remedies.note"),
            [M("predisclosure.col.channel"), M("predisclosure.col.organ"), M("predisclosure.col.time_limit"), M("predisclosure.col.basis")],
        [
            new ListRow("reconsideration", [M("predisclosure.remedies.reconsideration"), organ, M("predisclosure.remedies.reconsideration_limit", ReconsiderationDays), M("predisclosure.remedies.reconsideration_basis")]),
            new ListRow("litigation", [M("predisclosure.remedies.litigation"), M("predisclosure.remedies.court", a.Name), M("predisclosure.remedies.litigation_limit", LitigationMonths), M("predisclosure.remedies.litigation_basis")]),
        ]);
        return Content(PreDisclosureLists.Supervision, M("predisclosure.supervision.intro", a.Name), supervision, remedies);
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

    public static string Label(RowChangeKind k) => Rules.Messages.Get("predisclosure.change." + k);
}
