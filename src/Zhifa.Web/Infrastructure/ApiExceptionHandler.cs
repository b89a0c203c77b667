using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics;
using Zhifa.Domain.Common;

namespace Zhifa.Web.Infrastructure;

/// <summary>
/// A request the API cannot even read (malformed JSON, a wrong type, a missing body) still gets a problem that names
/// the field, like any other refused input.
/// </summary>
public sealed class ApiExceptionHandler : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken cancellationToken)
    {
        IResult? result = exception switch
        {
            DomainValidationException dv => Problems.Validation(dv.Errors),
            BadHttpRequestException bad => Problems.Validation(FieldOf(bad), "unreadable", MessageOf(bad)),
            _ => null,
        };
        if (result is null) return false;
        await result.ExecuteAsync(context);
        return true;
    }

    private static string FieldOf(BadHttpRequestException bad)
    {
        if (bad.InnerException is JsonException { Path: { } path } && path.Length > 2) return path.TrimStart('$', '.');
        return "body";
    }

    private static string MessageOf(BadHttpRequestException bad) => bad.InnerException switch
    {
        JsonException { Path: { Length: > 2 } path } => UiText.T("problem.bad_request.field", path.TrimStart('$', '.')),
        JsonException => UiText.T("problem.bad_request.json"),
        _ when bad.Message.Contains("body", StringComparison.OrdinalIgnoreCase) => UiText.T("problem.bad_request.body"),
        _ => UiText.T("problem.bad_request"),
    };
}
