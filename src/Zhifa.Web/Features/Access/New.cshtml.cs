using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Zhifa.Domain.Access;
using Zhifa.Domain.Cases;
using Zhifa.Domain.Common;
using Zhifa.Web.Infrastructure;
using static Zhifa.Web.Infrastructure.UiText;

namespace Zhifa.Web.Features.Access;

public sealed class NewModel(AccessRequestService svc) : PageModel
{
    public Case Case { get; private set; } = null!;
    [BindProperty] public AccessPurpose? Purpose { get; set; }
    [BindProperty] public string? Reason { get; set; }
    [BindProperty] public bool IncludesSensitive { get; set; }
    [BindProperty] public int? Days { get; set; } = 7;
    [TempData] public string? StatusMessage { get; set; }

    public async Task<IActionResult> OnGetAsync(int caseId)
    {
        if (await svc.FindCaseAsync(caseId) is not { } c) return NotFound();
        Case = c;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int caseId)
    {
        if (await svc.FindCaseAsync(caseId) is not { } c) return NotFound();
        Case = c;
        try
        {
            var created = await svc.CreateAsync(c, new AccessRequestInput(Purpose, Reason, IncludesSensitive, Days));
            if (created.Succeeded)
            {
                StatusMessage = T("access.new.done");
                return RedirectToPage("/Access/Index");
            }
            ModelState.AddRefusal(created, "");
            Response.StatusCode = created.Forbidden.Count > 0 ? StatusCodes.Status403Forbidden : StatusCodes.Status409Conflict;
        }
        catch (DomainValidationException ex)
        {
            ModelState.AddDomainErrors(ex, "");
            Response.StatusCode = StatusCodes.Status400BadRequest;
        }
        return Page();
    }
}
