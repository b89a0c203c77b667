using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Zhifa.Domain.Agencies;
using Zhifa.Domain.Common;
using Zhifa.Web.Infrastructure;

namespace Zhifa.Web.Features.Matters;

/// <summary>
/// Creates a matter (/matters/new) or edits one (/matters/{matterId}/edit). Legal-basis rows are a plain list of
/// inputs: blank rows are ignored, and "增加一行" posts back to add another, so the form works without JavaScript.
/// </summary>
public sealed class EditModel(MatterService matters, CurrentUser me) : PageModel
{
    [TempData] public string? StatusMessage { get; set; }
    private const int MinRows = 3;

    [BindProperty] public MatterInput Input { get; set; } = new();
    public int? MatterId { get; private set; }
    public List<Agency> Agencies { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int? matterId)
    {
        if (matterId is { } id)
        {
            var m = await matters.FindVisibleAsync(id);
            if (m is null) return NotFound();
            if (!await me.CanAdminister(m.AgencyId)) return Forbid();
            Input = new MatterInput
            {
                AgencyId = m.AgencyId, Code = m.Code, Name = m.Name, Category = m.Category.ToString(),
                ResponsibleUnitId = m.ResponsibleUnitId, RandomInspection = m.RandomInspection,
                Bases = m.Bases.OrderBy(b => b.Id).Select(b => new BasisInput { Law = b.Law, Article = b.Article, Text = b.Text }).ToList(),
            };
            Input.Bases.Add(new BasisInput());
        }
        else
        {
            if (!me.IsAdministrator) return Forbid();
            Input.AgencyId = me.AgencyId;
        }
        return await ShowAsync(matterId);
    }

    public async Task<IActionResult> OnPostAddRowAsync(int? matterId)
    {
        if (await CheckAsync(matterId) is { } refused) return refused;
        // The page is shown again from the posted values, plus one empty row.
        ModelState.Clear();
        Input.Bases.Add(new BasisInput());
        return await ShowAsync(matterId);
    }

    public async Task<IActionResult> OnPostAsync(int? matterId)
    {
        if (await CheckAsync(matterId) is { } refused) return refused;
        Input.Bases = Input.Bases.Where(b => !b.IsBlank).ToList();
        // Row indices changed when blank rows were dropped; errors are keyed on the compacted list shown again below.
        ModelState.Clear();
        try
        {
            if (matterId is { } id)
            {
                var m = (await matters.FindVisibleAsync(id))!;
                await matters.UpdateAsync(m, Input);
                StatusMessage = UiText.T("matters.saved");
                return RedirectToPage("/Matters/Detail", new { matterId = m.Id });
            }
            var created = await matters.CreateAsync(Input.AgencyId!.Value, Input);
            StatusMessage = UiText.T("matters.created");
            return RedirectToPage("/Matters/Detail", new { matterId = created.Id });
        }
        catch (DomainValidationException ex)
        {
            ModelState.AddMatterErrors(ex);
            return await ShowAsync(matterId);
        }
    }

    /// <summary>Scope first (404 outside it), then the right to change (403); only then is the input looked at.</summary>
    private async Task<IActionResult?> CheckAsync(int? matterId)
    {
        if (matterId is { } id)
        {
            var m = await matters.FindVisibleAsync(id);
            if (m is null) return NotFound();
            if (!await me.CanAdminister(m.AgencyId)) return Forbid();
            Input.AgencyId = m.AgencyId;
            return null;
        }
        if (!me.IsAdministrator) return Forbid();
        Input.AgencyId ??= me.AgencyId;
        if (Input.AgencyId is null)
        {
            ModelState.AddModelError("Input.AgencyId", UiText.T("matters.error.agency_required"));
            return await ShowAsync(null);
        }
        if (!await me.CanSee(Input.AgencyId)) return NotFound();
        return null;
    }

    private async Task<IActionResult> ShowAsync(int? matterId)
    {
        MatterId = matterId;
        Agencies = await matters.AdministeredAgenciesAsync();
        while (Input.Bases.Count < MinRows) Input.Bases.Add(new BasisInput());
        return Page();
    }
}
