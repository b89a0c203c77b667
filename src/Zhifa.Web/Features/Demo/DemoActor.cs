using Microsoft.AspNetCore.Identity;
using Zhifa.Data.Accounts;

namespace Zhifa.Web.Features.Demo;

/// <summary>The demo acts through the real services as one of its accounts, the way a signed-in request would.</summary>
public static class DemoActor
{
    /// <summary>
    /// Runs <paramref name="work"/> in a scope of its own, signed in as <paramref name="userName"/>. It runs in a flow of
    /// its own too, so that acting as another account inside an act (the unit head's 案件审核 within the handler's
    /// work) leaves the outer account signed in.
    /// </summary>
    public static async Task AsAsync(IServiceScopeFactory scopes, IHttpContextAccessor accessor, string userName, Func<IServiceProvider, Task> work)
    {
        Task run;
        using (ExecutionContext.SuppressFlow()) run = Task.Run(() => RunAsAsync(scopes, accessor, userName, work));
        await run;
    }

    private static async Task RunAsAsync(IServiceScopeFactory scopes, IHttpContextAccessor accessor, string userName, Func<IServiceProvider, Task> work)
    {
        using var scope = scopes.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var user = await users.FindByNameAsync(userName) ?? throw new InvalidOperationException(userName);
        var principal = await scope.ServiceProvider.GetRequiredService<IUserClaimsPrincipalFactory<AppUser>>().CreateAsync(user);
        accessor.HttpContext = new DefaultHttpContext { User = principal, RequestServices = scope.ServiceProvider };
        // The services read the user when they are created, so they come from a scope made after the sign-in.
        using var acting = scopes.CreateScope();
        await work(acting.ServiceProvider);
    }
}
