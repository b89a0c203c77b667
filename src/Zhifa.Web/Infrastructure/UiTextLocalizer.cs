using Microsoft.Extensions.Localization;

namespace Zhifa.Web.Infrastructure;

/// <summary>
/// Lets data annotations name codes (<c>[Display(Name = "account.login.user_name")]</c>,
/// <c>[Required(ErrorMessage = "…")]</c>): MVC asks this localizer, which reads <see cref="UiText"/>; a text that is
/// not a code is shown as written.
/// </summary>
public sealed class UiTextLocalizer : IStringLocalizer, IStringLocalizerFactory
{
    public LocalizedString this[string name]
        => UiText.Has(name) ? new(name, UiText.T(name)) : new(name, name, resourceNotFound: true);

    public LocalizedString this[string name, params object[] arguments]
        => UiText.Has(name) ? new(name, UiText.T(name, arguments)) : new(name, string.Format(System.Globalization.CultureInfo.InvariantCulture, name, arguments), resourceNotFound: true);

    public IEnumerable<LocalizedString> GetAllStrings(bool includeParentCultures) => [];

    public IStringLocalizer Create(Type resourceSource) => this;

    public IStringLocalizer Create(string baseName, string location) => this;
}
