using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Zhifa.Data;
using Zhifa.Domain.Agencies;
using Zhifa.Domain.Cases;
using Zhifa.Domain.Common;
using Zhifa.Domain.Documents;
using Zhifa.Web.Infrastructure;
using static Zhifa.Web.Infrastructure.UiText;

namespace Zhifa.Web.Features.Documents;

/// <summary>The documents of one case and the form that generates a new one (REC-3).</summary>
public sealed class CaseDocumentsModel(DocumentService docs) : PageModel
{
    public Case Case { get; private set; } = new();
    public List<DocumentDto> Documents { get; private set; } = [];
    public bool MayHandle { get; private set; }
    public DocumentType? Selected { get; private set; }

    [BindProperty] public string? TypeCode { get; set; }
    [BindProperty] public Dictionary<string, string?> Fields { get; set; } = [];
    [TempData] public string? StatusMessage { get; set; }

    private async Task<bool> LoadAsync(int caseId)
    {
        var c = await docs.FindVisibleCaseAsync(caseId);
        if (c is null) return false;
        Case = c;
        Documents = await docs.ListAsync(c.Id);
        MayHandle = docs.MayHandle(c.AgencyId);
        return true;
    }

    public async Task<IActionResult> OnGetAsync(int caseId, string? type)
    {
        if (!await LoadAsync(caseId)) return NotFound();
        Selected = DocumentTypes.Find(type);
        TypeCode = Selected?.Code;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int caseId)
    {
        if (!await LoadAsync(caseId)) return NotFound();
        if (!MayHandle) return Forbid();
        Selected = DocumentTypes.Find(TypeCode);
        ModelState.Clear();
        try
        {
            var d = await docs.GenerateAsync(Case, new GenerateInput(TypeCode, Fields));
            StatusMessage = T("documents.done.generated", DocumentService.TypeName(d.TypeCode), (d.Number.Length > 0 ? T("documents.done.number", d.Number) : ""));
            return RedirectToPage("/Documents/Detail", new { documentId = d.Id });
        }
        catch (DomainValidationException ex)
        {
            foreach (var e in ex.Errors)
                ModelState.AddModelError(e.Field == "typeCode" ? nameof(TypeCode) : $"Fields[{e.Field}]", e.Message);
            return Page();
        }
    }
}

/// <summary>One document: download, the party's signing or refusal, and the signed scan.</summary>
public sealed class DocumentDetailModel(DocumentService docs, Zhifa.Web.Features.Cases.CaseService cases) : PageModel
{
    public DocumentDto Document { get; private set; } = null!;
    public string CaseNumber { get; private set; } = "";
    public bool MayHandle { get; private set; }

    public sealed class SignatureForm
    {
        public bool Refused { get; set; }
        public string? SignedBy { get; set; }
        public DateTime? SignedAt { get; set; }
        public string? Reason { get; set; }
        public string? Witness { get; set; }
    }

    [BindProperty] public SignatureForm Input { get; set; } = new();
    [BindProperty] public IFormFile? Upload { get; set; }
    [TempData] public string? StatusMessage { get; set; }

    private CaseDocument _entity = null!;

    private async Task<bool> LoadAsync(int documentId)
    {
        var d = await docs.FindVisibleDocumentAsync(documentId);
        if (d is null) return false;
        _entity = d;
        Document = DocumentService.ToDto(d);
        CaseNumber = await cases.NumberAsync(d.CaseId);
        MayHandle = docs.MayHandle(d.AgencyId);
        return true;
    }

    public async Task<IActionResult> OnGetAsync(int documentId) => await LoadAsync(documentId) ? Page() : NotFound();

    public async Task<IActionResult> OnPostSignatureAsync(int documentId)
    {
        if (!await LoadAsync(documentId)) return NotFound();
        if (!MayHandle) return Forbid();
        ModelState.Clear();
        try
        {
            var at = Input.SignedAt is { } s ? DateTime.SpecifyKind(s, DateTimeKind.Unspecified) : (DateTime?)null;
            if (!await docs.RecordSignatureAsync(_entity, new SignatureInput(Input.Refused, Input.SignedBy, at, Input.Reason, Input.Witness)))
            {
                ModelState.AddModelError("", T("documents.signature.already_recorded"));
                return Page();
            }
        }
        catch (DomainValidationException ex)
        {
            ModelState.AddDomainErrors(ex, "Input");
            return Page();
        }
        StatusMessage = Input.Refused ? T("documents.done.refusal_recorded") : T("documents.done.signature_recorded");
        return RedirectToPage("/Documents/Detail", new { documentId });
    }

    public async Task<IActionResult> OnPostScanAsync(int documentId)
    {
        if (!await LoadAsync(documentId)) return NotFound();
        if (!MayHandle) return Forbid();
        ModelState.Clear();
        try
        {
            await docs.UploadScanAsync(_entity, Upload);
        }
        catch (DomainValidationException ex)
        {
            foreach (var e in ex.Errors) ModelState.AddModelError(nameof(Upload), e.Message);
            return Page();
        }
        StatusMessage = T("documents.done.scan_uploaded");
        return RedirectToPage("/Documents/Detail", new { documentId });
    }
}

/// <summary>The document templates of an agency, every version kept; administrators upload new versions.</summary>
public sealed class DocumentTemplatesModel(DocumentService docs, CurrentUser me, Zhifa.Web.Features.Agencies.AgencyService agencyService) : PageModel
{
    public List<Agency> Agencies { get; private set; } = [];
    public Agency? Agency { get; private set; }
    public List<TemplateDto> Templates { get; private set; } = [];
    public bool MayAdminister { get; private set; }
    public string? FileError { get; private set; }

    [BindProperty(SupportsGet = true)] public int? AgencyId { get; set; }
    [BindProperty] public string? TypeCode { get; set; }
    [BindProperty] public string? Note { get; set; }
    [BindProperty] public IFormFile? Upload { get; set; }
    [TempData] public string? StatusMessage { get; set; }

    private async Task<bool> LoadAsync()
    {
        Agencies = await agencyService.VisibleListAsync();
        int? id = AgencyId ?? me.AgencyId ?? Agencies.FirstOrDefault()?.Id;
        if (id is null) return true;
        Agency = Agencies.FirstOrDefault(a => a.Id == id);
        if (Agency is null) return false;
        AgencyId = Agency.Id;
        Templates = await docs.ListTemplatesAsync(Agency.Id);
        MayAdminister = await me.CanAdminister(Agency.Id);
        return true;
    }

    public async Task<IActionResult> OnGetAsync() => await LoadAsync() ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync()
    {
        if (!await LoadAsync() || Agency is null) return NotFound();
        if (!MayAdminister) return Forbid();
        ModelState.Clear();
        var type = DocumentTypes.Find(TypeCode);
        if (type is null)
        {
            ModelState.AddModelError(nameof(TypeCode), T("documents.template.type_required"));
            return Page();
        }
        try
        {
            var t = await docs.UploadTemplateAsync(Agency.Id, type, Upload, Note);
            StatusMessage = T("documents.done.template_uploaded", type.Name, t.Version);
            return RedirectToPage("/Documents/Templates", new { agencyId = Agency.Id });
        }
        catch (DomainValidationException ex)
        {
            FileError = string.Join("；", ex.Errors.Select(e => e.Message));
            foreach (var e in ex.Errors) ModelState.AddModelError(e.Field == "note" ? nameof(Note) : nameof(Upload), e.Message);
            Templates = await docs.ListTemplatesAsync(Agency.Id);
            return Page();
        }
    }
}
