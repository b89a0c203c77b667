using System.Globalization;
using System.Net;
using System.Text;
using MiniExcelLibs;
using Zhifa.Domain.Publicity;
using static Zhifa.Web.Infrastructure.UiText;

namespace Zhifa.Web.Features.Publicity;

/// <summary>The annual report's tables and charts, shared by the staff page, the portal page, the .docx and the .xlsx.</summary>
public static class AnnualReportExport
{
    private static string S(int n) => n.ToString(CultureInfo.InvariantCulture);

    /// <summary>The report's charts: cases by category, decisions by outcome, publication timeliness, legal review opinions.</summary>
    public static IReadOnlyList<(string Title, IReadOnlyList<(string Label, decimal Value)> Bars)> Charts(AnnualReportFigures f) =>
    [
        (T("publicity.annual.chart.cases"), [.. f.CasesByCategory.Select(r => (r.Label, (decimal)r.Count))]),
        (T("publicity.annual.chart.outcomes"), [.. f.DecisionsByOutcome.Select(r => (r.Label, (decimal)r.Count))]),
        (T("publicity.annual.chart.publication"), [(T("publicity.timeliness.on_time"), f.PublishedOnTime), (T("publicity.timeliness.late"), f.PublishedLate), (T("publicity.timeliness.missing"), f.PublicationsMissing), (T("publicity.annual.chart.pending"), f.PublicationsPending), (T("publicity.timeliness.not_disclosed"), f.NotDisclosed)]),
        (T("publicity.annual.chart.reviews"), [(T("publicity.annual.review.agreed"), f.ReviewsAgreed), (T("publicity.annual.review.not_yet"), f.ReviewsNotYet), (T("publicity.annual.review.disagreed"), f.ReviewsDisagreed)]),
    ];

    /// <summary>The headline figures as label/value rows.</summary>
    public static IReadOnlyList<(string Label, string Value)> Summary(AnnualReportFigures f) =>
    [
        (T("publicity.annual.summary.cases"), S(f.Cases)),
        (T("publicity.annual.summary.fines"), T("publicity.annual.summary.fines_value", f.FineCount, ReportDocx.Yuan(f.FineTotalYuan), ReportDocx.Yuan(f.FineAverageYuan))),
        (T("publicity.annual.summary.reviews"), T("publicity.annual.summary.reviews_value", f.Reviews, f.ReviewsAgreed, f.ReviewsNotYet, f.ReviewsDisagreed, f.ReviewAverageWorkingDays)),
        (T("publicity.annual.summary.discussions"), S(f.Discussions)),
        (T("publicity.annual.summary.hearings"), S(f.Hearings)),
        (T("publicity.annual.summary.corrections"), T("publicity.annual.summary.corrections_value", f.Corrections, ReportDocx.Percent(f.CorrectionRate), f.CorrectionBase)),
        (T("publicity.annual.summary.publication"), T("publicity.annual.summary.publication_value", f.PublicationsOwed, f.PublishedOnTime, f.PublishedLate, f.PublicationsMissing, ReportDocx.Percent(f.TimelinessRate), ReportDocx.Percent(f.CompletenessRate), f.NotDisclosed)),
        (T("publicity.annual.summary.complaints"), T("publicity.annual.summary.complaints_value", f.ComplaintsReceived, f.ComplaintsHandled)),
    ];

    public static byte[] Docx(AnnualReportFigures f)
    {
        var doc = new ReportDocx().Heading(f.Agency, 32).Heading(T("publicity.annual.docx.title", f.Year))
            .Paragraph(T("publicity.annual.docx.period", f.Year));
        doc.Section(T("publicity.annual.docx.section.overall")).Table([T("publicity.annual.col.item"), T("publicity.annual.col.data")], Summary(f).Select(x => (IReadOnlyList<string>)[x.Label, x.Value]));
        var charts = Charts(f);
        doc.Section(T("publicity.annual.docx.section.cases")).Table([T("publicity.annual.col.category"), T("publicity.annual.col.count")], f.CasesByCategory.Select(r => (IReadOnlyList<string>)[r.Label, S(r.Count)]))
            .BarChart(charts[0].Title, charts[0].Bars)
            .Table([T("publicity.annual.col.outcome"), T("publicity.annual.col.count")], f.DecisionsByOutcome.Select(r => (IReadOnlyList<string>)[r.Label, S(r.Count)]))
            .BarChart(charts[1].Title, charts[1].Bars);
        doc.Section(T("publicity.annual.docx.section.fines")).Table([T("publicity.annual.col.matter"), T("publicity.annual.col.count"), T("publicity.annual.col.fine_yuan")],
            f.FinesByMatter.Select(r => (IReadOnlyList<string>)[r.Matter, S(r.Count), ReportDocx.Yuan(r.TotalYuan)]));
        doc.Section(T("publicity.annual.docx.section.reviews")).BarChart(charts[3].Title, charts[3].Bars);
        doc.Section(T("publicity.annual.docx.section.publication")).BarChart(charts[2].Title, charts[2].Bars);
        return doc.Build();
    }

    public static byte[] Xlsx(AnnualReportFigures f)
    {
        var sheets = new Dictionary<string, object>
        {
            [T("publicity.annual.sheet.overall")] = Summary(f).Select(x => new Dictionary<string, object> { [T("publicity.annual.col.item")] = x.Label, [T("publicity.annual.col.data")] = x.Value }).ToList(),
            [T("publicity.annual.sheet.indicators")] = Indicators(f).Select(x => new Dictionary<string, object> { [T("publicity.annual.col.indicator")] = x.Label, [T("publicity.annual.col.value")] = x.Value }).ToList(),
            [T("publicity.annual.sheet.categories")] = f.CasesByCategory.Select(r => new Dictionary<string, object> { [T("publicity.annual.col.category")] = r.Label, [T("publicity.annual.col.count")] = r.Count }).ToList(),
            [T("publicity.annual.sheet.outcomes")] = f.DecisionsByOutcome.Select(r => new Dictionary<string, object> { [T("publicity.annual.col.outcome")] = r.Label, [T("publicity.annual.col.count")] = r.Count }).ToList(),
            [T("publicity.annual.sheet.fines")] = f.FinesByMatter.Select(r => new Dictionary<string, object> { [T("publicity.annual.col.matter")] = r.Matter, [T("publicity.annual.col.count")] = r.Count, [T("publicity.annual.col.fine_yuan")] = r.TotalYuan }).ToList(),
        };
        using var stream = new MemoryStream();
        stream.SaveAs(sheets, excelType: ExcelType.XLSX);
        return stream.ToArray();
    }

    /// <summary>Every figure as a number, for the spreadsheet and machine readers.</summary>
    public static IReadOnlyList<(string Label, decimal Value)> Indicators(AnnualReportFigures f) =>
    [
        (T("publicity.annual.ind.cases"), f.Cases), (T("publicity.annual.ind.fines"), f.FineCount), (T("publicity.annual.ind.fine_total"), f.FineTotalYuan), (T("publicity.annual.ind.fine_average"), f.FineAverageYuan),
        (T("publicity.annual.ind.reviews"), f.Reviews), (T("publicity.annual.ind.reviews_agreed"), f.ReviewsAgreed), (T("publicity.annual.ind.reviews_not_yet"), f.ReviewsNotYet), (T("publicity.annual.ind.reviews_disagreed"), f.ReviewsDisagreed),
        (T("publicity.annual.ind.review_days"), f.ReviewAverageWorkingDays), (T("publicity.annual.ind.discussions"), f.Discussions), (T("publicity.annual.ind.hearings"), f.Hearings),
        (T("publicity.annual.ind.corrections"), f.Corrections), (T("publicity.annual.ind.decisions"), f.CorrectionBase), (T("publicity.annual.ind.correction_rate"), f.CorrectionRate),
        (T("publicity.annual.ind.owed"), f.PublicationsOwed), (T("publicity.timeliness.on_time"), f.PublishedOnTime), (T("publicity.timeliness.late"), f.PublishedLate), (T("publicity.timeliness.missing"), f.PublicationsMissing),
        (T("publicity.annual.ind.pending"), f.PublicationsPending), (T("publicity.timeliness.not_disclosed"), f.NotDisclosed), (T("publicity.annual.ind.timeliness"), f.TimelinessRate), (T("publicity.annual.ind.completeness"), f.CompletenessRate),
        (T("publicity.annual.ind.complaints_received"), f.ComplaintsReceived), (T("publicity.annual.ind.complaints_handled"), f.ComplaintsHandled),
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
