using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Zhifa.Web.Features.Complaints;

namespace Zhifa.Web.Features.Portal;

/// <summary>
/// /gs/complaints/{receipt}: the public status of a complaint — status, dates and the reply only, never its content or
/// contact (SEC-3). /gs/complaints?receipt= leads here.
/// </summary>
[AllowAnonymous]
public sealed class ComplaintStatusModel(ComplaintService svc) : PageModel
{
    public string? Receipt { get; private set; }
    public PublicComplaintStatus? Status { get; private set; }
    /// <summary>Right after submitting (once): the receipt banner; whether the person left a phone for the reply.</summary>
    public bool JustSubmitted { get; private set; }
    public bool ReplyByPhone { get; private set; }

    public async Task<IActionResult> OnGetAsync(string? receipt)
    {
        Receipt = receipt?.Trim().ToUpperInvariant();
        Status = string.IsNullOrEmpty(Receipt) ? null : await svc.PublicStatusAsync(Receipt);
        if (Status is null) Response.StatusCode = StatusCodes.Status404NotFound;
        // Read (and so consumed) on the first view only; a refresh shows the plain status.
        JustSubmitted = Status is not null && TempData[ComplaintsModel.SubmittedKey] is string submitted && submitted == Status.ReceiptNumber;
        ReplyByPhone = TempData[ComplaintsModel.ReplyByPhoneKey] is true;
        return Page();
    }
}
