using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Zhifa.Web.Features.Complaints;

/// <summary>/complaints: the visible agencies' complaints with their due dates; ?overdue=true lists the overdue ones.</summary>
public sealed class IndexModel(ComplaintService svc) : PageModel
{
    public List<ComplaintRow> Rows { get; private set; } = [];
    public bool OverdueOnly { get; private set; }
    public string? Status { get; private set; }

    public async Task OnGetAsync(string? status, bool? overdue)
    {
        OverdueOnly = overdue == true;
        Status = status;
        Rows = await svc.ListAsync(null, status, OverdueOnly);
    }
}
