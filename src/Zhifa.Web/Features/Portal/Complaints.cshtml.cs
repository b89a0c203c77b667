using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Zhifa.Domain.Common;
using Zhifa.Web.Features.Complaints;
using Zhifa.Web.Infrastructure;

namespace Zhifa.Web.Features.Portal;

/// <summary>/gs/complaints: SUP-4 public intake of a complaint, report or suggestion. Anonymous; works without JavaScript.</summary>
[AllowAnonymous]
public sealed class ComplaintsModel(ComplaintService svc) : PageModel
{
    public sealed class InputModel
    {
        public int? AgencyId { get; set; }
        public string? Kind { get; set; }
        public string? Content { get; set; }
        public string? Subject { get; set; }
        public string? ContactName { get; set; }
        public string? ContactPhone { get; set; }
        /// <summary>Honeypot: hidden from people, filled by bots.</summary>
        public string? Website { get; set; }
    }

    [BindProperty] public InputModel Input { get; set; } = new();
    public List<(int Id, string Name)> Agencies { get; private set; } = [];

    /// <summary>TempData keys of the one-time receipt banner on the status page: the receipt number and whether a phone was left.</summary>
    public const string SubmittedKey = "ComplaintSubmitted";
    public const string ReplyByPhoneKey = "ComplaintReplyByPhone";

    public async Task<IActionResult> OnGetAsync(string? receipt)
    {
        // The lookup form sends the receipt number here; its status page has the number in its address.
        if (!string.IsNullOrWhiteSpace(receipt)) return RedirectToPage("/Portal/ComplaintStatus", new { receipt = receipt.Trim().ToUpperInvariant() });
        Agencies = await svc.AgenciesAsync();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        ComplaintReceipt receipt;
        try
        {
            receipt = await svc.SubmitAsync(new ComplaintSubmission(Input.AgencyId, Input.Kind, Input.Content, Input.Subject, Input.ContactName,
                Input.ContactPhone, Input.Website));
        }
        catch (DomainValidationException ex)
        {
            ModelState.AddDomainErrors(ex, nameof(Input));
            Agencies = await svc.AgenciesAsync();
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }
        // Post/Redirect/Get: refreshing the status page cannot submit again. Only the receipt number travels, never the content.
        TempData[SubmittedKey] = receipt.ReceiptNumber;
        TempData[ReplyByPhoneKey] = receipt.ReplyByPhone;
        return RedirectToPage("/Portal/ComplaintStatus", new { receipt = receipt.ReceiptNumber });
    }
}
