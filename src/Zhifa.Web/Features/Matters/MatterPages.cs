using System.Globalization;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.Rendering;
using Zhifa.Domain.Agencies;
using Zhifa.Domain.Common;

namespace Zhifa.Web.Features.Matters;

/// <summary>Small helpers shared by the matters pages.</summary>
public static class MatterPages
{
    /// <summary>Puts each refused field beside its form field: bases[1].law → Input.Bases[1].Law.</summary>
    public static void AddMatterErrors(this ModelStateDictionary modelState, DomainValidationException ex)
    {
        foreach (var e in ex.Errors)
        {
            var key = string.Join('.', e.Field.Split('.').Select(s => s.Length == 0 ? s : char.ToUpperInvariant(s[0]) + s[1..]));
            modelState.AddModelError(key.Length == 0 ? "" : "Input." + key, e.Message);
        }
    }

    public static List<SelectListItem> AgencyItems(IEnumerable<Agency> agencies, int? selected)
        => agencies.Select(a => new SelectListItem(a.Name, Id(a.Id), a.Id == selected)).ToList();

    public static string Id(int id) => id.ToString(CultureInfo.InvariantCulture);
}
