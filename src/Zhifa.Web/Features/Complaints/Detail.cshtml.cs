using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Zhifa.Domain.Common;
using Zhifa.Domain.Complaints;
using Zhifa.Domain.Rules;
using Zhifa.Web.Infrastructure;
using static Zhifa.Web.Infrastructure.UiText;

namespace Zhifa.Web.Features.Complaints;

/// <summary>/complaints/{complaintId}: one complaint and the forms of the acts the table allows the user from its status.</summary>
public sealed class DetailModel(ComplaintService svc) : PageModel
{
    public ComplaintDetail Detail { get; private set; } = null!;
    /// <summary>The acts the table has from the complaint's status, each with why the user may not make it (conditions are checked on sending).</summary>
    public IReadOnlyDictionary<string, MoveCheck> Acts { get; private set; } = new Dictionary<string, MoveCheck>();
    /// <summary>Why the user may not handle the complaint at all; the forms are shown disabled beside these reasons.</summary>
    public IReadOnlyList<string> ForbiddenReasons { get; private set; } = [];
    public bool CanOpenCase { get; private set; }
    public List<(int Id, string Name)> Units { get; private set; } = [];
    public List<(int Id, string Name)> Officers { get; private set; } = [];
    [BindProperty] public int? UnitId { get; set; }
    [BindProperty] public int? OfficerId { get; set; }
    [BindProperty] public string? Note { get; set; }
    [BindProperty] public string? Reply { get; set; }
    [BindProperty] public string? Reason { get; set; }
    [BindProperty] public int? CaseId { get; set; }
    [TempData] public string? StatusMessage { get; set; }

    public bool Offers(string act) => Acts.ContainsKey(act);

    public bool Disabled(string act) => Acts.TryGetValue(act, out var check) && check.Forbidden.Count > 0;

    private async Task FillAsync(Complaint c)
    {
        Detail = await svc.DetailAsync(c);
        Acts = await svc.ActsAsync(c);
        ForbiddenReasons = Acts.Values.SelectMany(a => a.Forbidden).Select(u => u.Message).Distinct().ToList();
        CanOpenCase = Offers(ComplaintActs.LinkCase) && !Disabled(ComplaintActs.LinkCase) && svc.OpensCases;
        Units = await svc.UnitsAsync(c.AgencyId);
        Officers = await svc.OfficersAsync(c.AgencyId);
    }

    public async Task<IActionResult> OnGetAsync(int complaintId)
    {
        if (await svc.FindVisibleAsync(complaintId) is not { } c) return NotFound();
        await FillAsync(c);
        return Page();
    }

    public Task<IActionResult> OnPostAcceptAsync(int complaintId) => ActAsync(complaintId, c => svc.AcceptAsync(c), "complaints.detail.done.accept");
    public Task<IActionResult> OnPostAssignAsync(int complaintId) => ActAsync(complaintId, c => svc.AssignAsync(c, new AssignInput(UnitId, OfficerId)), "complaints.detail.done.assign");
    public Task<IActionResult> OnPostNoteAsync(int complaintId) => ActAsync(complaintId, c => svc.NoteAsync(c, new NoteInput(Note)), "complaints.detail.done.note");
    public Task<IActionResult> OnPostReplyAsync(int complaintId) => ActAsync(complaintId, c => svc.ReplyAsync(c, new ReplyInput(Reply)), "complaints.detail.done.reply");
    public Task<IActionResult> OnPostRejectAsync(int complaintId) => ActAsync(complaintId, c => svc.RejectAsync(c, new RejectInput(Reason)), "complaints.detail.done.reject");
    public Task<IActionResult> OnPostCaseAsync(int complaintId) => ActAsync(complaintId, c => svc.LinkCaseAsync(c, new LinkCaseInput(CaseId)), "complaints.detail.done.case");

    /// <summary>One act: refused, the page shows the table's reasons (403 may not act, 409 not yet); bad input, 400.</summary>
    private async Task<IActionResult> ActAsync(int complaintId, Func<Complaint, Task<Outcome<Complaint>>> act, string done)
    {
        if (await svc.FindVisibleAsync(complaintId) is not { } c) return NotFound();
        try
        {
            var outcome = await act(c);
            if (outcome.Succeeded)
            {
                StatusMessage = T(done);
                return RedirectToPage("/Complaints/Detail", new { complaintId });
            }
            ModelState.AddRefusal(outcome, "");
            Response.StatusCode = outcome.Forbidden.Count > 0 ? StatusCodes.Status403Forbidden : StatusCodes.Status409Conflict;
        }
        catch (DomainValidationException ex)
        {
            ModelState.AddDomainErrors(ex, "");
            Response.StatusCode = StatusCodes.Status400BadRequest;
        }
        await FillAsync(c);
        return Page();
    }
}
