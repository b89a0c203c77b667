using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Zhifa.Domain.Common;
using Zhifa.Domain.Rules;

namespace Zhifa.Web.Infrastructure;

/// <summary>
/// RFC 9457 problem details with stable codes: `type` ends in the code, `errors` names each field. Typed
/// (<see cref="ProblemHttpResult"/>) so a handler can declare <c>Results&lt;Ok&lt;T&gt;, ProblemHttpResult&gt;</c>.
/// </summary>
public static class Problems
{
    public const string TypeBase = "https://zhifa.cn/problems/";

    public static ProblemHttpResult Validation(IReadOnlyList<ValidationError> errors)
        => TypedResults.Problem(new ProblemDetails
        {
            Type = TypeBase + "validation",
            Title = UiText.T("problem.validation"),
            Status = StatusCodes.Status400BadRequest,
            Detail = string.Join(UiText.T("list.semicolon"), errors.Select(e => e.Message)),
            Extensions =
            {
                ["code"] = "validation",
                ["errors"] = errors.Select(e => new { field = e.Field, code = e.Code, message = e.Message }).ToArray(),
            },
        });

    public static ProblemHttpResult Validation(string field, string code, string message) => Validation([new ValidationError(field, code, message)]);

    /// <summary>
    /// A refused act: 403 when the actor may not make it, else 409 while its conditions are unmet; either way every
    /// reason is listed with its stable code (and its field, where it has one).
    /// </summary>
    public static ProblemHttpResult Refused<T>(Outcome<T> outcome)
    {
        bool forbidden = outcome.Forbidden.Count > 0;
        var reasons = outcome.Reasons;
        return TypedResults.Problem(new ProblemDetails
        {
            Type = TypeBase + (forbidden ? "forbidden" : "conditions_unmet"),
            Title = UiText.T(forbidden ? "problem.forbidden" : "problem.conditions_unmet"),
            Status = forbidden ? StatusCodes.Status403Forbidden : StatusCodes.Status409Conflict,
            Detail = string.Join(UiText.T("list.semicolon"), reasons.Select(e => e.Message)),
            Extensions =
            {
                ["code"] = forbidden ? "forbidden" : "conditions_unmet",
                ["errors"] = reasons.Select(e => new { field = e.Field, code = e.Code, message = e.Message }).ToArray(),
            },
        });
    }

    /// <summary>404 naming what was looked for (<paramref name="what"/> is already text, e.g. <c>T("case")</c>).</summary>
    public static ProblemHttpResult NotFound(string? what = null)
        => Problem(StatusCodes.Status404NotFound, "not_found", UiText.T("problem.not_found"), UiText.T("problem.not_found.detail", what ?? UiText.T("problem.resource")));

    public static ProblemHttpResult Conflict(string code, string detail)
        => Problem(StatusCodes.Status409Conflict, code, UiText.T("problem.conflict"), detail);

    public static ProblemHttpResult Forbidden(string? detail = null)
        => Problem(StatusCodes.Status403Forbidden, "forbidden", UiText.T("problem.forbidden"), detail ?? UiText.T("problem.forbidden.detail"));

    public static ProblemHttpResult Problem(int status, string code, string title, string detail)
        => TypedResults.Problem(new ProblemDetails
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
