using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Zhifa.Domain.Common;
using Zhifa.Web.Infrastructure;
using static Zhifa.Web.Infrastructure.UiText;

namespace Zhifa.Web.Features.Publicity;

/// <summary>PUB-9 / SUP-1 (/publicity/deadlines): what each unit owes the portal, overdue first.</summary>
public sealed class DeadlinesModel(DeadlinesService deadlines, InspectionNoteService notes, CurrentUser me) : PageModel
{
    [BindProperty(SupportsGet = true)] public int? AgencyId { get; set; }
    [BindProperty(SupportsGet = true)] public int? UnitId { get; set; }
    public DeadlinesView View { get; private set; } = new(default, [], []);
    [TempData] public string? StatusMessage { get; set; }

    public bool MayReply(DeadlineRow r) => r.InspectionNoteId is not null && me.AgencyId == r.AgencyId;

    /// <summary>The unit answers an inspection finding with what it corrected.</summary>
    public async Task<IActionResult> OnPostReplyAsync(int noteId, string? reply)
    {
        if (await notes.FindVisibleAsync(noteId) is not { } n) return NotFound();
        if (notes.WhyNotReply(n) is not null) return Forbid();
        try
        {
            await notes.ReplyAsync(n, new InspectionNoteReply(reply));
            StatusMessage = T("publicity.deadlines.replied");
            return RedirectToPage("/Publicity/Deadlines", new { agencyId = AgencyId, unitId = UnitId });
        }
        catch (DomainValidationException ex)
        {
            ModelState.AddDomainErrors(ex, "");
            Response.StatusCode = StatusCodes.Status400BadRequest;
        }
        return await OnGetAsync();
    }

    public async Task<IActionResult> OnGetAsync()
    {
        if (await deadlines.ListAsync(AgencyId, UnitId) is not { } view) return NotFound();
        View = view;
        return Page();
    }
}
