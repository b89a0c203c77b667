using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Zhifa.Domain.Agencies;
using Zhifa.Domain.Cases;
using Zhifa.Domain.Common;
using Zhifa.Domain.Matters;
using Zhifa.Domain.Officers;
using Zhifa.Web.Infrastructure;
using static Zhifa.Web.Infrastructure.UiText;

namespace Zhifa.Web.Features.Cases;

/// <summary>Opens a case (/cases/new, REC-1): the form lists the agency's matters, units and officers with their certificate status today.</summary>
public sealed class NewModel(CaseService cases, ICaseComplaintSource complaints, CurrentUser me) : PageModel
{
    /// <summary>Blank party rows offered without scripts; blank rows are ignored, more parties can be added on the case page.</summary>
    public const int PartyRows = 3;
    [TempData] public string? StatusMessage { get; set; }

    [BindProperty] public CaseOpenInput Input { get; set; } = new();
    public int? AgencyId { get; private set; }
    public string AgencyName { get; private set; } = "";
    public List<Agency> AgencyChoices { get; private set; } = [];
    public List<Matter> Matters { get; private set; } = [];
    public List<Unit> Units { get; private set; } = [];
    public List<Officer> Officers { get; private set; } = [];
    public DateOnly Today => cases.Today;
    /// <summary>SUP-4: the receipt number of the complaint the case is opened from, if any.</summary>
    public string? ComplaintReceipt { get; private set; }

    public async Task<IActionResult> OnGetAsync(int? agencyId, int? complaintId, string? category)
    {
        if (!cases.MayOpenCases) return Forbid();
        // ---- SUP-4: opened from a complaint, the form starts from its agency, subject and content.
        if (complaintId is { } cid)
        {
            var draft = await complaints.DraftAsync(cid);
            if (draft is null) return NotFound();
            agencyId = draft.AgencyId;
            Input.ComplaintId = draft.ComplaintId;
            Input.Title = draft.Title;
            Input.Facts = draft.Facts;
            if (CaseOpeningRules.ParseCategory(category) is { } cat) Input.Category = cat.ToString();
        }
        // ---- end SUP-4
        var target = agencyId ?? me.AgencyId;
        if (target is null)
        {
            // The deployment administrator first picks the agency whose case this is.
            AgencyChoices = await cases.VisibleAgenciesAsync();
            return Page();
        }
        if (!await me.CanSee(target)) return NotFound();
        if (!await cases.MayOpenForAsync(target.Value)) return Forbid();
        Input.AgencyId = target;
        await LoadAsync(target.Value);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var target = Input.AgencyId ?? me.AgencyId;
        if (target is null) return NotFound();
        if (!await me.CanSee(target)) return NotFound();
        if (!cases.MayOpenCases || !await cases.MayOpenForAsync(target.Value)) return Forbid();
        Input.AgencyId = target;
        if (!ModelState.IsValid)
        {
            foreach (var key in ModelState.Where(kv => kv.Value is { Errors.Count: > 0 }).Select(kv => kv.Key).ToList())
            {
                ModelState[key]!.Errors.Clear();
                ModelState.AddModelError(key, key.EndsWith("ActEndedOn", StringComparison.Ordinal) ? T("cases.new.act_ended_format") : T("cases.new.format"));
            }
            await LoadAsync(target.Value);
            return Page();
        }
        try
        {
            var c = await cases.OpenAsync(target.Value, Input);
            StatusMessage = T("cases.new.opened", c.Number);
            return RedirectToPage("/Cases/Detail", new { caseId = c.Id });
        }
        catch (DomainValidationException ex)
        {
            ModelState.AddCaseErrors(ex, "Input");
            await LoadAsync(target.Value);
            return Page();
        }
    }

    private async Task LoadAsync(int agencyId)
    {
        AgencyId = agencyId;
        AgencyName = (await cases.VisibleAgenciesAsync()).FirstOrDefault(a => a.Id == agencyId)?.Name ?? "";
        Matters = await cases.MattersOfAsync(agencyId);
        Units = await cases.UnitsOfAsync(agencyId);
        Officers = await cases.OfficersOfAsync(agencyId);
        while (Input.Parties.Count < PartyRows) Input.Parties.Add(new PartyInput());
        if (Input.ComplaintId is { } cid) ComplaintReceipt = (await complaints.DraftAsync(cid))?.ReceiptNumber;
    }
}
