using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Zhifa.Web.Infrastructure;

namespace Zhifa.Web.Features.Officers;

/// <summary>A printable certificate card with the QR code of its public check page (亮证, ORG-3 / PUB-3).</summary>
public sealed class CertificatePrintModel(OfficerService officers, ZhifaOptions options) : PageModel
{
    public OfficerDto Officer { get; private set; } = null!;
    public CertificateDto Certificate { get; private set; } = null!;
    public string PublicUrl { get; private set; } = "";
    public string QrSvg { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync(int officerId, int certificateId)
    {
        var o = await officers.FindVisibleAsync(officerId);
        if (o is null || o.Certificates.All(c => c.Id != certificateId)) return NotFound();
        Officer = await officers.ToDtoAsync(o);
        Certificate = Officer.Certificates.Single(c => c.Id == certificateId);
        PublicUrl = CertificateQr.PublicUrl(options, Request, Certificate.Number);
        QrSvg = CertificateQr.Svg(PublicUrl);
        return Page();
    }
}
