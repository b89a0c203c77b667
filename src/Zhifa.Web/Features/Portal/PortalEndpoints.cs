using Zhifa.Domain.Officers;
using Zhifa.Web.Features.Officers;
using Zhifa.Web.Infrastructure;

namespace Zhifa.Web.Features.Portal;

public static class PortalEndpoints
{
    public static void MapPortalEndpoints(this IEndpointRouteBuilder group)
    {
        // 亮证/查询服务 (ORG-3): anyone may check a certificate and sees only the public whitelist.
        group.MapGet("/api/v1/certificates/{number}", async (string number, OfficerService officers) =>
        {
            var errors = Certificate.ValidateNumber(number);
            if (errors.Any) return Problems.Validation(errors.Items);
            return await officers.FindPublicAsync(number) is { } c
                ? Results.Ok(c)
                : Problems.Problem(StatusCodes.Status404NotFound, "not_found", "未找到", PublicCheck.NotFoundMessage);
        }).AllowAnonymous().WithTags("公示").WithName("CheckCertificatePublic")
          .WithSummary("公开查询执法证：姓名、执法主体、执法领域、有效期和今日状态")
          .Produces<PublicCertificateDto>();
    }
}
