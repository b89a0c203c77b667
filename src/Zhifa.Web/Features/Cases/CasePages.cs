using System.Globalization;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Zhifa.Domain.Common;
using static Zhifa.Web.Infrastructure.UiText;

namespace Zhifa.Web.Features.Cases;

/// <summary>Small helpers of the case and party pages.</summary>
public static class CasePages
{
    public static string Id(int id) => id.ToString(CultureInfo.InvariantCulture);

    public static string Date(DateOnly? d) => d?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "—";

    /// <summary>parties[1].idNumber → Input.Parties[1].IdNumber, so the message sits beside its field.</summary>
    public static string FormKey(string field, string prefix)
    {
        if (field.Length == 0) return "";
        var parts = field.Split('.').Select(p => p.Length == 0 ? p : char.ToUpperInvariant(p[0]) + p[1..]);
        return prefix + "." + string.Join(".", parts);
    }

    /// <summary>A party's message in the summary says which party it is about (当事人 2：…).</summary>
    public static string SummaryMessage(ValidationError e)
    {
        if (!e.Field.StartsWith("parties[", StringComparison.Ordinal)) return e.Message;
        int end = e.Field.IndexOf(']', StringComparison.Ordinal);
        return end > 8 && int.TryParse(e.Field.AsSpan(8, end - 8), NumberStyles.None, CultureInfo.InvariantCulture, out var i)
            ? T("cases.form.party_message", i + 1, e.Message) : e.Message;
    }

    public static void AddCaseErrors(this ModelStateDictionary modelState, DomainValidationException ex, string prefix)
    {
        foreach (var e in ex.Errors) modelState.AddModelError(FormKey(e.Field, prefix), SummaryMessage(e));
    }

}
