using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Zhifa.Web.Features.Matters;

/// <summary>The import template: the header row and one example row.</summary>
public sealed class TemplateModel : PageModel
{
    public IActionResult OnGet() => File(MatterImport.Template(), MatterImport.XlsxContentType, "执法事项清单导入模板.xlsx");
}
