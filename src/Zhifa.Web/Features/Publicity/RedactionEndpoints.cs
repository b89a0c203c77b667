using Microsoft.AspNetCore.Http.HttpResults;
using Zhifa.Domain.Redaction;
using Zhifa.Web.Infrastructure;
using static Zhifa.Web.Infrastructure.UiText;

namespace Zhifa.Web.Features.Publicity;

/// <summary>
/// The redaction preview (PUB-5): any signed-in staff member pastes a text and sees what would be hidden before
/// publication. It reads no agency's records, hence deployment-wide; nothing is stored or logged.
/// </summary>
public static class RedactionEndpoints
{
    public sealed record PreviewInput(string? Text, List<string?>? KnownNames, List<string?>? LegalRepresentatives);
    public sealed record SpanDto(int Start, int Length, RedactionKind Kind, string KindLabel, string Text, string Mask);
    public sealed record PreviewDto(string RedactedText, IReadOnlyList<SpanDto> Spans);

    public static void MapRedactionEndpoints(this IEndpointRouteBuilder group)
    {
        var g = group.MapGroup("/redaction").WithTags(T("publicity.api.tag.redaction")).WithMetadata(new DeploymentWideAttribute());

        g.MapPost("/preview", PreviewRedaction).WithName("PreviewRedaction").WithSummary(T("publicity.api.redaction_preview"))
            .ProducesProblem(StatusCodes.Status400BadRequest);
    }

    public static Ok<PreviewDto> PreviewRedaction(PreviewInput input) => TypedResults.Ok(Preview(input.Text, input.KnownNames, input.LegalRepresentatives));

    /// <summary>Checks the input (throws a validation problem naming the field) and redacts.</summary>
    public static PreviewDto Preview(string? text, IReadOnlyList<string?>? knownNames, IReadOnlyList<string?>? legalRepresentatives)
    {
        var options = RedactionInput.Check(text, knownNames, legalRepresentatives);
        var result = Redactor.Redact(text!, options);
        return new PreviewDto(result.RedactedText,
            result.Spans.Select(s => new SpanDto(s.Start, s.Length, s.Kind, RedactionKinds.Label(s.Kind), s.Text, s.Mask)).ToList());
    }
}
