using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Zhifa.Domain.Cases;
using Zhifa.Domain.Common;
using Zhifa.Domain.Records;
using Zhifa.Web.Infrastructure;
using static Zhifa.Web.Infrastructure.UiText;

namespace Zhifa.Web.Features.Records;

/// <summary>The records of one case (REC-5): what each shows, its SHA-256 and what the file itself says.</summary>
public sealed class IndexModel(RecordService records, RecordExtractionService extractions) : PageModel
{
    public Case Case { get; private set; } = new();
    public List<RecordDto> Records { get; private set; } = [];
    public bool MayHandle { get; private set; }
    [TempData] public string? ErrorMessage { get; set; }

    public async Task<IActionResult> OnGetAsync(int caseId)
    {
        var c = await records.FindVisibleCaseAsync(caseId);
        if (c is null) return NotFound();
        Case = c;
        Records = await records.ListAsync(c.Id);
        MayHandle = await records.MayHandleAsync(c.Id, c.AgencyId);
        return Page();
    }

    /// <summary>REC-10: the extracted copy with its statement page, for users who may view the record.</summary>
    public async Task<IActionResult> OnPostExtractAsync(int caseId, int recordId, string? purpose)
    {
        var r = await records.FindVisibleRecordAsync(recordId);
        if (r is null || r.CaseId != caseId) return NotFound();
        if (await records.MayViewAsync(r) is { Allowed: false }) return Forbid();
        try
        {
            var zip = await extractions.ExtractAsync(r, new ExtractionInput(purpose), HttpContext.RequestAborted);
            return File(zip, "application/zip", T("records.extraction.zip_name", Path.GetFileNameWithoutExtension(r.FileName)));
        }
        catch (DomainValidationException ex)
        {
            ErrorMessage = string.Join("；", ex.Errors.Select(e => e.Message));
            return RedirectToPage("/Records/Index", new { caseId });
        }
    }
}

/// <summary>The form fields of a record; times are China Standard Time as the browser's datetime-local gives them.</summary>
public sealed class RecordForm
{
    public string? Kind { get; set; }
    public string? Step { get; set; }
    public DateTime? StartedAt { get; set; }
    public DateTime? EndedAt { get; set; }
    public string? Place { get; set; }
    public int? CollectorOfficerId { get; set; }
    public string? Parties { get; set; }
    public string? Proves { get; set; }
    public string? DeviceNumber { get; set; }
    public string? Interruptions { get; set; }
    public string? InterruptionExplanation { get; set; }
    public bool LateApprovedInAdvance { get; set; }
    public string? LateApprovalNote { get; set; }
    public bool Sensitive { get; set; }

    public RecordInput ToInput() => new()
    {
        Kind = Kind, Step = Step, StartedAt = StartedAt is { } s ? DateTime.SpecifyKind(s, DateTimeKind.Unspecified) : null,
        EndedAt = EndedAt is { } e ? DateTime.SpecifyKind(e, DateTimeKind.Unspecified) : null, Place = Place,
        CollectorOfficerId = CollectorOfficerId, Parties = Parties, Proves = Proves, DeviceNumber = DeviceNumber,
        Interruptions = Interruptions, InterruptionExplanation = InterruptionExplanation,
        LateApprovedInAdvance = LateApprovedInAdvance, LateApprovalNote = LateApprovalNote, Sensitive = Sensitive,
    };
}

/// <summary>
/// Registers a record. With JavaScript, upload.js sends the file in resumable chunks to the API; without it the form
/// posts the file (up to 100 MB) here and it is streamed into the store.
/// </summary>
[RequestSizeLimit(MaxFormBytes)]
[RequestFormLimits(MultipartBodyLengthLimit = MaxFormBytes)]
public sealed class NewModel(RecordService records, Zhifa.Web.Features.Officers.OfficerService officerService) : PageModel
{
    public const long MaxFormFileBytes = 100L * 1024 * 1024;
    private const long MaxFormBytes = MaxFormFileBytes + 1024 * 1024;

    [BindProperty] public RecordForm Input { get; set; } = new();
    [BindProperty] public IFormFile? Upload { get; set; }
    [TempData] public string? StatusMessage { get; set; }

    public Case Case { get; private set; } = new();
    public List<(int Id, string Name)> Officers { get; private set; } = [];

    private async Task<IActionResult?> LoadAsync(int caseId)
    {
        var c = await records.FindVisibleCaseAsync(caseId);
        if (c is null) return NotFound();
        Case = c;
        if (!await records.MayHandleAsync(c.Id, c.AgencyId)) return Forbid();
        Officers = (await officerService.OfAgencyAsync(c.AgencyId, activeOnly: true)).Select(o => (o.Id, o.Name)).ToList();
        return null;
    }

    public async Task<IActionResult> OnGetAsync(int caseId)
    {
        if (await LoadAsync(caseId) is { } refused) return refused;
        Input.Kind = nameof(RecordKind.Video);
        Input.Step = Case.Step;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int caseId)
    {
        if (await LoadAsync(caseId) is { } refused) return refused;
        ModelState.Clear();
        try
        {
            await records.ValidateAsync(Case.AgencyId, Input.ToInput());
        }
        catch (DomainValidationException ex)
        {
            ModelState.AddDomainErrors(ex, "Input");
        }
        if (Upload is null || Upload.Length == 0) ModelState.AddModelError(nameof(Upload), T("records.upload.file_required"));
        else if (Upload.Length > MaxFormFileBytes) ModelState.AddModelError(nameof(Upload), T("records.upload.too_large"));
        if (!ModelState.IsValid) return Page();
        await using (var stream = Upload!.OpenReadStream())
            await records.RegisterStreamAsync(Case, Input.ToInput(), stream, Upload.FileName, Upload.ContentType);
        StatusMessage = T("records.done.registered", Path.GetFileName(Upload.FileName));
        return RedirectToPage("/Records/Index", new { caseId });
    }
}

/// <summary>REC-7: records registered late without approval, and interruptions without an explanation.</summary>
public sealed class LateModel(RecordService records) : PageModel
{
    public List<AttentionDto> Items { get; private set; } = [];

    public async Task OnGetAsync() => Items = await records.AttentionAsync();
}
