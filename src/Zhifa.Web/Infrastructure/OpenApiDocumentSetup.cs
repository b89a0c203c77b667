using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Zhifa.Web.Infrastructure;

/// <summary>
/// What the OpenAPI document says beyond the endpoints themselves: how a caller authenticates (an API token as a bearer
/// credential, or the browser's sign-in cookie), which operations need neither (the public portal), and no server URL
/// ending in a slash (paths start with one).
/// </summary>
public static class OpenApiDocumentSetup
{
    private const string Bearer = "bearer";
    private const string Cookie = "cookie";

    public static void Configure(OpenApiOptions options)
    {
        options.AddDocumentTransformer((document, _, _) =>
        {
            foreach (var server in document.Servers ?? []) server.Url = server.Url?.TrimEnd('/');
            document.Components ??= new OpenApiComponents();
            document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
            document.Components.SecuritySchemes[Bearer] = new OpenApiSecurityScheme
            {
                Type = SecuritySchemeType.Http, Scheme = "bearer", Description = UiText.T("api.security.bearer"),
            };
            document.Components.SecuritySchemes[Cookie] = new OpenApiSecurityScheme
            {
                Type = SecuritySchemeType.ApiKey, In = ParameterLocation.Cookie, Name = "zhifa",
                Description = UiText.T("api.security.cookie"),
            };
            document.Security =
            [
                new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(Bearer, document)] = [] },
                new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(Cookie, document)] = [] },
            ];
            return Task.CompletedTask;
        });
        // The portal's operations are open to anyone: an empty requirement says so.
        options.AddOperationTransformer((operation, context, _) =>
        {
            if (context.Description.ActionDescriptor.EndpointMetadata.OfType<IAllowAnonymous>().Any())
                operation.Security = [new OpenApiSecurityRequirement()];
            return Task.CompletedTask;
        });
    }
}
