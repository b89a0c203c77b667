using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Zhifa.Domain.Common;
using Zhifa.Domain.Publicity;
using Zhifa.Web.Infrastructure;

namespace Zhifa.Web.Features.Publicity;

/// <summary>
/// /publicity/decisions/{publicationId}: one decision's publication — the summary, the redaction to confirm span by
/// span, non-disclosure, the approval chain, and after release its legal status, withdrawal and new versions.
/// </summary>
public sealed class DecisionModel(PublicationService publications, DecisionPublicationService svc) : PageModel
{
    public PublicationDetail Detail { get; private set; } = null!;
    public RedactionView? Redaction { get; private set; }
    public bool MayPrepare { get; private set; }
    public bool MayApprove { get; private set; }
    public bool MayManage { get; private set; }

    [BindProperty] public string? Form { get; set; }
    [BindProperty] public string? TitleText { get; set; }
    [BindProperty] public string? Violation { get; set; }
    [BindProperty] public string? LegalBasis { get; set; }
    [BindProperty] public string? Conclusion { get; set; }
    [BindProperty] public string? SourceSha256 { get; set; }
    /// <summary>Each kept span as "start:length:kind".</summary>
    [BindProperty] public List<string> Keep { get; set; } = [];
    [BindProperty] public string? AlsoHide { get; set; }
    [BindProperty] public string? Ground { get; set; }
    [BindProperty] public string? Reason { get; set; }
    [BindProperty] public string? Exception { get; set; }
    [BindProperty] public string? ExceptionReason { get; set; }
    [BindProperty] public string? Note { get; set; }
    [BindProperty] public string? LegalStatus { get; set; }
    [BindProperty] public DateOnly? ChangedOn { get; set; }

    private Publication _p = null!;

    private async Task FillAsync()
    {
        Detail = await svc.DetailAsync(_p);
        Redaction = _p.Form == PublicationForm.FullText ? await svc.RedactionAsync(_p) : null;
        MayPrepare = _p.Status == PublicationStatus.Draft && svc.WhyNotPrepare(_p) is null;
        MayApprove = _p.Status == PublicationStatus.Approving && await publications.WhyNotApproveAsync(_p) is null;
        MayManage = _p.Status == PublicationStatus.Published && svc.WhyNotManage(_p) is null;
        Form ??= _p.Form.ToString();
        TitleText ??= _p.Title;
        Violation ??= _p.Violation;
        LegalBasis ??= _p.LegalBasis;
        Conclusion ??= _p.Conclusion;
    }

    public async Task<IActionResult> OnGetAsync(int publicationId)
    {
        if (await publications.FindVisibleAsync(publicationId) is not { } p || p.Kind != PublicationKind.Decision) return NotFound();
        _p = p;
        await FillAsync();
        return Page();
    }

    public Task<IActionResult> OnPostContentAsync(int publicationId) => ActAsync(publicationId, Who.Preparer,
        p => svc.SaveContentAsync(p, new ContentInput(Form, TitleText, Violation, LegalBasis, Conclusion)), "已保存");

    public Task<IActionResult> OnPostRedactionAsync(int publicationId) => ActAsync(publicationId, Who.Preparer,
        p => svc.ConfirmRedactionAsync(p, new RedactionConfirmInput(SourceSha256, [.. Keep.Select(ParseSpan)],
            [.. Zhifa.Domain.Redaction.RedactionInput.SplitNames(AlsoHide)])), "脱敏已确认");

    public Task<IActionResult> OnPostNonDisclosureAsync(int publicationId) => ActAsync(publicationId, Who.Preparer,
        p => svc.ProposeNonDisclosureAsync(p, new NonDisclosureInput(Ground, Reason, Exception, ExceptionReason)), "已记录，提交审核后由主要负责人审签");

    public Task<IActionResult> OnPostClearNonDisclosureAsync(int publicationId) => ActAsync(publicationId, Who.Preparer,
        svc.ClearNonDisclosureAsync, "已取消不予公开");

    public Task<IActionResult> OnPostSubmitAsync(int publicationId) => ActAsync(publicationId, Who.Preparer,
        p => publications.SubmitAsync(p, new ApprovalInput(Note)), "已提交审核");

    public Task<IActionResult> OnPostApproveAsync(int publicationId) => ActAsync(publicationId, Who.Approver,
        p => publications.ApproveAsync(p, new ApprovalInput(Note)), "已审核同意");

    public Task<IActionResult> OnPostReturnAsync(int publicationId) => ActAsync(publicationId, Who.Approver,
        p => publications.ReturnAsync(p, new ApprovalInput(Note)), "已退回承办单位");

    public Task<IActionResult> OnPostLegalStatusAsync(int publicationId) => ActAsync(publicationId, Who.Manager,
        p => svc.SetLegalStatusAsync(p, new LegalStatusInput(LegalStatus, Note, ChangedOn)), "法律状态已更新");

    public Task<IActionResult> OnPostWithdrawAsync(int publicationId) => ActAsync(publicationId, Who.Manager,
        p => svc.WithdrawAsync(p, new WithdrawInput(Reason)), "已撤回，门户显示撤回理由");

    public async Task<IActionResult> OnPostNewVersionAsync(int publicationId)
    {
        if (await publications.FindVisibleAsync(publicationId) is not { } p || p.Kind != PublicationKind.Decision) return NotFound();
        if (svc.WhyNotPrepare(p) is not null) return Forbid();
        try
        {
            var next = await svc.NewVersionAsync(p);
            TempData["StatusMessage"] = $"已新建第 {next.Version} 版草稿";
            return Redirect($"/publicity/decisions/{next.Id}");
        }
        catch (DomainValidationException ex)
        {
            _p = p;
            return await InvalidAsync(ex);
        }
    }

    private static SpanInput ParseSpan(string value)
    {
        var parts = value.Split(':');
        return parts.Length == 3 && int.TryParse(parts[0], out int start) && int.TryParse(parts[1], out int length)
            ? new SpanInput(start, length, parts[2]) : new SpanInput(-1, 0, null);
    }

    private enum Who { Preparer, Approver, Manager }

    private async Task<IActionResult> ActAsync(int publicationId, Who who, Func<Publication, Task> act, string done)
    {
        if (await publications.FindVisibleAsync(publicationId) is not { } p || p.Kind != PublicationKind.Decision) return NotFound();
        var why = who switch
        {
            Who.Preparer => svc.WhyNotPrepare(p),
            Who.Approver => await publications.WhyNotApproveAsync(p),
            _ => svc.WhyNotManage(p),
        };
        if (why is not null) return Forbid();
        _p = p;
        try
        {
            await act(p);
        }
        catch (DomainValidationException ex)
        {
            return await InvalidAsync(ex);
        }
        TempData["StatusMessage"] = done;
        return Redirect($"/publicity/decisions/{publicationId}");
    }

    private async Task<IActionResult> InvalidAsync(DomainValidationException ex)
    {
        ModelState.AddDomainErrors(ex, "");
        await FillAsync();
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }
}
