using Microsoft.AspNetCore.Http.HttpResults;
using Zhifa.Domain.Officers;
using Zhifa.Web.Features.Officers;
using Zhifa.Web.Infrastructure;
using static Zhifa.Web.Infrastructure.UiText;

namespace Zhifa.Web.Features.Portal;

public static class PortalEndpoints
{
    public static void MapPortalEndpoints(this IEndpointRouteBuilder group)
    {
        // 亮证/查询服务 (ORG-3): anyone may check a certificate and sees only the public whitelist.
        group.MapGet("/api/v1/certificates/{number}", CheckCertificatePublic).AllowAnonymous().WithTags(T("portal.api.tag")).WithName("CheckCertificatePublic")
            .WithSummary(T("portal.api.check_certificate"))
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status404NotFound);
    }

    public static async Task<Results<Ok<PublicCertificateDto>, ProblemHttpResult>> CheckCertificatePublic(string number, OfficerService officers)
    {
        var errors = Certificate.ValidateNumber(number);
        if (errors.Any) return Problems.Validation(errors.Items);
        return await officers.FindPublicAsync(number) is { } c
            ? TypedResults.Ok(c)
            : Problems.Problem(StatusCodes.Status404NotFound, "not_found", T("problem.not_found"), PublicCheck.NotFoundMessage);
    }
}
