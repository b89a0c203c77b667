using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Zhifa.Domain.Common;
using Zhifa.Domain.Officers;
using Zhifa.Web.Infrastructure;

namespace Zhifa.Web.Features.Officers;

/// <summary>
/// Registers a certificate (/officers/{officerId}/certificates/new) or corrects one and changes its state — 暂扣, 注销,
/// 恢复 — (/officers/{officerId}/certificates/{certificateId}/edit).
/// </summary>
public sealed class CertificateEditModel(OfficerService officers, CurrentUser me) : PageModel
{
    [TempData] public string? StatusMessage { get; set; }
    private static readonly IReadOnlyDictionary<string, string> Labels = new Dictionary<string, string>
    {
        ["ValidFrom"] = UiText.T("officers.valid_from"), ["ValidUntil"] = UiText.T("officers.valid_until"),
    };

    [BindProperty] public CertificateInput Input { get; set; } = new();
    [BindProperty] public CertificateStateInput StateForm { get; set; } = new();
    public Officer Officer { get; private set; } = null!;
    public Certificate? Certificate { get; private set; }
    public string StatusLabel => Certificate is null ? "" : Domain.Officers.Certificate.Label(Certificate.StatusOn(officers.Today));

    /// <summary>The state changes open to the certificate as it is now.</summary>
    public IEnumerable<CertificateState> NextStates => Certificate?.State switch
    {
        CertificateState.Active => [CertificateState.Suspended, CertificateState.Revoked],
        CertificateState.Suspended => [CertificateState.Active, CertificateState.Revoked],
        _ => [],
    };

    private async Task<IActionResult?> LoadAsync(int officerId, int? certificateId)
    {
        var o = await officers.FindVisibleAsync(officerId);
        if (o is null) return NotFound();
        Officer = o;
        if (certificateId is { } cid)
        {
            Certificate = o.Certificates.FirstOrDefault(c => c.Id == cid);
            if (Certificate is null) return NotFound();
        }
        if (!await me.CanAdminister(o.AgencyId)) return Forbid();
        return null;
    }

    public async Task<IActionResult> OnGetAsync(int officerId, int? certificateId)
    {
        if (await LoadAsync(officerId, certificateId) is { } refused) return refused;
        if (Certificate is { } c)
        {
            Input = new CertificateInput { Number = c.Number, Issuer = c.Issuer, ValidFrom = c.ValidFrom, ValidUntil = c.ValidUntil, Domains = c.Domains.Replace(",", "、", StringComparison.Ordinal) };
        }
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int officerId, int? certificateId)
    {
        if (await LoadAsync(officerId, certificateId) is { } refused) return refused;
        var unreadable = ModelState.RelabelBindingErrors(Labels);
        // The state form's fields are not part of this post.
        foreach (var key in ModelState.Keys.Where(k => k.StartsWith("StateForm", StringComparison.Ordinal)).ToList()) ModelState.Remove(key);
        if (unreadable.Count > 0)
        {
            // The other fields are still checked, so that one round names every problem.
            var others = Domain.Officers.Certificate.Validate(Input.Number, Input.Issuer, Input.ValidFrom, Input.ValidUntil, Input.Domains);
            ModelState.AddDomainErrors(new DomainValidationException(others.Items), "Input", unreadable);
            return Page();
        }
        try
        {
            if (Certificate is { } c) await officers.UpdateCertificateAsync(c, Input);
            else await officers.AddCertificateAsync(Officer, Input);
        }
        catch (DomainValidationException ex)
        {
            ModelState.AddDomainErrors(ex, "Input", unreadable);
            return Page();
        }
        StatusMessage = certificateId is null ? UiText.T("officers.certificate.created") : UiText.T("officers.certificate.saved");
        return RedirectToPage("/Officers/Detail", new { officerId });
    }

    public async Task<IActionResult> OnPostStateAsync(int officerId, int certificateId)
    {
        if (await LoadAsync(officerId, certificateId) is { } refused) return refused;
        ModelState.Clear();
        var c = Certificate!;
        try
        {
            await officers.ChangeStateAsync(c, StateForm);
        }
        catch (DomainValidationException ex)
        {
            ModelState.AddDomainErrors(ex, "StateForm", new HashSet<string>());
            Input = new CertificateInput { Number = c.Number, Issuer = c.Issuer, ValidFrom = c.ValidFrom, ValidUntil = c.ValidUntil, Domains = c.Domains.Replace(",", "、", StringComparison.Ordinal) };
            return Page();
        }
        StatusMessage = UiText.T("officers.certificate.state_changed", Domain.Officers.Certificate.ActionLabel(c.State));
        return RedirectToPage("/Officers/Detail", new { officerId });
    }
}
