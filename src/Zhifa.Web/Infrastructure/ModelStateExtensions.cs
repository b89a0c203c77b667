using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Zhifa.Domain.Common;
using Zhifa.Domain.Rules;

namespace Zhifa.Web.Infrastructure;

public static class ModelStateExtensions
{
    /// <summary>Puts each refused field's Chinese message beside the form field it names (e.g. creditCode → Input.CreditCode).</summary>
    public static void AddDomainErrors(this ModelStateDictionary modelState, DomainValidationException ex, string prefix)
    {
        foreach (var e in ex.Errors)
        {
            var field = e.Field.Length == 0 ? "" : char.ToUpperInvariant(e.Field[0]) + e.Field[1..];
            modelState.AddModelError(prefix.Length == 0 || field.Length == 0 ? field : $"{prefix}.{field}", e.Message);
        }
    }

    /// <summary>Puts every reason of a refused act beside the form field it names, under <paramref name="prefix"/>.</summary>
    public static void AddRefusal<T>(this ModelStateDictionary modelState, Outcome<T> outcome, string prefix)
    {
        foreach (var e in outcome.Reasons)
        {
            var field = e.Field.Length == 0 ? "" : char.ToUpperInvariant(e.Field[0]) + e.Field[1..];
            modelState.AddModelError(prefix.Length == 0 ? field : field.Length == 0 ? prefix : $"{prefix}.{field}", e.Message);
        }
    }

    /// <summary>
    /// A page's change: when the rules refuse it, the page is shown again (reloaded) with each reason beside its field;
    /// when it is done, the browser is sent to <paramref name="redirect"/> with <paramref name="done"/> as the message.
    /// </summary>
    public static async Task<IActionResult> ChangeAsync(this PageModel page, Func<Task> act, Func<Task> reload, string done, string redirect)
    {
        try
        {
            await act();
        }
        catch (DomainValidationException ex)
        {
            page.ModelState.AddDomainErrors(ex, "");
            await reload();
            return page.Page();
        }
        page.TempData["StatusMessage"] = done;
        return new RedirectResult(redirect);
    }
}
