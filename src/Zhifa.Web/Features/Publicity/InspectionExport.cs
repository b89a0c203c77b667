using System.Globalization;
using MiniExcelLibs;

namespace Zhifa.Web.Features.Publicity;

/// <summary>The quarterly inspection as a Word report (per agency: figures, findings, lists) and a spreadsheet ledger (台账).</summary>
public static class InspectionExport
{
    public static string Period(InspectionReport r) => $"{r.Year} 年第 {r.Quarter} 季度";

    public static string FileName(InspectionReport r, string extension) => $"行政执法公示网上巡查-{r.Year}Q{r.Quarter}.{extension}";

    private static string D(DateOnly? d) => d?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "";

    public static byte[] Docx(InspectionReport r)
    {
        var doc = new ReportDocx().Heading("行政执法公示网上巡查报告").Paragraph(
            $"巡查期间：{Period(r)}（{D(r.From)} 至 {D(r.To)}），统计截至 {D(r.Today)}。期限按法定工作日历计算：行政许可、行政处罚决定 7 个工作日，其他决定 20 个工作日，撤回 3 个工作日；逾期天数为自然日。");
        foreach (var a in r.Agencies)
        {
            doc.Section(a.Agency)
               .Paragraph($"本季度到期应公开 {a.Due} 件：按时公开 {a.OnTime} 件，逾期公开 {a.Late} 件，逾期未公开 {a.Missing} 件，尚在期限内 {a.Pending} 件，依法不予公开 {a.NotDisclosed} 件；公开率 {ReportDocx.Percent(a.Rate)}。"
                   + $"需更新未更新 {a.StaleItems.Count} 项，逾期撤回 {a.LateWithdrawals.Count} 项，选择性公开疑点 {a.Flagged} 处。");
            if (a.Due > 0)
                doc.BarChart($"{a.Agency} 公开及时性（件）", [("按时公开", a.OnTime), ("逾期公开", a.Late), ("逾期未公开", a.Missing), ("不予公开", a.NotDisclosed)]);
            doc.Paragraph("按科室和类别的公开率（低于 80% 且比本机关低 20 个百分点以上的标为“选择性公开”）：")
               .Table(["科室", "类别", "到期应公开", "已公开", "公开率", "结论"],
                   a.Rates.Select(x => (IReadOnlyList<string>)[x.Unit, x.Category, Str(x.Due), Str(x.Published), ReportDocx.Percent(x.Rate), x.Flagged ? "选择性公开" : "正常"]));
            Items(doc, "逾期公开", a.LateItems);
            Items(doc, "逾期未公开", a.MissingItems);
            Items(doc, "不予公开（含理由）", a.NotDisclosedItems);
            Items(doc, "需更新未更新", a.StaleItems);
            Items(doc, "逾期撤回", a.LateWithdrawals);
        }
        return doc.Build();
    }

    private static void Items(ReportDocx doc, string title, IReadOnlyList<InspectionItem> items)
    {
        if (items.Count == 0) return;
        doc.Paragraph($"{title}（{items.Count} 项）：")
           .Table(["科室", "类别", "名称", "文号", "期限", "完成日期", "说明"],
               items.Select(i => (IReadOnlyList<string>)[i.Unit, i.Category, i.Title, i.DocumentNumber, D(i.DueOn), D(i.DoneOn), i.Note]));
    }

    private static string Str(int n) => n.ToString(CultureInfo.InvariantCulture);

    /// <summary>Three sheets: the per-agency summary, the per-unit rates, and every named item.</summary>
    public static byte[] Xlsx(InspectionReport r)
    {
        var summary = r.Agencies.Select(a => new Dictionary<string, object>
        {
            ["执法主体"] = a.Agency, ["到期应公开"] = a.Due, ["按时公开"] = a.OnTime, ["逾期公开"] = a.Late, ["逾期未公开"] = a.Missing,
            ["期限内未公开"] = a.Pending, ["不予公开"] = a.NotDisclosed, ["公开率"] = a.Rate, ["需更新"] = a.StaleItems.Count,
            ["逾期撤回"] = a.LateWithdrawals.Count, ["选择性公开疑点"] = a.Flagged,
        }).ToList();
        var rates = r.Agencies.SelectMany(a => a.Rates.Select(x => new Dictionary<string, object>
        {
            ["执法主体"] = a.Agency, ["科室"] = x.Unit, ["类别"] = x.Category, ["到期应公开"] = x.Due, ["已公开"] = x.Published,
            ["公开率"] = x.Rate, ["结论"] = x.Flagged ? "选择性公开" : "正常",
        })).ToList();
        var items = r.Agencies.SelectMany(a =>
            new[] { ("逾期公开", a.LateItems), ("逾期未公开", a.MissingItems), ("不予公开", a.NotDisclosedItems), ("需更新", a.StaleItems), ("逾期撤回", a.LateWithdrawals) }
            .SelectMany(g => g.Item2.Select(i => new Dictionary<string, object>
            {
                ["执法主体"] = a.Agency, ["问题"] = g.Item1, ["科室"] = i.Unit, ["类别"] = i.Category, ["名称"] = i.Title, ["文号"] = i.DocumentNumber,
                ["期限"] = D(i.DueOn), ["完成日期"] = D(i.DoneOn), ["天数"] = i.DaysLate, ["说明"] = i.Note,
            }))).ToList();
        var sheets = new Dictionary<string, object> { ["汇总"] = summary, ["科室公开率"] = rates, ["问题清单"] = items };
        using var stream = new MemoryStream();
        stream.SaveAs(sheets, excelType: ExcelType.XLSX);
        return stream.ToArray();
    }
}
