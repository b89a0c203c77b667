using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Zhifa.Domain.Common;
using Zhifa.Web.Infrastructure;

namespace Zhifa.Web.Features.Publicity;

/// <summary>/publicity/decisions: every decision's publication task with its due date, stage and legal status.</summary>
public sealed class DecisionsModel(DecisionPublicationService svc) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Status { get; set; }
    [BindProperty(SupportsGet = true)] public bool Overdue { get; set; }
    public List<TaskRow> Rows { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync()
    {
        try
        {
            Rows = await svc.ListAsync(null, Status, Overdue);
        }
        catch (DomainValidationException ex)
        {
            ModelState.AddDomainErrors(ex, "");
            Response.StatusCode = StatusCodes.Status400BadRequest;
        }
        return Page();
    }
}
