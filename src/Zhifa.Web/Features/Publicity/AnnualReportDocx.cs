using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using A = DocumentFormat.OpenXml.Drawing;
using C = DocumentFormat.OpenXml.Drawing.Charts;
using DW = DocumentFormat.OpenXml.Drawing.Wordprocessing;
using Zhifa.Web.Infrastructure;
using static Zhifa.Web.Infrastructure.UiText;

namespace Zhifa.Web.Features.Publicity;

/// <summary>
/// Builds the statistical reports (annual report, quarterly inspection) as .docx with the OpenXML SDK: headings,
/// paragraphs, tables and native Word bar charts whose data travels inside the chart part, so the figures can be read
/// back and the chart stays editable in Word. Case documents use Documents/DocumentWord's templates instead.
/// </summary>
public sealed class ReportDocx
{
    private readonly Body _body = new();
    private readonly List<(Run Place, string Title, IReadOnlyList<(string Label, decimal Value)> Bars)> _charts = [];

    public ReportDocx Heading(string text, int halfPoints = 36) => Add(Line(text, JustificationValues.Center, true, halfPoints));

    public ReportDocx Section(string text) => Add(Line(text, JustificationValues.Left, true, 30));

    public ReportDocx Paragraph(string text) => Add(Line(text, JustificationValues.Left, false, 24));

    private ReportDocx Add(OpenXmlElement e)
    {
        _body.Append(e);
        return this;
    }

    public ReportDocx Table(IReadOnlyList<string> headers, IEnumerable<IReadOnlyList<string>> rows)
    {
        var border = new TableBorders(
            new TopBorder { Val = BorderValues.Single, Size = 4 }, new BottomBorder { Val = BorderValues.Single, Size = 4 },
            new LeftBorder { Val = BorderValues.Single, Size = 4 }, new RightBorder { Val = BorderValues.Single, Size = 4 },
            new InsideHorizontalBorder { Val = BorderValues.Single, Size = 4 }, new InsideVerticalBorder { Val = BorderValues.Single, Size = 4 });
        var table = new Table(new TableProperties(border, new TableWidth { Type = TableWidthUnitValues.Pct, Width = "5000" }));
        table.Append(Row(headers, bold: true));
        foreach (var r in rows) table.Append(Row(r, bold: false));
        _body.Append(table);
        _body.Append(Line("", JustificationValues.Left, false, 12));
        return this;
    }

    private static TableRow Row(IReadOnlyList<string> cells, bool bold)
        => new(cells.Select(c => new TableCell(Line(c, JustificationValues.Left, bold, 21))));

    /// <summary>A column chart with one series; placed where it is called.</summary>
    public ReportDocx BarChart(string title, IReadOnlyList<(string Label, decimal Value)> bars)
    {
        // The drawing's relationship id is only known once the package exists; an empty run holds its place.
        var place = new Run();
        _charts.Add((place, title, bars));
        _body.Append(new Paragraph(new ParagraphProperties(new Justification { Val = JustificationValues.Center }), place));
        _body.Append(Line(title, JustificationValues.Center, false, 21));
        return this;
    }

    public byte[] Build()
    {
        _body.Append(new SectionProperties(
            new PageSize { Width = 11906U, Height = 16838U },
            new PageMargin { Top = 1440, Bottom = 1440, Left = 1440U, Right = 1440U }));
        using var stream = new MemoryStream();
        using (var doc = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            var main = doc.AddMainDocumentPart();
            main.Document = new Document(_body);
            for (int i = 0; i < _charts.Count; i++)
            {
                var part = main.AddNewPart<ChartPart>();
                part.ChartSpace = Chart(_charts[i].Title, _charts[i].Bars);
                _charts[i].Place.Append(Inline(main.GetIdOfPart(part), (uint)(i + 1)));
            }
        }
        return stream.ToArray();
    }

    private static Drawing Inline(string relId, uint id) => new(
        new DW.Inline(
            new DW.Extent { Cx = 5486400L, Cy = 2743200L },
            new DW.EffectExtent { LeftEdge = 0L, TopEdge = 0L, RightEdge = 0L, BottomEdge = 0L },
            new DW.DocProperties { Id = id, Name = T("publicity.annual.docx.chart_name", id) },
            new DW.NonVisualGraphicFrameDrawingProperties(),
            new A.Graphic(new A.GraphicData(new C.ChartReference { Id = relId }) { Uri = "http://schemas.openxmlformats.org/drawingml/2006/chart" }))
        { DistanceFromTop = 0U, DistanceFromBottom = 0U, DistanceFromLeft = 0U, DistanceFromRight = 0U });

    private static C.ChartSpace Chart(string title, IReadOnlyList<(string Label, decimal Value)> bars)
    {
        var count = (uint)bars.Count;
        var categories = new C.StringLiteral(new C.PointCount { Val = count });
        var values = new C.NumberLiteral(new C.FormatCode("General"), new C.PointCount { Val = count });
        for (int i = 0; i < bars.Count; i++)
        {
            categories.Append(new C.StringPoint(new C.NumericValue(bars[i].Label)) { Index = (uint)i });
            values.Append(new C.NumericPoint(new C.NumericValue(bars[i].Value.ToString(CultureInfo.InvariantCulture))) { Index = (uint)i });
        }
        var series = new C.BarChartSeries(
            new C.Index { Val = 0U }, new C.Order { Val = 0U },
            new C.SeriesText(new C.NumericValue(title)),
            new C.InvertIfNegative { Val = false },
            new C.DataLabels(new C.ShowLegendKey { Val = false }, new C.ShowValue { Val = true }, new C.ShowCategoryName { Val = false },
                new C.ShowSeriesName { Val = false }, new C.ShowPercent { Val = false }, new C.ShowBubbleSize { Val = false }),
            new C.CategoryAxisData(categories),
            new C.Values(values));
        var plot = new C.PlotArea(
            new C.Layout(),
            new C.BarChart(
                new C.BarDirection { Val = C.BarDirectionValues.Column },
                new C.BarGrouping { Val = C.BarGroupingValues.Clustered },
                new C.VaryColors { Val = false },
                series,
                new C.GapWidth { Val = 80 },
                new C.AxisId { Val = 1U }, new C.AxisId { Val = 2U }),
            new C.CategoryAxis(
                new C.AxisId { Val = 1U }, new C.Scaling(new C.Orientation { Val = C.OrientationValues.MinMax }), new C.Delete { Val = false },
                new C.AxisPosition { Val = C.AxisPositionValues.Bottom }, new C.TickLabelPosition { Val = C.TickLabelPositionValues.NextTo },
                new C.CrossingAxis { Val = 2U }, new C.Crosses { Val = C.CrossesValues.AutoZero }, new C.AutoLabeled { Val = true },
                new C.LabelAlignment { Val = C.LabelAlignmentValues.Center }, new C.LabelOffset { Val = 100 }),
            new C.ValueAxis(
                new C.AxisId { Val = 2U }, new C.Scaling(new C.Orientation { Val = C.OrientationValues.MinMax }), new C.Delete { Val = false },
                new C.AxisPosition { Val = C.AxisPositionValues.Left }, new C.MajorGridlines(),
                new C.NumberingFormat { FormatCode = "General", SourceLinked = false },
                new C.TickLabelPosition { Val = C.TickLabelPositionValues.NextTo }, new C.CrossingAxis { Val = 1U },
                new C.Crosses { Val = C.CrossesValues.AutoZero }, new C.CrossBetween { Val = C.CrossBetweenValues.Between }));
        return new C.ChartSpace(
            new C.EditingLanguage { Val = "zh-CN" },
            new C.RoundedCorners { Val = false },
            new C.Chart(new C.AutoTitleDeleted { Val = true }, plot, new C.PlotVisibleOnly { Val = true }));
    }

    private static Paragraph Line(string text, JustificationValues align, bool bold, int halfPoints)
    {
        var props = new RunProperties(new RunFonts { EastAsia = OfficeFonts.EastAsian, Ascii = OfficeFonts.Latin, HighAnsi = OfficeFonts.Latin });
        if (bold) props.Append(new Bold());
        props.Append(new FontSize { Val = halfPoints.ToString(CultureInfo.InvariantCulture) });
        return new Paragraph(
            new ParagraphProperties(new Justification { Val = align }, new SpacingBetweenLines { After = "80" }),
            new Run(props, new Text(text) { Space = SpaceProcessingModeValues.Preserve }));
    }

    /// <summary>Formats a share as a percentage with one decimal (0.8333 → 83.3%).</summary>
    public static string Percent(decimal share) => (share * 100).ToString("0.#", CultureInfo.InvariantCulture) + "%";

    public static string Yuan(decimal yuan) => yuan.ToString("#,0.00", CultureInfo.InvariantCulture);
}
