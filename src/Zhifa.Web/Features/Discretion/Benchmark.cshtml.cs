using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Zhifa.Domain.Common;
using Zhifa.Domain.Discretion;
using Zhifa.Domain.Matters;
using Zhifa.Web.Features.Matters;
using Zhifa.Web.Infrastructure;

namespace Zhifa.Web.Features.Discretion;

/// <summary>One grade as the form shows it: the circumstances are one textarea, one per line.</summary>
public sealed class GradeForm
{
    public string? Tier { get; set; }
    public string? Label { get; set; }
    public string? Circumstances { get; set; }
    public string? Standard { get; set; }
    public bool Warning { get; set; }
    public decimal? FineMinYuan { get; set; }
    public decimal? FineMaxYuan { get; set; }
    public decimal? CitizenFineMinYuan { get; set; }
    public decimal? CitizenFineMaxYuan { get; set; }
    public decimal? GainsMultipleMin { get; set; }
    public decimal? GainsMultipleMax { get; set; }

    public bool IsBlank => string.IsNullOrWhiteSpace(Tier) && string.IsNullOrWhiteSpace(Circumstances) && string.IsNullOrWhiteSpace(Standard)
        && string.IsNullOrWhiteSpace(Label) && FineMaxYuan is null && FineMinYuan is null && CitizenFineMaxYuan is null && GainsMultipleMax is null;
}

public sealed class BenchmarkForm
{
    public string? Behaviour { get; set; }
    public string? Basis { get; set; }
    public string? Source { get; set; }
    public List<GradeForm> Grades { get; set; } = [];
}

/// <summary>
/// The benchmark of a penalty matter (/matters/{matterId}/benchmark): everyone who sees the matter reads it; its
/// administrators edit it (blank grade rows are ignored, "增加一行" adds one without JavaScript) or import it from a CSV.
/// </summary>
public sealed class BenchmarkModel(MatterService matters, BenchmarkService benchmarks, CurrentUser me) : PageModel
{
    [TempData] public string? StatusMessage { get; set; }
    private const int BlankRows = 2;

    public Matter Matter { get; private set; } = null!;
    public DiscretionBenchmark? Benchmark { get; private set; }
    public bool CanEdit { get; private set; }
    [BindProperty] public BenchmarkForm Input { get; set; } = new();
    [BindProperty] public IFormFile? Upload { get; set; }
    public string? ImportError { get; private set; }
    public IReadOnlyList<BenchmarkSheetError> RowErrors { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int matterId)
    {
        if (await LoadAsync(matterId) is { } missing) return missing;
        if (Benchmark is { } b)
            Input = new BenchmarkForm
            {
                Behaviour = b.Behaviour, Basis = b.Basis, Source = b.Source,
                Grades = b.Ordered.Select(g => new GradeForm
                {
                    Tier = g.Tier.ToString(), Label = g.Label, Circumstances = g.Circumstances, Standard = g.Standard, Warning = g.Warning,
                    FineMinYuan = g.FineMinYuan, FineMaxYuan = g.FineMaxYuan, CitizenFineMinYuan = g.CitizenFineMinYuan, CitizenFineMaxYuan = g.CitizenFineMaxYuan,
                    GainsMultipleMin = g.GainsMultipleMin, GainsMultipleMax = g.GainsMultipleMax,
                }).ToList(),
            };
        else Input.Behaviour = Matter.Name;
        return Show();
    }

    public async Task<IActionResult> OnPostAddRowAsync(int matterId)
    {
        if (await LoadAsync(matterId, edit: true) is { } refused) return refused;
        ModelState.Clear();
        Input.Grades.Add(new GradeForm());
        return Show();
    }

    public async Task<IActionResult> OnPostAsync(int matterId)
    {
        if (await LoadAsync(matterId, edit: true) is { } refused) return refused;
        Input.Grades = Input.Grades.Where(g => !g.IsBlank).ToList();
        ModelState.Clear();
        try
        {
            await benchmarks.SaveAsync(Matter, new BenchmarkInput
            {
                Behaviour = Input.Behaviour, Basis = Input.Basis, Source = Input.Source,
                Grades = Input.Grades.Select(g => new GradeInput
                {
                    Tier = g.Tier, Label = g.Label, Circumstances = [g.Circumstances ?? ""], Standard = g.Standard, Warning = g.Warning,
                    FineMinYuan = g.FineMinYuan, FineMaxYuan = g.FineMaxYuan, CitizenFineMinYuan = g.CitizenFineMinYuan, CitizenFineMaxYuan = g.CitizenFineMaxYuan,
                    GainsMultipleMin = g.GainsMultipleMin, GainsMultipleMax = g.GainsMultipleMax,
                }).ToList(),
            });
            StatusMessage = UiText.T("discretion.saved");
            return RedirectToPage();
        }
        catch (DomainValidationException ex)
        {
            foreach (var e in ex.Errors) ModelState.AddModelError(FormKey(e.Field), e.Message);
            return Show();
        }
    }

    public async Task<IActionResult> OnPostImportAsync(int matterId)
    {
        if (await LoadAsync(matterId, edit: true) is { } refused) return refused;
        ModelState.Clear();
        if (Upload is null || Upload.Length == 0) ImportError = UiText.T("discretion.import.error.file_required");
        else
        {
            await using var stream = Upload.OpenReadStream();
            var result = await benchmarks.ImportAsync(Matter, stream, Upload.FileName);
            if (result.Succeeded)
            {
                StatusMessage = UiText.T("discretion.imported", result.Benchmark!.Grades.Count, result.Benchmark.Version);
                return RedirectToPage();
            }
            ImportError = result.FileError ?? UiText.T("discretion.import.error.rows", result.RowErrors.Select(e => e.RowNumber).Distinct().Count());
            RowErrors = result.RowErrors;
        }
        await OnGetAsync(matterId);
        return Page();
    }

    /// <summary>grades[1].fineMaxYuan → Input.Grades[1].FineMaxYuan, so the message sits beside its field.</summary>
    private static string FormKey(string field)
        => "Input." + string.Join('.', field.Split('.').Select(s => s.Length == 0 ? s : char.ToUpperInvariant(s[0]) + s[1..]));

    private async Task<IActionResult?> LoadAsync(int matterId, bool edit = false)
    {
        var m = await matters.FindVisibleAsync(matterId);
        if (m is null) return NotFound();
        Matter = m;
        CanEdit = await me.CanAdminister(m.AgencyId) && m.Category == MatterCategory.Penalty;
        if (edit && !CanEdit) return Forbid();
        Benchmark = await benchmarks.FindAsync(matterId);
        return null;
    }

    private PageResult Show()
    {
        for (int i = 0; i < BlankRows; i++) Input.Grades.Add(new GradeForm());
        return Page();
    }

    public static string Amount(decimal? value) => value?.ToString("0.##", CultureInfo.InvariantCulture) ?? "";
}
