using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Zhifa.Domain.Access;
using Zhifa.Domain.Cases;
using Zhifa.Domain.Common;
using Zhifa.Web.Infrastructure;

namespace Zhifa.Web.Features.Access;

public sealed class NewModel(AccessRequestService svc) : PageModel
{
    public Case Case { get; private set; } = null!;
    [BindProperty] public AccessPurpose? Purpose { get; set; }
    [BindProperty] public string? Reason { get; set; }
    [BindProperty] public bool IncludesSensitive { get; set; }
    [BindProperty] public int? Days { get; set; } = 7;

    public async Task<IActionResult> OnGetAsync(int caseId)
    {
        var c = await svc.FindCaseAsync(caseId);
        if (c is null) return NotFound();
        Case = c;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int caseId)
    {
        var c = await svc.FindCaseAsync(caseId);
        if (c is null) return NotFound();
        Case = c;
        try
        {
            await svc.CreateAsync(c, new AccessRequestInput(Purpose, Reason, IncludesSensitive, Days));
        }
        catch (DomainValidationException ex)
        {
            ModelState.AddDomainErrors(ex, "");
            return Page();
        }
        TempData["StatusMessage"] = "调阅申请已提交，待主要负责人审批";
        return Redirect("/access-requests");
    }
}
