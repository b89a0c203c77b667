using System.Text;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Zhifa.Data;
using Zhifa.Domain.Common;
using Zhifa.Domain.Publicity;
using Zhifa.Domain.Rules;
using Zhifa.Web.Infrastructure;
using static Zhifa.Web.Infrastructure.UiText;

namespace Zhifa.Web.Features.Publicity;

/// <summary>What the content partial needs: the content and where each flowchart picture is read from.</summary>
public sealed record ListContentModel(ListContent Content, Func<ListSection, string?> ImageSrc)
{
    /// <summary>On staff pages a draft is not public, so its pictures travel inside the page.</summary>
    public static ListContentModel Inline(ListContent c)
        => new(c, s => s.Flowchart is { } svg ? "data:image/svg+xml;base64," + Convert.ToBase64String(Encoding.UTF8.GetBytes(svg)) : null);
}

/// <summary>/publicity/lists: per agency, each pre-disclosure list with its published version, its staleness and the button to generate the next.</summary>
public sealed class PreDisclosureListsModel(PreDisclosureService svc, CurrentUser me, Agencies.AgencyService agencies) : PageModel
{
    public int AgencyId { get; private set; }
    public string AgencyName { get; private set; } = "";
    public List<(int Id, string Name)> Agencies { get; private set; } = [];
    public List<ListStateView> Lists { get; private set; } = [];
    /// <summary>Per list: may the signed-in user generate its next version now, and if not, why (the table of versions).</summary>
    public IReadOnlyDictionary<string, MoveCheck> Generate { get; private set; } = new Dictionary<string, MoveCheck>();

    [TempData] public string? StatusMessage { get; set; }

    private async Task<bool> LoadAsync(int? agencyId)
    {
        var visible = await me.VisibleAgencyIdsAsync();
        var all = await agencies.AllNamesAsync();
        Agencies = [.. all.Where(a => visible is null || visible.Contains(a.Id)).Select(a => (a.Id, a.Name))];
        int? chosen = agencyId ?? me.AgencyId ?? (Agencies.Count > 0 ? Agencies[0].Id : null);
        if (chosen is not { } id || !await me.CanSee(id) || Agencies.All(a => a.Id != id)) return false;
        AgencyId = id;
        AgencyName = Agencies.First(a => a.Id == id).Name;
        Lists = await svc.OverviewAsync(id);
        Generate = await svc.GenerateChecksAsync(id);
        return true;
    }

    public async Task<IActionResult> OnGetAsync(int? agencyId) => await LoadAsync(agencyId) ? Page() : NotFound();

    public async Task<IActionResult> OnPostGenerateAsync(int? agencyId, string? listKey)
    {
        if (!await LoadAsync(agencyId) || !PreDisclosureLists.IsKnown(listKey)) return NotFound();
        var generated = await svc.GenerateAsync(AgencyId, listKey!);
        if (!generated.Succeeded)
        {
            ModelState.AddRefusal(generated, "");
            Response.StatusCode = generated.Forbidden.Count > 0 ? StatusCodes.Status403Forbidden : StatusCodes.Status409Conflict;
            return Page();
        }
        StatusMessage = T("predisclosure.page.generated_list", generated.Value!.Title, generated.Value.Version);
        return RedirectToPage("/Publicity/PreDisclosureList", new { agencyId = AgencyId, listKey });
    }
}

/// <summary>
/// /publicity/lists/{agencyId}/{listKey}: one list — its open version with what it changes, the chain and the buttons of
/// whoever's turn it is (submit, 合法性审核, 分管领导, 主要负责人), the published version and the history. Each button
/// is as the tables say for the signed-in user: enabled, or disabled with the reasons beside it.
/// </summary>
public sealed class PreDisclosureListModel(PreDisclosureService svc, PublicationService publications, CurrentUser me, Agencies.AgencyService agencies) : PageModel
{
    public int AgencyId { get; private set; }
    public string AgencyName { get; private set; } = "";
    public string ListKey { get; private set; } = "";
    public ListStateView State { get; private set; } = null!;
    public List<Publication> Versions { get; private set; } = [];
    /// <summary>The version shown: the one asked for, else the open one, else the published one.</summary>
    public ListVersionView? Shown { get; private set; }
    public MoveCheck? Generate { get; private set; }
    /// <summary>The chain's acts on the shown version, when it is a draft (submit) or in the chain (approve, return).</summary>
    public MoveCheck? Submit { get; private set; }
    public MoveCheck? Approve { get; private set; }
    [BindProperty] public string? Note { get; set; }
    [TempData] public string? StatusMessage { get; set; }

    private async Task<bool> LoadAsync(int agencyId, string listKey, int? v)
    {
        if (!PreDisclosureLists.IsKnown(listKey) || !await me.CanSee(agencyId)) return false;
        var name = (await agencies.FindWithUnitsAsync(agencyId))?.Name;
        if (name is null) return false;
        (AgencyId, AgencyName, ListKey) = (agencyId, name, listKey);
        State = (await svc.OverviewAsync(agencyId)).Single(s => s.ListKey == listKey);
        Versions = await svc.VersionsAsync(agencyId, listKey);
        int? version = v ?? State.OpenVersion ?? State.PublishedVersion ?? (Versions.Count > 0 ? Versions[^1].Version : null);
        if (version is { } n)
        {
            if (await svc.FindVersionAsync(agencyId, listKey, n) is not { } p) return v is null;
            Shown = await svc.ViewAsync(p);
            Submit = p.Status == PublicationStatus.Draft ? await publications.CheckAsync(p, ChainAct.Submit) : null;
            Approve = p.Status == PublicationStatus.Approving ? await publications.CheckAsync(p, ChainAct.Approve) : null;
        }
        Generate = (await svc.GenerateChecksAsync(agencyId))[listKey];
        return true;
    }

    public async Task<IActionResult> OnGetAsync(int agencyId, string listKey, int? v) => await LoadAsync(agencyId, listKey, v) ? Page() : NotFound();

    public Task<IActionResult> OnPostGenerateAsync(int agencyId, string listKey) => ActAsync(agencyId, listKey, null,
        _ => svc.GenerateAsync(agencyId, listKey), p => T("predisclosure.page.generated", p.Version));

    public Task<IActionResult> OnPostSubmitAsync(int agencyId, string listKey, int version) => ActAsync(agencyId, listKey, version,
        p => publications.ActAsync(p, ChainAct.Submit, new ApprovalInput(Note)), p => T("predisclosure.page.submitted", p.Version));

    public Task<IActionResult> OnPostApproveAsync(int agencyId, string listKey, int version) => ActAsync(agencyId, listKey, version,
        p => publications.ActAsync(p, ChainAct.Approve, new ApprovalInput(Note)), p => p.Status == PublicationStatus.Published
            ? T("predisclosure.page.released", p.Version) : T("predisclosure.page.approved", PublicationRules.Label(p.Approvals.OrderBy(a => a.Id).Last().Step)));

    public Task<IActionResult> OnPostReturnAsync(int agencyId, string listKey, int version) => ActAsync(agencyId, listKey, version,
        p => publications.ActAsync(p, ChainAct.Return, new ApprovalInput(Note)), p => T("predisclosure.page.returned", p.Version));

    /// <summary>One act through the same service method as the API; a refusal shows the page again with its reasons (403 / 409, 400 for bad input).</summary>
    private async Task<IActionResult> ActAsync(int agencyId, string listKey, int? version, Func<Publication, Task<Outcome<Publication>>> act,
        Func<Publication, string> done)
    {
        if (!PreDisclosureLists.IsKnown(listKey) || !await me.CanSee(agencyId)) return NotFound();
        Publication? p = null;
        if (version is { } n && (p = await svc.FindVersionAsync(agencyId, listKey, n)) is null) return NotFound();
        int status;
        try
        {
            var outcome = await act(p!);
            if (outcome.Succeeded)
            {
                StatusMessage = done(outcome.Value!);
                return RedirectToPage("/Publicity/PreDisclosureList", new { agencyId, listKey });
            }
            ModelState.AddRefusal(outcome, "");
            status = outcome.Forbidden.Count > 0 ? StatusCodes.Status403Forbidden : StatusCodes.Status409Conflict;
        }
        catch (DomainValidationException ex)
        {
            ModelState.AddDomainErrors(ex, "");
            status = StatusCodes.Status400BadRequest;
        }
        await LoadAsync(agencyId, listKey, version);
        Response.StatusCode = status;
        return Page();
    }
}
