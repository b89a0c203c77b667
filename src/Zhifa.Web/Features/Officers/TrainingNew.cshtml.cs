using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Zhifa.Domain.Common;
using Zhifa.Domain.Officers;
using Zhifa.Web.Infrastructure;

namespace Zhifa.Web.Features.Officers;

/// <summary>Records a training or examination an officer attended (ORG-2, ORG-8).</summary>
public sealed class TrainingNewModel(OfficerService officers, CurrentUser me) : PageModel
{
    [TempData] public string? StatusMessage { get; set; }
    private static readonly IReadOnlyDictionary<string, string> Labels = new Dictionary<string, string>
    {
        ["Date"] = UiText.T("officers.training.field_date"), ["Hours"] = UiText.T("officers.training.hours"),
    };

    [BindProperty] public TrainingInput Input { get; set; } = new();
    public Officer Officer { get; private set; } = null!;
    public DateOnly Today => officers.Today;

    private async Task<IActionResult?> LoadAsync(int officerId)
    {
        var o = await officers.FindVisibleAsync(officerId);
        if (o is null) return NotFound();
        Officer = o;
        return await me.CanAdminister(o.AgencyId) ? null : Forbid();
    }

    public async Task<IActionResult> OnGetAsync(int officerId)
    {
        if (await LoadAsync(officerId) is { } refused) return refused;
        Input.Date = Today;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int officerId)
    {
        if (await LoadAsync(officerId) is { } refused) return refused;
        var unreadable = ModelState.RelabelBindingErrors(Labels);
        try
        {
            if (unreadable.Count > 0)
            {
                TrainingRecord.Validate(Input.Date, Input.Title, Input.Hours, Input.Result, Today).ThrowIfAny();
                return Page();
            }
            await officers.AddTrainingAsync(Officer, Input);
        }
        catch (DomainValidationException ex)
        {
            ModelState.AddDomainErrors(ex, "Input", unreadable);
            return Page();
        }
        StatusMessage = UiText.T("officers.training.created");
        return RedirectToPage("/Officers/Detail", new { officerId });
    }
}
