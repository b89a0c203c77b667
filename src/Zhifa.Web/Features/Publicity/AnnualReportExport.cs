using System.Globalization;
using System.Net;
using System.Text;
using MiniExcelLibs;
using Zhifa.Domain.Publicity;

namespace Zhifa.Web.Features.Publicity;

/// <summary>The annual report's tables and charts, shared by the staff page, the portal page, the .docx and the .xlsx.</summary>
public static class AnnualReportExport
{
    private static string S(int n) => n.ToString(CultureInfo.InvariantCulture);

    /// <summary>The report's charts: cases by category, decisions by outcome, publication timeliness, legal review opinions.</summary>
    public static IReadOnlyList<(string Title, IReadOnlyList<(string Label, decimal Value)> Bars)> Charts(AnnualReportFigures f) =>
    [
        ("案件数量（按类别）", [.. f.CasesByCategory.Select(r => (r.Label, (decimal)r.Count))]),
        ("决定结果（件）", [.. f.DecisionsByOutcome.Select(r => (r.Label, (decimal)r.Count))]),
        ("执法决定公开情况（件）", [("按时公开", f.PublishedOnTime), ("逾期公开", f.PublishedLate), ("逾期未公开", f.PublicationsMissing), ("期限内", f.PublicationsPending), ("不予公开", f.NotDisclosed)]),
        ("法制审核意见（件）", [("同意", f.ReviewsAgreed), ("暂不同意", f.ReviewsNotYet), ("不同意", f.ReviewsDisagreed)]),
    ];

    /// <summary>The headline figures as label/value rows.</summary>
    public static IReadOnlyList<(string Label, string Value)> Summary(AnnualReportFigures f) =>
    [
        ("立案（受理）案件", S(f.Cases)),
        ("罚款决定", $"{S(f.FineCount)} 件，合计 {ReportDocx.Yuan(f.FineTotalYuan)} 元，平均 {ReportDocx.Yuan(f.FineAverageYuan)} 元"),
        ("法制审核", $"{S(f.Reviews)} 件（同意 {S(f.ReviewsAgreed)}、暂不同意 {S(f.ReviewsNotYet)}、不同意 {S(f.ReviewsDisagreed)}），平均用时 {f.ReviewAverageWorkingDays.ToString("0.0", CultureInfo.InvariantCulture)} 个工作日"),
        ("集体讨论", S(f.Discussions)),
        ("听证", S(f.Hearings)),
        ("经复议、诉讼等被纠错", $"{S(f.Corrections)} 件，被纠错率 {ReportDocx.Percent(f.CorrectionRate)}（共 {S(f.CorrectionBase)} 件执法决定）"),
        ("执法决定公开", $"到期应公开 {S(f.PublicationsOwed)} 件：按时 {S(f.PublishedOnTime)}、逾期 {S(f.PublishedLate)}、未公开 {S(f.PublicationsMissing)}；及时率 {ReportDocx.Percent(f.TimelinessRate)}，完整率 {ReportDocx.Percent(f.CompletenessRate)}；依法不予公开 {S(f.NotDisclosed)} 件"),
        ("投诉举报", $"收到 {S(f.ComplaintsReceived)} 件，办结 {S(f.ComplaintsHandled)} 件"),
    ];

    public static byte[] Docx(AnnualReportFigures f)
    {
        var doc = new ReportDocx().Heading(f.Agency, 32).Heading($"{f.Year} 年度行政执法统计年报")
            .Paragraph($"统计期间：{f.Year} 年 1 月 1 日至 12 月 31 日。本报告由执法信息平台依据办案数据生成，不含当事人个人信息。");
        doc.Section("一、总体情况").Table(["项目", "数据"], Summary(f).Select(x => (IReadOnlyList<string>)[x.Label, x.Value]));
        var charts = Charts(f);
        doc.Section("二、案件数量").Table(["类别", "件数"], f.CasesByCategory.Select(r => (IReadOnlyList<string>)[r.Label, S(r.Count)]))
            .BarChart(charts[0].Title, charts[0].Bars)
            .Table(["决定结果", "件数"], f.DecisionsByOutcome.Select(r => (IReadOnlyList<string>)[r.Label, S(r.Count)]))
            .BarChart(charts[1].Title, charts[1].Bars);
        doc.Section("三、罚款（按执法事项，前十）").Table(["执法事项", "件数", "罚款金额（元）"],
            f.FinesByMatter.Select(r => (IReadOnlyList<string>)[r.Matter, S(r.Count), ReportDocx.Yuan(r.TotalYuan)]));
        doc.Section("四、法制审核").BarChart(charts[3].Title, charts[3].Bars);
        doc.Section("五、执法决定公开").BarChart(charts[2].Title, charts[2].Bars);
        return doc.Build();
    }

    public static byte[] Xlsx(AnnualReportFigures f)
    {
        var sheets = new Dictionary<string, object>
        {
            ["总体情况"] = Summary(f).Select(x => new Dictionary<string, object> { ["项目"] = x.Label, ["数据"] = x.Value }).ToList(),
            ["主要指标"] = Indicators(f).Select(x => new Dictionary<string, object> { ["指标"] = x.Label, ["数值"] = x.Value }).ToList(),
            ["案件类别"] = f.CasesByCategory.Select(r => new Dictionary<string, object> { ["类别"] = r.Label, ["件数"] = r.Count }).ToList(),
            ["决定结果"] = f.DecisionsByOutcome.Select(r => new Dictionary<string, object> { ["决定结果"] = r.Label, ["件数"] = r.Count }).ToList(),
            ["罚款事项前十"] = f.FinesByMatter.Select(r => new Dictionary<string, object> { ["执法事项"] = r.Matter, ["件数"] = r.Count, ["罚款金额（元）"] = r.TotalYuan }).ToList(),
        };
        using var stream = new MemoryStream();
        stream.SaveAs(sheets, excelType: ExcelType.XLSX);
        return stream.ToArray();
    }

    /// <summary>Every figure as a number, for the spreadsheet and machine readers.</summary>
    public static IReadOnlyList<(string Label, decimal Value)> Indicators(AnnualReportFigures f) =>
    [
        ("立案（受理）案件数", f.Cases), ("罚款决定数", f.FineCount), ("罚款总额（元）", f.FineTotalYuan), ("平均罚款（元）", f.FineAverageYuan),
        ("法制审核数", f.Reviews), ("审核同意", f.ReviewsAgreed), ("审核暂不同意", f.ReviewsNotYet), ("审核不同意", f.ReviewsDisagreed),
        ("审核平均工作日", f.ReviewAverageWorkingDays), ("集体讨论数", f.Discussions), ("听证数", f.Hearings),
        ("被纠错数", f.Corrections), ("执法决定数", f.CorrectionBase), ("被纠错率", f.CorrectionRate),
        ("到期应公开", f.PublicationsOwed), ("按时公开", f.PublishedOnTime), ("逾期公开", f.PublishedLate), ("逾期未公开", f.PublicationsMissing),
        ("期限内未公开", f.PublicationsPending), ("不予公开", f.NotDisclosed), ("公开及时率", f.TimelinessRate), ("公开完整率", f.CompletenessRate),
        ("投诉举报收到", f.ComplaintsReceived), ("投诉举报办结", f.ComplaintsHandled),
    ];

    /// <summary>A column chart drawn on the server as SVG: the page needs no script, and a screen reader gets the title and values.</summary>
    public static string Svg(string title, IReadOnlyList<(string Label, decimal Value)> bars)
    {
        const int width = 560, height = 260, left = 40, bottom = 50, top = 30;
        decimal max = Math.Max(1m, bars.Count == 0 ? 1m : bars.Max(b => b.Value));
        int slot = bars.Count == 0 ? 0 : (width - left - 10) / bars.Count;
        var sb = new StringBuilder();
        sb.Append(CultureInfo.InvariantCulture, $"<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {width} {height}\" width=\"100%\" role=\"img\" class=\"report-chart\" aria-label=\"{E(title)}\">");
        sb.Append(CultureInfo.InvariantCulture, $"<title>{E(title)}</title>");
        sb.Append(CultureInfo.InvariantCulture, $"<text x=\"{width / 2}\" y=\"18\" text-anchor=\"middle\" font-size=\"14\">{E(title)}</text>");
        sb.Append(CultureInfo.InvariantCulture, $"<line x1=\"{left}\" y1=\"{height - bottom}\" x2=\"{width - 10}\" y2=\"{height - bottom}\" stroke=\"#666\"/>");
        for (int i = 0; i < bars.Count; i++)
        {
            var (label, value) = bars[i];
            int h = (int)Math.Round((height - bottom - top) * (value / max));
            int x = left + i * slot + slot / 6, w = slot * 2 / 3, y = height - bottom - h;
            var shown = value.ToString(value == Math.Round(value) ? "0" : "0.##", CultureInfo.InvariantCulture);
            sb.Append(CultureInfo.InvariantCulture, $"<rect x=\"{x}\" y=\"{y}\" width=\"{w}\" height=\"{h}\" fill=\"#0d6efd\" data-label=\"{E(label)}\" data-value=\"{shown}\"><title>{E(label)}：{shown}</title></rect>");
            sb.Append(CultureInfo.InvariantCulture, $"<text x=\"{x + w / 2}\" y=\"{y - 4}\" text-anchor=\"middle\" font-size=\"12\">{shown}</text>");
            sb.Append(CultureInfo.InvariantCulture, $"<text x=\"{x + w / 2}\" y=\"{height - bottom + 18}\" text-anchor=\"middle\" font-size=\"12\">{E(label)}</text>");
        }
        sb.Append("</svg>");
        return sb.ToString();
    }

    private static string E(string s) => WebUtility.HtmlEncode(s);
}
