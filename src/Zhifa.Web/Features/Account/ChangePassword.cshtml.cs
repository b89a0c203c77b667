using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Zhifa.Data.Accounts;

namespace Zhifa.Web.Features.Account;

public sealed class ChangePasswordModel(UserManager<AppUser> users, SignInManager<AppUser> signIn) : PageModel
{
    [BindProperty] public InputModel Input { get; set; } = new();

    public sealed class InputModel
    {
        [Required(ErrorMessage = "请输入当前密码")][DataType(DataType.Password)][Display(Name = "当前密码")] public string OldPassword { get; set; } = "";
        [Required(ErrorMessage = "请输入新密码")][DataType(DataType.Password)][Display(Name = "新密码")] public string NewPassword { get; set; } = "";
        [Compare(nameof(NewPassword), ErrorMessage = "两次输入的新密码不一致")][DataType(DataType.Password)][Display(Name = "确认新密码")] public string ConfirmPassword { get; set; } = "";
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
        TempData["StatusMessage"] = "密码已修改";
        return RedirectToPage();
    }
}
