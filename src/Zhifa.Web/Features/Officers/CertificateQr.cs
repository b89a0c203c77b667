using QRCoder;
using Zhifa.Web.Infrastructure;

namespace Zhifa.Web.Features.Officers;

/// <summary>The QR code printed on a certificate (ORG-3, PUB-3): it leads anyone who scans it to the public check page.</summary>
public static class CertificateQr
{
    /// <summary>The absolute address of the public check page; the configured public base wins, since staff may print from an intranet host.</summary>
    public static string PublicUrl(ZhifaOptions options, HttpRequest request, string number)
    {
        var baseUrl = string.IsNullOrWhiteSpace(options.PublicBaseUrl)
            ? $"{request.Scheme}://{request.Host}{request.PathBase}"
            : options.PublicBaseUrl.Trim();
        return baseUrl.TrimEnd('/') + "/gs/certificates/" + Uri.EscapeDataString(number);
    }

    /// <summary>An inline SVG that scales to its container; generated from the text alone, so it is safe to embed.</summary>
    public static string Svg(string text)
    {
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(text, QRCodeGenerator.ECCLevel.M);
        var svg = new SvgQRCode(data).GetGraphic(8, "#000000", "#ffffff", true, SvgQRCode.SizingMode.ViewBoxAttribute);
        // The XML declaration is not allowed inside an HTML document.
        int start = svg.IndexOf("<svg", StringComparison.Ordinal);
        return start > 0 ? svg[start..] : svg;
    }
}
