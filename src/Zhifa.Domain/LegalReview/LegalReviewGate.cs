namespace Zhifa.Domain.LegalReview;

/// <summary>
/// LR-1: whether a case's decision may be signed, discussed collectively, issued or printed. A case that needs legal
/// review is open only when the latest review round agreed (同意) to the proposal as it stands now.
/// </summary>
public sealed record LegalReviewGate(bool Required, IReadOnlyList<string> Reasons, bool Passed, string Message)
{
    public bool IsOpen => !Required || Passed;

    public static LegalReviewGate NotRequired { get; } = new(false, [], false, "");
}
