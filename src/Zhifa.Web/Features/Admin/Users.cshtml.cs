using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Zhifa.Web.Infrastructure;

namespace Zhifa.Web.Features.Admin;

public sealed class UsersModel(UserService users, CurrentUser me) : PageModel
{
    public List<UserView> Users { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync()
    {
        if (!me.IsAdministrator) return Forbid();
        Users = await users.ListAsync();
        return Page();
    }
}
