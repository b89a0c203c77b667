using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Zhifa.Domain.Calendar;
using Zhifa.Domain.Cases;
using Zhifa.Domain.Documents;
using Zhifa.Domain.Execution;
using Zhifa.Web.Features.Calendar;
using Zhifa.Web.Features.Decisions;
using Zhifa.Web.Tests.Cases;
using Zhifa.Web.Tests.Infrastructure;
using Zhifa.Web.Tests.Scope;

namespace Zhifa.Web.Tests.Execution;

/// <summary>Penalty cases brought to 决定 through the decision flow (notice served, waiver, the head's signature) for the execution tests.</summary>
internal static class ExecutionTestData
{
    public static readonly TimeZoneInfo China = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");

    public static DateOnly Today => CaseTestData.Today;

    /// <summary>The application's working-day calendar: periods ending on a rest day move, so expectations that run on the real clock ask it.</summary>
    public static Task<WorkingDayCalendar> CalendarAsync(this ZhifaFactory app) => app.Services.GetRequiredService<CalendarService>().GetAsync();

    /// <summary>The late fee on <paramref name="fine"/> after <paramref name="days"/> days, rounded to the fen as the rule does.</summary>
    public static decimal LateFee(decimal fine, int days) => decimal.Round(Math.Min(fine, fine * PaymentRules.DailyLateFeeRate * days), 2, MidpointRounding.AwayFromZero);

    /// <summary>A time of the China day <paramref name="daysAgo"/> days back, at 10:00, unspecified kind (read as China time).</summary>
    public static DateTime ChinaTime(int daysAgo) => Today.AddDays(-daysAgo).ToDateTime(new TimeOnly(10, 0));

    private static DateTime Utc(int daysAgo) => TimeZoneInfo.ConvertTimeToUtc(ChinaTime(daysAgo), China).AddHours(-1);

    public static async Task MoveAsync(this HttpClient api, int caseId, params string[] steps)
    {
        foreach (var step in steps)
        {
            var mover = step == CaseSteps.Notice ? await ZhifaFactory.CaseReviewerOfAsync(api) : api;
            var r = await mover.PostAsJsonAsync($"/api/v1/cases/{caseId}/steps", new { toStep = step });
            if (!r.IsSuccessStatusCode) throw new InvalidOperationException($"move to {step}: {await r.Content.ReadAsStringAsync()}");
        }
    }

    /// <summary>Opens a general penalty case, proposes the decision (a fine when given) and moves it to 决定.</summary>
    public static async Task<(HttpClient Api, int CaseId)> DecidedPenaltyAsync(this ZhifaFactory app, decimal? fineYuan = 1000m)
    {
        var api = await app.ApiClientAsync("handler");
        int caseId = (await api.OpenAsync(await app.PenaltyBodyAsync())).GetProperty("id").GetInt32();
        await Decisions.DecisionTestData.DecideAsync(app, api, caseId, fineYuan is null ? "Warning" : "Warning,Fine", fineYuan);
        return (api, caseId);
    }

    /// <summary>The decision document issued with the decision, or a newly generated 催告书; returns its id.</summary>
    public static async Task<int> DecisionDocumentAsync(this HttpClient api, int caseId, string type = "penalty-decision")
    {
        if (type == "penalty-decision")
        {
            var documents = await api.GetFromJsonAsync<List<JsonElement>>($"/api/v1/cases/{caseId}/documents");
            return documents!.Single(d => d.GetProperty("typeCode").GetString() == type).GetProperty("id").GetInt32();
        }
        var fields = new Dictionary<string, string> { ["催告内容"] = "缴纳罚款", ["期限"] = "十日内" };
        var r = await api.PostAsJsonAsync($"/api/v1/cases/{caseId}/documents", new { typeCode = type, fields });
        if (!r.IsSuccessStatusCode) throw new InvalidOperationException(await r.Content.ReadAsStringAsync());
        return (await r.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32();
    }

    /// <summary>Moves the decision (its step and its documents) back by <paramref name="daysAgo"/> days, as if decided then.</summary>
    public static Task BackdateDecisionAsync(this ZhifaFactory app, int caseId, int daysAgo) => app.WithDbAsync(async db =>
    {
        foreach (var h in await db.CaseSteps.Where(h => h.CaseId == caseId).ToListAsync()) h.At = Utc(daysAgo);
        foreach (var d in await db.Set<CaseDocument>().Where(d => d.CaseId == caseId).ToListAsync()) d.GeneratedAt = Utc(daysAgo);
        await db.SaveChangesAsync();
    });

    public static Task BackdateDocumentAsync(this ZhifaFactory app, int documentId, int daysAgo) => app.WithDbAsync(async db =>
    {
        (await db.Set<CaseDocument>().SingleAsync(d => d.Id == documentId)).GeneratedAt = Utc(daysAgo);
        await db.SaveChangesAsync();
    });

    public static Task<HttpResponseMessage> ServeAsync(this HttpClient api, int caseId, int documentId, int daysAgo = 0, string method = "Direct", object? extra = null)
    {
        var body = new Dictionary<string, object?>
        {
            ["documentId"] = documentId, ["method"] = method, ["recipient"] = "刘某",
            ["servedAt"] = daysAgo == 0 ? DateTime.UtcNow.ToString("o", CultureInfo.InvariantCulture) : ChinaTime(daysAgo).ToString("yyyy-MM-ddTHH:mm:ss", CultureInfo.InvariantCulture),
            ["place"] = "永兴县便江镇",
        };
        if (extra is not null)
            foreach (var p in extra.GetType().GetProperties()) body[p.Name] = p.GetValue(extra);
        return api.PostAsJsonAsync($"/api/v1/cases/{caseId}/services", body);
    }

    /// <summary>For tests of other areas that walk a case to closure: serves the issued decision directly.</summary>
    public static async Task ServeDecisionAsync(this HttpClient api, int caseId)
    {
        var r = await api.ServeAsync(caseId, await api.DecisionDocumentAsync(caseId));
        if (!r.IsSuccessStatusCode) throw new InvalidOperationException(await r.Content.ReadAsStringAsync());
    }

    public static async Task ClosingReportAsync(this HttpClient api, int caseId)
    {
        var r = await api.PostAsJsonAsync($"/api/v1/cases/{caseId}/closing-report", new { content = "" });
        if (!r.IsSuccessStatusCode) throw new InvalidOperationException(await r.Content.ReadAsStringAsync());
    }

    public static async Task<JsonElement> ExecutionAsync(this HttpClient api, int caseId)
        => await api.GetFromJsonAsync<JsonElement>($"/api/v1/cases/{caseId}/execution");

    public static decimal Dec(this JsonElement e, string name) => e.GetProperty(name).GetDecimal();
}

/// <summary>A payment arrangement and a court application of agency B for the scope test (rows written directly).</summary>
public sealed class ExecutionScopeRecords : IScopeProbeRecords
{
    public async Task<IReadOnlyDictionary<string, string>> CreateAsync(ZhifaFactory app, int agencyBId)
    {
        var api = await app.ApiClientAsync("handler");
        int caseId = (await api.OpenAsync(await app.PenaltyBodyAsync())).GetProperty("id").GetInt32();
        return await app.WithDbAsync(async db =>
        {
            var a = new PaymentArrangement
            {
                AgencyId = agencyBId, CaseId = caseId, Kind = ArrangementKind.Deferral, Reason = "经济困难", Schedule = "2027-03-01=1000.00",
                RequestedBy = "handler", RequestedAt = DateTime.UtcNow,
            };
            var e = new EnforcementApplication { AgencyId = agencyBId, CaseId = caseId, AppliedOn = CaseTestData.Today, Court = "永兴县人民法院", RecordedBy = "handler", RecordedAt = DateTime.UtcNow };
            db.AddRange(a, e);
            await db.SaveChangesAsync();
            return (IReadOnlyDictionary<string, string>)new Dictionary<string, string>
            {
                ["arrangementId"] = a.Id.ToString(CultureInfo.InvariantCulture),
                ["applicationId"] = e.Id.ToString(CultureInfo.InvariantCulture),
            };
        });
    }
}
