using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Zhifa.Web.Features.Cases;

/// <summary>Finds parties by name, ID number or credit code (/parties?q=); ID numbers are masked for readers who do not handle their cases.</summary>
public sealed class PartiesModel(CaseService cases) : PageModel
{
    [FromQuery] public string? Q { get; set; }
    public List<PartyDto> Results { get; private set; } = [];

    public async Task OnGetAsync() => Results = await cases.SearchPartiesAsync(Q);
}
