using System.Globalization;
using Zhifa.Domain.Rules;

namespace Zhifa.Web.Infrastructure;

/// <summary>
/// The text of the pages and the API, by code: each area's own file (<c>Features/Area/AreaText.resx</c>, zh-CN the neutral
/// language) first, then the domain's messages, so a page can show a rule's message under the code the API returns.
/// Pages call <c>@T("code")</c> (imported in _ViewImports); C# calls <c>UiText.T</c>.
/// </summary>
public static class UiText
{
    private static readonly ResourceCatalog Resources = new(typeof(UiText).Assembly);

    public static string T(string code, params object?[] args)
        => Resources.Find(code, CultureInfo.CurrentUICulture) is { } text ? Messages.Format(text, args) : Messages.Get(code, args);

    public static bool Has(string code) => Resources.Find(code, CultureInfo.InvariantCulture) is not null || Messages.Has(code);
}
