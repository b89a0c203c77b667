using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Zhifa.Domain.Common;
using Zhifa.Web.Tests.Infrastructure;
using Zhifa.Web.Tests.Scope;

namespace Zhifa.Web.Tests.Cases;

/// <summary>Demo names and a valid case body for the case tests.</summary>
public static class CaseTestData
{
    public const string Health = "永兴县卫生健康局";
    public const string PenaltyMatter = "330217001000";
    public const string OtherPenaltyMatter = "330217002000";
    public const string InspectionMatter = "330617001000";

    private static int _serial = 100000;

    public static DateOnly Today => DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(DateTime.UtcNow, TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai")));

    public static string Iso(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>A fresh adult's ID number with its check digit, so that tests do not meet each other's parties.</summary>
    public static string NewIdNumber()
    {
        int n = Interlocked.Increment(ref _serial);
        var birth = new DateOnly(1970, 1, 1).AddDays(n / 1000);
        return IdentityCodes.CompleteIdCardNumber("431023" + birth.ToString("yyyyMMdd", CultureInfo.InvariantCulture) + (n % 1000).ToString("D3", CultureInfo.InvariantCulture));
    }

    public static string WrongCheckDigit(string id) => id[..17] + (id[17] == '0' ? '1' : '0');

    public static Task<int> AgencyIdAsync(this ZhifaFactory app, string name = Health)
        => app.WithDbAsync(db => db.Agencies.Where(a => a.Name == name).Select(a => a.Id).SingleAsync());

    public static Task<int> OfficerIdAsync(this ZhifaFactory app, string name)
        => app.WithDbAsync(db => db.Officers.Where(o => o.Name == name).Select(o => o.Id).SingleAsync());

    public static Task<int> MatterIdAsync(this ZhifaFactory app, string code)
        => app.WithDbAsync(db => db.Matters.Where(m => m.Code == code).Select(m => m.Id).SingleAsync());

    /// <summary>A valid penalty case of 永兴县卫生健康局 handled by 张伟 and 李娜 for one natural person.</summary>
    public static async Task<Dictionary<string, object?>> PenaltyBodyAsync(this ZhifaFactory app, string? idNumber = null, string matterCode = PenaltyMatter,
        DateOnly? actEndedOn = null, string category = "Penalty", params string[] officers)
    {
        var names = officers.Length == 0 ? ["张伟", "李娜"] : officers;
        var ids = new List<int>();
        foreach (var n in names) ids.Add(await app.OfficerIdAsync(n));
        return new Dictionary<string, object?>
        {
            ["category"] = category,
            ["procedure"] = category == "Penalty" ? "General" : null,
            ["matterId"] = await app.MatterIdAsync(matterCode),
            ["title"] = "未取得卫生许可证擅自营业",
            ["facts"] = "检查发现该场所未取得公共场所卫生许可证即营业。",
            ["place"] = "永兴县便江镇",
            ["actEndedOn"] = Iso(actEndedOn ?? Today.AddDays(-10)),
            ["parties"] = new[] { new Dictionary<string, object?> { ["kind"] = "NaturalPerson", ["name"] = "刘某", ["idNumber"] = idNumber ?? NewIdNumber(), ["phone"] = "13800001111" } },
            ["officerIds"] = ids,
        };
    }

    public static async Task<JsonElement> OpenAsync(this HttpClient api, Dictionary<string, object?> body)
    {
        var response = await api.PostAsJsonAsync("/api/v1/cases", body);
        if (response.StatusCode != System.Net.HttpStatusCode.Created)
            throw new InvalidOperationException($"opening failed: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }
}

/// <summary>A case and its party of 永兴县卫生健康局, opened through the API by `handler`, for the scope test.</summary>
public sealed class CaseScopeRecords : IScopeProbeRecords
{
    public async Task<IReadOnlyDictionary<string, string>> CreateAsync(ZhifaFactory app, int agencyBId)
    {
        var api = await app.ApiClientAsync("handler");
        var c = await api.OpenAsync(await app.PenaltyBodyAsync());
        return new Dictionary<string, string>
        {
            ["caseId"] = c.GetProperty("id").GetInt32().ToString(CultureInfo.InvariantCulture),
            ["partyId"] = c.GetProperty("parties")[0].GetProperty("id").GetInt32().ToString(CultureInfo.InvariantCulture),
        };
    }
}
