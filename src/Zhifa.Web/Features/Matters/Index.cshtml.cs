using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Zhifa.Domain.Agencies;
using Zhifa.Domain.Common;
using Zhifa.Web.Infrastructure;

namespace Zhifa.Web.Features.Matters;

/// <summary>The powers and duties list (权责清单) of the agencies the user may see, with filters.</summary>
public sealed class IndexModel(MatterService matters, CurrentUser me) : PageModel
{
    [BindProperty(SupportsGet = true)] public int? AgencyId { get; set; }
    [BindProperty(SupportsGet = true)] public string? Category { get; set; }
    /// <summary>"是", "否" or empty for both.</summary>
    [BindProperty(SupportsGet = true)] public string? Random { get; set; }
    [BindProperty(SupportsGet = true)] public string? Q { get; set; }
    [BindProperty(SupportsGet = true, Name = "p")] public int PageNumber { get; set; } = 1;

    public MatterPage Result { get; private set; } = new([], 0, 1, 50);
    public List<Agency> Agencies { get; private set; } = [];
    public bool CanCreate => me.IsAdministrator;
    public string? FilterError { get; private set; }

    public async Task OnGetAsync()
    {
        Agencies = await matters.VisibleAgenciesAsync();
        bool? random = Random == UiText.T("matters.yes") ? true : Random == UiText.T("matters.no") ? false : null;
        try
        {
            Result = await matters.ListAsync(new MatterFilter(AgencyId, Category, random, Q, PageNumber));
        }
        catch (DomainValidationException ex)
        {
            FilterError = ex.Errors[0].Message;
        }
    }

    public string AgencyName(int agencyId) => Agencies.FirstOrDefault(a => a.Id == agencyId)?.Name ?? "";

    public string PageLink(int page)
        => "/matters?" + string.Join("&", new[]
        {
            AgencyId is { } a ? "agencyId=" + MatterPages.Id(a) : null,
            string.IsNullOrEmpty(Category) ? null : "category=" + Uri.EscapeDataString(Category),
            string.IsNullOrEmpty(Random) ? null : "random=" + Uri.EscapeDataString(Random),
            string.IsNullOrEmpty(Q) ? null : "q=" + Uri.EscapeDataString(Q),
            "p=" + MatterPages.Id(page),
        }.Where(x => x is not null));
}
