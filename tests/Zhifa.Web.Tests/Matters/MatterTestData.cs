using Microsoft.EntityFrameworkCore;
using MiniExcelLibs;
using Zhifa.Web.Tests.Infrastructure;

namespace Zhifa.Web.Tests.Matters;

/// <summary>Ids of the demo data and builders of upload files, so the matters tests read as what a user does.</summary>
internal static class MatterTestData
{
    public const string Health = "永兴县卫生健康局";
    public const string Safety = "永兴县应急管理局";

    public static Task<int> AgencyIdAsync(this ZhifaFactory app, string name)
        => app.WithDbAsync(db => db.Agencies.Where(a => a.Name == name).Select(a => a.Id).SingleAsync());

    public static Task<int> UnitIdAsync(this ZhifaFactory app, string name)
        => app.WithDbAsync(db => db.Units.Where(u => u.Name == name).Select(u => u.Id).SingleAsync());

    public static Task<int> MatterIdAsync(this ZhifaFactory app, string code)
        => app.WithDbAsync(db => db.Matters.Where(m => m.Code == code).Select(m => m.Id).SingleAsync());

    public static async Task<int> MatterCountAsync(this ZhifaFactory app, string agency)
    {
        var id = await app.AgencyIdAsync(agency);
        return await app.WithDbAsync(db => db.Matters.CountAsync(m => m.AgencyId == id));
    }

    public static readonly string[] Header = ["事项编码", "事项名称", "事项类别", "承办机构", "法律名称", "条款", "条文", "随机抽查"];

    /// <summary>An .xlsx whose first row is <see cref="Header"/> and whose rows are given cell by cell in that order.</summary>
    public static byte[] Xlsx(params string[][] rows)
    {
        var table = rows.Select(r => Header.Select((h, i) => (h, v: (object?)(i < r.Length ? r[i] : null))).ToDictionary(x => x.h, x => x.v)).ToList();
        using var stream = new MemoryStream();
        stream.SaveAs(table, excelType: ExcelType.XLSX);
        return stream.ToArray();
    }

    public static string Csv(params string[][] rows)
        => string.Join("\r\n", new[] { Header }.Concat(rows).Select(r => string.Join(",", r.Select(c => c.Contains(',') ? $"\"{c}\"" : c)))) + "\r\n";

    public static MultipartFormDataContent Upload(byte[] content, string fileName, string field = "file")
    {
        var form = new MultipartFormDataContent();
        form.Add(new ByteArrayContent(content), field, fileName);
        return form;
    }
}
