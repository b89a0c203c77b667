using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Zhifa.Data;
using Zhifa.Data.Accounts;
using Zhifa.Web.Infrastructure;

namespace Zhifa.Web.Features.Account;

[AllowAnonymous]
public sealed class LoginModel(SignInManager<AppUser> signIn, UserManager<AppUser> users, AppDbContext db) : PageModel
{
    [BindProperty] public InputModel Input { get; set; } = new();
    [BindProperty(SupportsGet = true)] public string? ReturnUrl { get; set; }

    public sealed class InputModel
    {
        [Required(ErrorMessage = "account.login.user_name_required")][Display(Name = "account.login.user_name")] public string UserName { get; set; } = "";
        [Required(ErrorMessage = "account.login.password_required")][DataType(DataType.Password)][Display(Name = "account.login.password")] public string Password { get; set; } = "";
    }

    public void OnGet() { }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!ModelState.IsValid) return Page();
        var user = await users.FindByNameAsync(Input.UserName.Trim());
        var result = user is null
            ? Microsoft.AspNetCore.Identity.SignInResult.Failed
            : await signIn.PasswordSignInAsync(user, Input.Password, isPersistent: false, lockoutOnFailure: true);

        // Successes and failures alike go to the audit log (SEC-4); the attempted name is kept, never the password.
        string action = result.Succeeded ? "account.signed-in" : result.IsLockedOut ? "account.sign-in-locked-out" : "account.sign-in-failed";
        db.AddAuditEvent(action, "AppUser", user?.Id.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "", user?.AgencyId,
            details: "cookie", actorName: Input.UserName.Trim());
        await db.SaveChangesAsync();

        if (result.Succeeded) return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl! : "/");
        ModelState.AddModelError(string.Empty, result.IsLockedOut
            ? UiText.T("account.login.locked_out")
            : UiText.T("account.login.failed"));
        return Page();
    }
}
