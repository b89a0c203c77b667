using System.Text;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Zhifa.Domain.Common;
using Zhifa.Domain.Redaction;
using Zhifa.Web.Infrastructure;
using static Zhifa.Web.Infrastructure.UiText;

namespace Zhifa.Web.Features.Publicity;

/// <summary>
/// The publicity officer's redaction check: paste a decision's full text, see every proposed redaction highlighted
/// with its kind, and the text as it would be published.
/// </summary>
[DeploymentWide]
public sealed class RedactionModel(HtmlEncoder html) : PageModel
{
    [BindProperty] public string? Text { get; set; }
    [BindProperty] public string? KnownNames { get; set; }
    [BindProperty] public string? LegalRepresentatives { get; set; }

    public RedactionEndpoints.PreviewDto? Result { get; private set; }

    /// <summary>The original text with each span marked and labelled with its kind (built here: whitespace matters).</summary>
    public HtmlString Highlighted { get; private set; } = HtmlString.Empty;

    public void OnGet()
    {
    }

    public IActionResult OnPost()
    {
        try
        {
            Result = RedactionEndpoints.Preview(Text, RedactionInput.SplitNames(KnownNames), RedactionInput.SplitNames(LegalRepresentatives));
        }
        catch (DomainValidationException ex)
        {
            foreach (var e in ex.Errors)
                ModelState.AddModelError(e.Field.StartsWith("knownNames", StringComparison.Ordinal) ? nameof(KnownNames)
                    : e.Field.StartsWith("legalRepresentatives", StringComparison.Ordinal) ? nameof(LegalRepresentatives) : nameof(Text), e.Message);
            return Page();
        }
        Highlighted = Highlight(Text!, Result.Spans);
        return Page();
    }

    private HtmlString Highlight(string text, IReadOnlyList<RedactionEndpoints.SpanDto> spans)
    {
        var sb = new StringBuilder(text.Length * 2);
        int at = 0;
        foreach (var s in spans)
        {
            sb.Append(html.Encode(text[at..s.Start]));
            sb.Append("<mark class=\"redaction redaction-").Append(s.Kind).Append("\" data-kind=\"").Append(s.Kind)
              .Append("\" title=\"").Append(html.Encode(T("publicity.redaction.span_title", s.KindLabel, s.Mask))).Append("\">")
              .Append(html.Encode(s.Text))
              .Append("<span class=\"redaction-kind\">").Append(html.Encode(s.KindLabel)).Append("</span></mark>");
            at = s.Start + s.Length;
        }
        sb.Append(html.Encode(text[at..]));
        return new HtmlString(sb.ToString());
    }
}
