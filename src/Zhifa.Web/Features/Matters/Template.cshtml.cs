using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Zhifa.Web.Infrastructure;

namespace Zhifa.Web.Features.Matters;

/// <summary>The import template: the header row and one example row.</summary>
public sealed class TemplateModel : PageModel
{
    public IActionResult OnGet() => File(MatterImport.Template(), MatterImport.XlsxContentType, UiText.T("matters.import.template_file"));
}
