using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Zhifa.Web.Features.LegalReview;

/// <summary>The reviewers' desk (/legal-review, LR-5): pending reviews with their due dates, the overdue, the returned, and rounds awaiting the leader.</summary>
public sealed class DeskModel(LegalReviewService svc) : PageModel
{
    public DeskDto Desk { get; private set; } = null!;

    public async Task OnGetAsync() => Desk = await svc.DeskAsync();
}
