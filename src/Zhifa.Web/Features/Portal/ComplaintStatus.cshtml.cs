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

    public async Task<IActionResult> OnGetAsync(string? receipt)
    {
        Receipt = receipt?.Trim().ToUpperInvariant();
        Status = string.IsNullOrEmpty(Receipt) ? null : await svc.PublicStatusAsync(Receipt);
        if (Status is null) Response.StatusCode = StatusCodes.Status404NotFound;
        return Page();
    }
}
