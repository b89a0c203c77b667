using Microsoft.AspNetCore.Mvc.ModelBinding;
using Zhifa.Domain.Common;

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
}
