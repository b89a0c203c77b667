using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Zhifa.Data.Accounts;
using Zhifa.Web.Infrastructure;

namespace Zhifa.Web.Features.Account;

public sealed class ChangePasswordModel(UserManager<AppUser> users, SignInManager<AppUser> signIn) : PageModel
{
    [BindProperty] public InputModel Input { get; set; } = new();
    [TempData] public string? StatusMessage { get; set; }

    public sealed class InputModel
    {
        [Required(ErrorMessage = "account.password.old_required")][DataType(DataType.Password)][Display(Name = "account.password.old")] public string OldPassword { get; set; } = "";
        [Required(ErrorMessage = "account.password.new_required")][DataType(DataType.Password)][Display(Name = "account.password.new")] public string NewPassword { get; set; } = "";
        [Compare(nameof(NewPassword), ErrorMessage = "account.password.mismatch")][DataType(DataType.Password)][Display(Name = "account.password.confirm")] public string ConfirmPassword { get; set; } = "";
    }

    public void OnGet() { }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!ModelState.IsValid) return Page();
        var user = await users.GetUserAsync(User);
        if (user is null) return NotFound();
        var result = await users.ChangePasswordAsync(user, Input.OldPassword, Input.NewPassword);
        if (!result.Succeeded)
        {
            foreach (var e in result.Errors)
                ModelState.AddModelError(e.Code == "password_mismatch" ? "Input.OldPassword" : "Input.NewPassword", e.Description);
            return Page();
        }
        await signIn.RefreshSignInAsync(user);
        StatusMessage = UiText.T("account.password.changed");
        return RedirectToPage();
    }
}
