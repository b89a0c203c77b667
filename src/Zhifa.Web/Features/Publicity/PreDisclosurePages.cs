using System.Text;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Zhifa.Data;
using Zhifa.Domain.Common;
using Zhifa.Domain.Publicity;
using Zhifa.Web.Infrastructure;

namespace Zhifa.Web.Features.Publicity;

/// <summary>What the content partial needs: the content and where each flowchart picture is read from.</summary>
public sealed record ListContentModel(ListContent Content, Func<ListSection, string?> ImageSrc)
{
    /// <summary>On staff pages a draft is not public, so its pictures travel inside the page.</summary>
    public static ListContentModel Inline(ListContent c)
        => new(c, s => s.Flowchart is { } svg ? "data:image/svg+xml;base64," + Convert.ToBase64String(Encoding.UTF8.GetBytes(svg)) : null);
}

/// <summary>/publicity/lists: per agency, each pre-disclosure list with its published version, its staleness and the button to generate the next.</summary>
public sealed class PreDisclosureListsModel(PreDisclosureService svc, CurrentUser me, AppDbContext db) : PageModel
{
    public int AgencyId { get; private set; }
    public string AgencyName { get; private set; } = "";
    public List<(int Id, string Name)> Agencies { get; private set; } = [];
    public List<ListStateView> Lists { get; private set; } = [];
    public bool MayGenerate { get; private set; }

    private async Task<bool> LoadAsync(int? agencyId)
    {
        var visible = await me.VisibleAgencyIdsAsync();
        var all = await db.Agencies.AsNoTracking().OrderBy(a => a.Id).Select(a => new { a.Id, a.Name }).ToListAsync();
        Agencies = [.. all.Where(a => visible is null || visible.Contains(a.Id)).Select(a => (a.Id, a.Name))];
        int? chosen = agencyId ?? me.AgencyId ?? (Agencies.Count > 0 ? Agencies[0].Id : null);
        if (chosen is not { } id || !await me.CanSee(id) || Agencies.All(a => a.Id != id)) return false;
        AgencyId = id;
        AgencyName = Agencies.First(a => a.Id == id).Name;
        Lists = await svc.OverviewAsync(id);
        MayGenerate = svc.WhyNotGenerate(id) is null;
        return true;
    }

    public async Task<IActionResult> OnGetAsync(int? agencyId) => await LoadAsync(agencyId) ? Page() : NotFound();

    public async Task<IActionResult> OnPostGenerateAsync(int? agencyId, string? listKey)
    {
        if (!await LoadAsync(agencyId) || !PreDisclosureLists.IsKnown(listKey)) return NotFound();
        if (!MayGenerate) return Forbid();
        try
        {
            var p = await svc.GenerateAsync(AgencyId, listKey!);
            TempData["StatusMessage"] = $"已生成“{p.Title}”第 {p.Version} 版草稿，请核对变化后提交审核";
        }
        catch (DomainValidationException ex)
        {
            ModelState.AddDomainErrors(ex, "");
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }
        return Redirect($"/publicity/lists/{AgencyId}/{listKey}");
    }
}

/// <summary>
/// /publicity/lists/{agencyId}/{listKey}: one list — its open version with what it changes, the chain and the buttons of
/// whoever's turn it is (submit, 合法性审核, 分管领导, 主要负责人), the published version and the history.
/// </summary>
public sealed class PreDisclosureListModel(PreDisclosureService svc, PublicationService publications, CurrentUser me, AppDbContext db) : PageModel
{
    public int AgencyId { get; private set; }
    public string AgencyName { get; private set; } = "";
    public string ListKey { get; private set; } = "";
    public ListStateView State { get; private set; } = null!;
    public List<Publication> Versions { get; private set; } = [];
    /// <summary>The version shown: the one asked for, else the open one, else the published one.</summary>
    public ListVersionView? Shown { get; private set; }
    public bool MayGenerate { get; private set; }
    public bool MaySubmit { get; private set; }
    public bool MayApprove { get; private set; }
    [BindProperty] public string? Note { get; set; }

    private async Task<bool> LoadAsync(int agencyId, string listKey, int? v)
    {
        if (!PreDisclosureLists.IsKnown(listKey) || !await me.CanSee(agencyId)) return false;
        var name = await db.Agencies.AsNoTracking().Where(a => a.Id == agencyId).Select(a => a.Name).FirstOrDefaultAsync();
        if (name is null) return false;
        (AgencyId, AgencyName, ListKey) = (agencyId, name, listKey);
        State = (await svc.OverviewAsync(agencyId)).Single(s => s.ListKey == listKey);
        Versions = await svc.VersionsAsync(agencyId, listKey);
        int? version = v ?? State.OpenVersion ?? State.PublishedVersion ?? (Versions.Count > 0 ? Versions[^1].Version : null);
        if (version is { } n)
        {
            if (await svc.FindVersionAsync(agencyId, listKey, n) is not { } p) return v is null;
            Shown = await svc.ViewAsync(p);
            MaySubmit = p.Status == PublicationStatus.Draft && publications.WhyNotSubmit(p) is null;
            MayApprove = p.Status == PublicationStatus.Approving && await publications.WhyNotApproveAsync(p) is null;
        }
        MayGenerate = svc.WhyNotGenerate(agencyId) is null;
        return true;
    }

    public async Task<IActionResult> OnGetAsync(int agencyId, string listKey, int? v) => await LoadAsync(agencyId, listKey, v) ? Page() : NotFound();

    public Task<IActionResult> OnPostGenerateAsync(int agencyId, string listKey) => ActAsync(agencyId, listKey, null, async () =>
    {
        if (svc.WhyNotGenerate(agencyId) is not null) return false;
        var p = await svc.GenerateAsync(agencyId, listKey);
        TempData["StatusMessage"] = $"已生成第 {p.Version} 版草稿，请核对变化后提交审核";
        return true;
    });

    public Task<IActionResult> OnPostSubmitAsync(int agencyId, string listKey, int version) => ActAsync(agencyId, listKey, version, async p =>
    {
        if (publications.WhyNotSubmit(p) is not null) return false;
        await publications.SubmitAsync(p, new ApprovalInput(Note));
        TempData["StatusMessage"] = $"第 {p.Version} 版已提交审核";
        return true;
    });

    public Task<IActionResult> OnPostApproveAsync(int agencyId, string listKey, int version) => ActAsync(agencyId, listKey, version, async p =>
    {
        if (await publications.WhyNotApproveAsync(p) is not null) return false;
        var step = await publications.ApproveAsync(p, new ApprovalInput(Note));
        TempData["StatusMessage"] = p.Status == PublicationStatus.Published ? $"第 {p.Version} 版已审签发布" : $"“{PublicationRules.Label(step)}”已同意";
        return true;
    });

    public Task<IActionResult> OnPostReturnAsync(int agencyId, string listKey, int version) => ActAsync(agencyId, listKey, version, async p =>
    {
        if (await publications.WhyNotApproveAsync(p) is not null) return false;
        await publications.ReturnAsync(p, new ApprovalInput(Note));
        TempData["StatusMessage"] = $"第 {p.Version} 版已退回";
        return true;
    });

    private Task<IActionResult> ActAsync(int agencyId, string listKey, int? version, Func<Task<bool>> act)
        => ActAsync(agencyId, listKey, version, _ => act());

    private async Task<IActionResult> ActAsync(int agencyId, string listKey, int? version, Func<Publication, Task<bool>> act)
    {
        if (!PreDisclosureLists.IsKnown(listKey) || !await me.CanSee(agencyId)) return NotFound();
        Publication? p = null;
        if (version is { } n && (p = await svc.FindVersionAsync(agencyId, listKey, n)) is null) return NotFound();
        try
        {
            if (!await act(p!)) return Forbid();
        }
        catch (DomainValidationException ex)
        {
            ModelState.AddDomainErrors(ex, "");
            await LoadAsync(agencyId, listKey, version);
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }
        return Redirect($"/publicity/lists/{agencyId}/{listKey}");
    }
}
