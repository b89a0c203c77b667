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
        JsonException { Path: { Length: > 2 } path } => $"字段 {path.TrimStart('$', '.')} 的值格式不正确",
        JsonException => "请求内容不是有效的 JSON",
        _ when bad.Message.Contains("body", StringComparison.OrdinalIgnoreCase) => "缺少请求内容或内容类型不是 application/json",
        _ => "请求参数格式不正确",
    };
}
