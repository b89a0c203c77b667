namespace Zhifa.Web.Features.Portal;

/// <summary>Texts of the public certificate check, shared by its page and its API.</summary>
public static class PublicCheck
{
    public const string NotFoundMessage = "未查询到该执法证，请核对执法证号是否正确";
}
