using static Zhifa.Web.Infrastructure.UiText;

namespace Zhifa.Web.Features.Portal;

/// <summary>Texts of the public certificate check, shared by its page and its API.</summary>
public static class PublicCheck
{
    public static string NotFoundMessage => T("portal.certificates.not_found");
}
