using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Zhifa.Domain.Officers;
using Zhifa.Web.Features.Officers;

namespace Zhifa.Web.Features.Portal;

/// <summary>
/// 执法证查询 (ORG-3): the form at /gs/certificates (?number=) and the result at /gs/certificates/{number}, the address the
/// printed QR code holds. Anonymous; shows the public whitelist only.
/// </summary>
[AllowAnonymous]
public sealed class CertificatesModel(OfficerService officers) : PageModel
{
    public string? Number { get; private set; }
    public PublicCertificateDto? Result { get; private set; }
    public string? Error { get; private set; }
    public bool NotFoundShown { get; private set; }

    public async Task<IActionResult> OnGetAsync(string? number)
    {
        Number = number?.Trim();
        if (string.IsNullOrEmpty(Number)) return Page();
        var errors = Certificate.ValidateNumber(Number);
        if (errors.Any)
        {
            Error = errors.Items[0].Message;
            ModelState.AddModelError("number", Error);
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }
        Result = await officers.FindPublicAsync(Number);
        if (Result is null)
        {
            NotFoundShown = true;
            Response.StatusCode = StatusCodes.Status404NotFound;
        }
        return Page();
    }
}
