using Microsoft.AspNetCore.Mvc;
using Zhifa.Domain.Common;
using Zhifa.Domain.Rules;

namespace Zhifa.Web.Infrastructure;

/// <summary>RFC 9457 problem details with stable codes: `type` ends in the code, `errors` names each field.</summary>
public static class Problems
{
    public const string TypeBase = "https://zhifa.cn/problems/";

    public static IResult Validation(IReadOnlyList<ValidationError> errors)
        => Results.Problem(new ProblemDetails
        {
            Type = TypeBase + "validation",
            Title = "输入有误",
            Status = StatusCodes.Status400BadRequest,
            Detail = string.Join("；", errors.Select(e => e.Message)),
            Extensions =
            {
                ["code"] = "validation",
                ["errors"] = errors.Select(e => new { field = e.Field, code = e.Code, message = e.Message }).ToArray(),
            },
        });

    public static IResult Validation(string field, string code, string message) => Validation([new ValidationError(field, code, message)]);

    /// <summary>
    /// A refused act: 403 when the actor may not make it, else 409 while its conditions are unmet; either way every
    /// reason is listed with its stable code (and its field, where it has one).
    /// </summary>
    public static IResult Refused<T>(Outcome<T> outcome)
    {
        bool forbidden = outcome.Forbidden.Count > 0;
        var reasons = outcome.Reasons;
        return Results.Problem(new ProblemDetails
        {
            Type = TypeBase + (forbidden ? "forbidden" : "conditions_unmet"),
            Title = forbidden ? "无权操作" : "条件未满足",
            Status = forbidden ? StatusCodes.Status403Forbidden : StatusCodes.Status409Conflict,
            Detail = string.Join("；", reasons.Select(e => e.Message)),
            Extensions =
            {
                ["code"] = forbidden ? "forbidden" : "conditions_unmet",
                ["errors"] = reasons.Select(e => new { field = e.Field, code = e.Code, message = e.Message }).ToArray(),
            },
        });
    }

    public static IResult NotFound(string what = "资源")
        => Problem(StatusCodes.Status404NotFound, "not_found", "未找到", $"{what}不存在或无权访问");

    public static IResult Conflict(string code, string detail)
        => Problem(StatusCodes.Status409Conflict, code, "操作冲突", detail);

    public static IResult Forbidden(string detail = "当前账号没有执行此操作的权限")
        => Problem(StatusCodes.Status403Forbidden, "forbidden", "无权操作", detail);

    public static IResult Problem(int status, string code, string title, string detail)
        => Results.Problem(new ProblemDetails
        {
            Type = TypeBase + code,
            Title = title,
            Status = status,
            Detail = detail,
            Extensions = { ["code"] = code },
        });
}

/// <summary>Turns a refused rule into a 400 problem on every API endpoint, so endpoints stay thin.</summary>
public sealed class DomainValidationFilter : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        try
        {
            return await next(context);
        }
        catch (DomainValidationException ex)
        {
            return Problems.Validation(ex.Errors);
        }
    }
}
