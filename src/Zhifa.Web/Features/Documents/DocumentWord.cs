using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using Zhifa.Domain.Documents;
using Zhifa.Web.Infrastructure;
using DocumentType = Zhifa.Domain.Documents.DocumentType;

namespace Zhifa.Web.Features.Documents;

/// <summary>Builds, reads and fills .docx templates with the OpenXML SDK.</summary>
public static class DocumentWord
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    /// <summary>The built-in template of a type: agency name, title, number line, body with placeholders, signature lines.</summary>
    public static byte[] BuildDefault(DocumentType type)
    {
        var body = new Body();
        body.Append(Line(BuiltInTemplate.AgencyLine, JustificationValues.Center, bold: true, halfPoints: 32));
        body.Append(Line(type.Name, JustificationValues.Center, bold: true, halfPoints: 44));
        body.Append(Line(type.IsNumbered ? BuiltInTemplate.NumberLine : BuiltInTemplate.CaseNumberLine, JustificationValues.Right, bold: false, halfPoints: 24));
        foreach (var text in type.DefaultBody)
            body.Append(Line(text, JustificationValues.Left, bold: false, halfPoints: 28));
        body.Append(new SectionProperties(
            new PageSize { Width = 11906U, Height = 16838U },
            new PageMargin { Top = 1440, Bottom = 1440, Left = 1800U, Right = 1800U }));

        using var stream = new MemoryStream();
        using (var doc = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            var main = doc.AddMainDocumentPart();
            main.Document = new Document(body);
        }
        return stream.ToArray();
    }

    private static Paragraph Line(string text, JustificationValues align, bool bold, int halfPoints)
    {
        var props = new RunProperties(new RunFonts { EastAsia = OfficeFonts.EastAsian, Ascii = OfficeFonts.Latin, HighAnsi = OfficeFonts.Latin });
        if (bold) props.Append(new Bold());
        props.Append(new FontSize { Val = halfPoints.ToString(System.Globalization.CultureInfo.InvariantCulture) });
        return new Paragraph(
            new ParagraphProperties(new Justification { Val = align }, new SpacingBetweenLines { After = "120" }),
            new Run(props, new Text(text) { Space = SpaceProcessingModeValues.Preserve }));
    }

    /// <summary>
    /// The placeholders of an uploaded template, each paragraph's runs read together so that a name Word split across
    /// runs is still seen. Null when the bytes are not a Word document.
    /// </summary>
    public static IReadOnlyList<string>? ReadPlaceholders(byte[] bytes)
    {
        try
        {
            using var stream = new MemoryStream(bytes, writable: false);
            using var doc = WordprocessingDocument.Open(stream, false);
            if (doc.MainDocumentPart?.Document?.Body is null) return null;
            var names = new List<string>();
            foreach (var p in Paragraphs(doc))
                names.AddRange(DocumentPlaceholders.Extract(TextOf(OwnRuns(p))));
            return names.Distinct(StringComparer.Ordinal).ToList();
        }
        catch (Exception ex) when (ex is OpenXmlPackageException or FormatException or InvalidDataException or IOException or System.Xml.XmlException or InvalidOperationException or ArgumentException)
        {
            return null;
        }
    }

    /// <summary>
    /// Fills a template: in each paragraph that holds a placeholder the runs' text is merged into the first text run
    /// (keeping its formatting), the placeholders are replaced, and line breaks in a value become Word line breaks.
    /// </summary>
    public static byte[] Fill(byte[] template, IReadOnlyDictionary<string, string> values)
    {
        using var stream = new MemoryStream();
        stream.Write(template);
        stream.Position = 0;
        using (var doc = WordprocessingDocument.Open(stream, true))
        {
            foreach (var p in Paragraphs(doc).ToList())
                FillParagraph(p, values);
        }
        return stream.ToArray();
    }

    private static IEnumerable<Paragraph> Paragraphs(WordprocessingDocument doc)
    {
        var main = doc.MainDocumentPart;
        if (main is null) yield break;
        if (main.Document?.Body is { } body)
            foreach (var p in body.Descendants<Paragraph>()) yield return p;
        foreach (var h in main.HeaderParts)
            if (h.Header is { } header) foreach (var p in header.Descendants<Paragraph>()) yield return p;
        foreach (var f in main.FooterParts)
            if (f.Footer is { } footer) foreach (var p in footer.Descendants<Paragraph>()) yield return p;
    }

    /// <summary>The runs of this paragraph, not those of paragraphs nested in it (text boxes have their own).</summary>
    private static List<Run> OwnRuns(Paragraph p) => p.Descendants<Run>().Where(r => r.Ancestors<Paragraph>().FirstOrDefault() == p).ToList();

    private static string TextOf(IEnumerable<Run> runs) => string.Concat(runs.SelectMany(r => r.Elements<Text>()).Select(t => t.Text));

    private static void FillParagraph(Paragraph p, IReadOnlyDictionary<string, string> values)
    {
        var runs = OwnRuns(p);
        var text = TextOf(runs);
        if (!text.Contains("{{", StringComparison.Ordinal)) return;
        var filled = DocumentPlaceholders.Fill(text, values);
        var textRuns = runs.Where(r => r.Elements<Text>().Any()).ToList();
        var first = textRuns[0];
        foreach (var run in textRuns)
        {
            foreach (var t in run.Elements<Text>().ToList()) t.Remove();
            // A run left with nothing but its formatting would be an empty shell.
            if (run != first && !run.ChildElements.Any(c => c is not RunProperties)) run.Remove();
        }
        var lines = filled.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        for (int i = 0; i < lines.Length; i++)
        {
            if (i > 0) first.Append(new Break());
            first.Append(new Text(lines[i]) { Space = SpaceProcessingModeValues.Preserve });
        }
    }

    /// <summary>The whole text of a document, paragraph by paragraph; used to show and to check what was generated.</summary>
    public static string ReadText(byte[] bytes)
    {
        using var stream = new MemoryStream(bytes, writable: false);
        using var doc = WordprocessingDocument.Open(stream, false);
        return string.Join("\n", Paragraphs(doc).Select(p => TextOf(OwnRuns(p))));
    }
}
