using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Zhifa.Domain.Agencies;
using Zhifa.Domain.Common;
using Zhifa.Web.Infrastructure;

namespace Zhifa.Web.Features.Cases;

/// <summary>The case list of the visible agencies (/cases), newest first, with filters and pages.</summary>
public sealed class IndexModel(CaseService cases) : PageModel
{
    [FromQuery] public int? AgencyId { get; set; }
    [FromQuery] public string? Step { get; set; }
    [FromQuery] public string? Category { get; set; }
    [FromQuery] public int? OfficerId { get; set; }
    [FromQuery] public string? Q { get; set; }
    [FromQuery] public int? Year { get; set; }
    [FromQuery(Name = "page")] public int PageNumber { get; set; } = 1;

    public CasePage Result { get; private set; } = new([], 1, 20, false, null);
    public List<Agency> Agencies { get; private set; } = [];
    public List<Zhifa.Domain.Officers.Officer> Officers { get; private set; } = [];
    public string? FilterError { get; private set; }
    public bool CanOpen => cases.MayOpenCases;

    /// <summary>The steps offered in the filter: those named in the domain.</summary>
    public IReadOnlyList<string> StepChoices => Domain.Cases.CaseSteps.All;

    public async Task OnGetAsync()
    {
        Agencies = await cases.VisibleAgenciesAsync();
        Officers = await cases.VisibleOfficersAsync();
        try
        {
            Result = await cases.ListAsync(new CaseFilter(AgencyId, Step, Category, OfficerId, Q, Year, PageNumber));
        }
        catch (DomainValidationException ex)
        {
            FilterError = string.Join("；", ex.Errors.Select(e => e.Message));
        }
    }

    /// <summary>The same filters on another page.</summary>
    public string PageLink(int page)
    {
        var q = new List<string>();
        void Add(string name, object? value) { if (value is not null && value.ToString() is { Length: > 0 } s) q.Add($"{name}={Uri.EscapeDataString(s)}"); }
        Add("agencyId", AgencyId); Add("step", Step); Add("category", Category); Add("officerId", OfficerId); Add("q", Q); Add("year", Year);
        Add("page", page);
        return Url.Page("/Cases/Index") + "?" + string.Join("&", q);
    }
}
