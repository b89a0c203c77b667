using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Zhifa.Domain.Common;
using Zhifa.Domain.Complaints;
using Zhifa.Web.Infrastructure;

namespace Zhifa.Web.Features.Complaints;

/// <summary>/complaints/{complaintId}: one complaint and the forms to accept, assign, note, reply, refuse or open a case.</summary>
public sealed class DetailModel(ComplaintService svc) : PageModel
{
    public ComplaintDetail Detail { get; private set; } = null!;
    public bool CanHandle { get; private set; }
    public bool Closed { get; private set; }
    public bool CanOpenCase { get; private set; }
    public List<(int Id, string Name)> Units { get; private set; } = [];
    public List<(int Id, string Name)> Officers { get; private set; } = [];
    [BindProperty] public int? UnitId { get; set; }
    [BindProperty] public int? OfficerId { get; set; }
    [BindProperty] public string? Note { get; set; }
    [BindProperty] public string? Reply { get; set; }
    [BindProperty] public string? Reason { get; set; }
    [BindProperty] public int? CaseId { get; set; }

    private Complaint _complaint = null!;

    private async Task<bool> LoadAsync(int complaintId)
    {
        var c = await svc.FindVisibleAsync(complaintId);
        if (c is null) return false;
        _complaint = c;
        await FillAsync();
        return true;
    }

    private async Task FillAsync()
    {
        Detail = await svc.DetailAsync(_complaint);
        CanHandle = svc.MayHandle(_complaint);
        Closed = Complaint.IsClosed(_complaint.Status);
        CanOpenCase = CanHandle && svc.MayOpenCases;
        Units = await svc.UnitsAsync(_complaint.AgencyId);
        Officers = await svc.OfficersAsync(_complaint.AgencyId);
    }

    public async Task<IActionResult> OnGetAsync(int complaintId) => await LoadAsync(complaintId) ? Page() : NotFound();

    public Task<IActionResult> OnPostAcceptAsync(int complaintId) => ActAsync(complaintId, c => svc.AcceptAsync(c), "已受理");
    public Task<IActionResult> OnPostAssignAsync(int complaintId) => ActAsync(complaintId, c => svc.AssignAsync(c, new AssignInput(UnitId, OfficerId)), "已分派");
    public Task<IActionResult> OnPostNoteAsync(int complaintId) => ActAsync(complaintId, c => svc.NoteAsync(c, new NoteInput(Note)), "已记录办理情况");
    public Task<IActionResult> OnPostReplyAsync(int complaintId) => ActAsync(complaintId, c => svc.ReplyAsync(c, new ReplyInput(Reply)), "已答复，答复内容已在公开查询页显示");
    public Task<IActionResult> OnPostRejectAsync(int complaintId) => ActAsync(complaintId, c => svc.RejectAsync(c, new RejectInput(Reason)), "已不予受理");
    public Task<IActionResult> OnPostCaseAsync(int complaintId) => ActAsync(complaintId, c => svc.LinkCaseAsync(c, new LinkCaseInput(CaseId)), "已记录转立案");

    private async Task<IActionResult> ActAsync(int complaintId, Func<Complaint, Task> act, string done)
    {
        var c = await svc.FindVisibleAsync(complaintId);
        if (c is null) return NotFound();
        if (!svc.MayHandle(c)) return Forbid();
        _complaint = c;
        try
        {
            await act(c);
        }
        catch (DomainValidationException ex)
        {
            ModelState.AddDomainErrors(ex, "");
            await FillAsync();
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }
        TempData["StatusMessage"] = done;
        return Redirect($"/complaints/{complaintId}");
    }
}
