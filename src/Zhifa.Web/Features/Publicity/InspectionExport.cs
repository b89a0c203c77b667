using System.Globalization;
using MiniExcelLibs;
using static Zhifa.Web.Infrastructure.UiText;

namespace Zhifa.Web.Features.Publicity;

/// <summary>The quarterly inspection as a Word report (per agency: figures, findings, lists) and a spreadsheet ledger (台账).</summary>
public static class InspectionExport
{
    public static string Period(InspectionReport r) => T("publicity.inspection.period", r.Year, r.Quarter);

    public static string FileName(InspectionReport r, string extension) => T("publicity.inspection.file_name", r.Year, r.Quarter, extension);

    private static string D(DateOnly? d) => d?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "";

    public static byte[] Docx(InspectionReport r)
    {
        var doc = new ReportDocx().Heading(T("publicity.inspection.docx.title")).Paragraph(
            T("publicity.inspection.docx.intro", Period(r), D(r.From), D(r.To), D(r.Today)));
        foreach (var a in r.Agencies)
        {
            doc.Section(a.Agency)
               .Paragraph(T("publicity.inspection.docx.agency_summary", a.Due, a.OnTime, a.Late, a.Missing, a.Pending, a.NotDisclosed, ReportDocx.Percent(a.Rate),
                   a.StaleItems.Count, a.LateWithdrawals.Count, a.Flagged));
            if (a.Due > 0)
                doc.BarChart(T("publicity.inspection.docx.chart", a.Agency), [(T("publicity.timeliness.on_time"), a.OnTime), (T("publicity.timeliness.late"), a.Late), (T("publicity.timeliness.missing"), a.Missing), (T("publicity.timeliness.not_disclosed"), a.NotDisclosed)]);
            doc.Paragraph(T("publicity.inspection.docx.rates_intro"))
               .Table([T("publicity.inspection.col.unit"), T("publicity.inspection.col.category"), T("publicity.inspection.col.due"), T("publicity.inspection.col.published"), T("publicity.inspection.col.rate"), T("publicity.inspection.col.finding")],
                   a.Rates.Select(x => (IReadOnlyList<string>)[x.Unit, x.Category, Str(x.Due), Str(x.Published), ReportDocx.Percent(x.Rate), x.Flagged ? T("publicity.inspection.finding.selective") : T("publicity.inspection.finding.normal")]));
            Items(doc, T("publicity.timeliness.late"), a.LateItems);
            Items(doc, T("publicity.timeliness.missing"), a.MissingItems);
            Items(doc, T("publicity.inspection.title.not_disclosed"), a.NotDisclosedItems);
            Items(doc, T("publicity.inspection.title.stale"), a.StaleItems);
            Items(doc, T("publicity.inspection.col.late_withdrawal"), a.LateWithdrawals);
        }
        return doc.Build();
    }

    private static void Items(ReportDocx doc, string title, IReadOnlyList<InspectionItem> items)
    {
        if (items.Count == 0) return;
        doc.Paragraph(T("publicity.inspection.docx.items", title, items.Count))
           .Table([T("publicity.inspection.col.unit"), T("publicity.inspection.col.category"), T("publicity.inspection.col.title"), T("publicity.inspection.col.number"), T("publicity.inspection.col.due_on"), T("publicity.inspection.col.done_on"), T("publicity.inspection.col.note")],
               items.Select(i => (IReadOnlyList<string>)[i.Unit, i.Category, i.Title, i.DocumentNumber, D(i.DueOn), D(i.DoneOn), i.Note]));
    }

    private static string Str(int n) => n.ToString(CultureInfo.InvariantCulture);

    /// <summary>Three sheets: the per-agency summary, the per-unit rates, and every named item.</summary>
    public static byte[] Xlsx(InspectionReport r)
    {
        var summary = r.Agencies.Select(a => new Dictionary<string, object>
        {
            [T("publicity.inspection.col.agency")] = a.Agency, [T("publicity.inspection.col.due")] = a.Due, [T("publicity.timeliness.on_time")] = a.OnTime, [T("publicity.timeliness.late")] = a.Late, [T("publicity.timeliness.missing")] = a.Missing,
            [T("publicity.inspection.col.pending")] = a.Pending, [T("publicity.timeliness.not_disclosed")] = a.NotDisclosed, [T("publicity.inspection.col.rate")] = a.Rate, [T("publicity.inspection.col.stale")] = a.StaleItems.Count,
            [T("publicity.inspection.col.late_withdrawal")] = a.LateWithdrawals.Count, [T("publicity.inspection.col.flagged")] = a.Flagged,
        }).ToList();
        var rates = r.Agencies.SelectMany(a => a.Rates.Select(x => new Dictionary<string, object>
        {
            [T("publicity.inspection.col.agency")] = a.Agency, [T("publicity.inspection.col.unit")] = x.Unit, [T("publicity.inspection.col.category")] = x.Category, [T("publicity.inspection.col.due")] = x.Due, [T("publicity.inspection.col.published")] = x.Published,
            [T("publicity.inspection.col.rate")] = x.Rate, [T("publicity.inspection.col.finding")] = x.Flagged ? T("publicity.inspection.finding.selective") : T("publicity.inspection.finding.normal"),
        })).ToList();
        var items = r.Agencies.SelectMany(a =>
            new[] { (T("publicity.timeliness.late"), a.LateItems), (T("publicity.timeliness.missing"), a.MissingItems), (T("publicity.timeliness.not_disclosed"), a.NotDisclosedItems), (T("publicity.inspection.col.stale"), a.StaleItems), (T("publicity.inspection.col.late_withdrawal"), a.LateWithdrawals) }
            .SelectMany(g => g.Item2.Select(i => new Dictionary<string, object>
            {
                [T("publicity.inspection.col.agency")] = a.Agency, [T("publicity.inspection.col.problem")] = g.Item1, [T("publicity.inspection.col.unit")] = i.Unit, [T("publicity.inspection.col.category")] = i.Category, [T("publicity.inspection.col.title")] = i.Title, [T("publicity.inspection.col.number")] = i.DocumentNumber,
                [T("publicity.inspection.col.due_on")] = D(i.DueOn), [T("publicity.inspection.col.done_on")] = D(i.DoneOn), [T("publicity.inspection.col.days")] = i.DaysLate, [T("publicity.inspection.col.note")] = i.Note,
            }))).ToList();
        var sheets = new Dictionary<string, object> { [T("publicity.inspection.sheet.summary")] = summary, [T("publicity.inspection.sheet.rates")] = rates, [T("publicity.inspection.sheet.items")] = items };
        using var stream = new MemoryStream();
        stream.SaveAs(sheets, excelType: ExcelType.XLSX);
        return stream.ToArray();
    }
}
