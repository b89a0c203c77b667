using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Zhifa.Data;
using Zhifa.Data.Accounts;
using Zhifa.Domain.Cases;
using Zhifa.Domain.Common;
using Zhifa.Web.Features.Cases;
using Zhifa.Web.Features.Documents;
using Zhifa.Web.Features.Records;

namespace Zhifa.Web.Features.Demo;

/// <summary>
/// Demo cases of every category at different steps, opened, moved, recorded and documented through the same services
/// and rules as the pages, acting as the demo handlers — so the demo can never show what the rules would refuse.
/// </summary>
public sealed class DemoCases(IServiceScopeFactory scopes, IHttpContextAccessor accessor)
{
    private static readonly DateTime Now = DateTime.UtcNow;

    public async Task SeedAsync()
    {
        try
        {
            await AsAsync("handler", async s =>
            {
                var hotel = Organisation("永兴县便江镇悦来宾馆有限公司", "91431023MA4L2K7P3", "陈某", "永兴县便江镇解放路 12 号");
                var statement = await OpenAsync(s, "Penalty", "General", "330217001000", "悦来宾馆未取得公共场所卫生许可证擅自营业", hotel, "张伟", "李娜");
                await MoveAsync(s, statement, CaseSteps.Investigation, "悦来宾馆");
                await PhotoAsync(s, statement, CaseSteps.Investigation, "前台未悬挂卫生许可证", "张伟");
                await DocumentAsync(s, statement, "site-record", new() { ["时间"] = Local(-26) + "至" + Local(-25), ["内容"] = "经查，该宾馆正在对外营业，前台未悬挂公共场所卫生许可证，经营者未能出示有效卫生许可证。" });
                await DocumentAsync(s, statement, "inquiry-record", new() { ["时间"] = Local(-24), ["被询问人"] = "陈某（该公司法定代表人）", ["问答"] = "问：宾馆是否取得公共场所卫生许可证？\n答：还没有办下来，已经营业两个月。" });
                foreach (var step in new[] { CaseSteps.InternalReview, CaseSteps.Notice }) await MoveAsync(s, statement, step, "");
                await NoticeServedAsync(s, statement);
                await MoveAsync(s, statement, CaseSteps.Statement, "");

                var clinic = Organisation("永兴县便江镇康宁诊所", "92431023MA4M8N6Q2", "黄某", "永兴县便江镇人民路 88 号");
                await OpenAsync(s, "Penalty", "General", "330217003000", "康宁诊所使用非卫生技术人员从事医疗卫生技术工作", clinic, "刘洋", "杨帆");

                var shop = Organisation("永兴县悦容美发店", "92431023MA4N3T8X1", "罗某", "永兴县便江镇银都大道 5 号");
                var simple = await OpenAsync(s, "Penalty", "Simple", "330217002000", "悦容美发店未按规定对顾客用品用具进行卫生检测", shop, "张伟", "王强");
                await s.GetRequiredService<Decisions.ProposalService>().SaveAsync(simple, DemoBenchmarks.SimpleCaseProposal());
                await MoveAsync(s, simple, CaseSteps.Decided, "悦容美发店");
                // Service and closure have their own conditions (送达回证, 结案报告): met through the execution service like on the page.
                var decision = await s.GetRequiredService<DocumentService>().GenerateAsync(simple, new GenerateInput("penalty-decision", new() { ["法律依据"] = "《公共场所卫生管理条例实施细则》第三十六条", ["决定内容"] = "警告" }));
                var execution = s.GetRequiredService<Execution.ExecutionService>();
                await execution.AddServiceAsync(simple, new(decision.Id, "Direct", "罗某", DateTime.UtcNow, "悦容美发店", null, null, null, null, null, null, null, null));
                foreach (var step in new[] { CaseSteps.Served, CaseSteps.Executed }) await MoveAsync(s, simple, step, "悦容美发店");
                await execution.ClosingReportAsync(simple, new("当场作出警告决定并当场交付。"));
                foreach (var step in new[] { CaseSteps.Closed, CaseSteps.Archived }) await MoveAsync(s, simple, step, "悦容美发店");

                var inn = Organisation("永兴县如意旅社", "92431023MA4P5W2Y7", "刘某", "永兴县便江镇车站路 3 号");
                var inspection = await OpenAsync(s, "Inspection", null, "330617001000", "如意旅社公共场所卫生监督检查", inn, "李娜", "王强");
                await MoveAsync(s, inspection, CaseSteps.OnSiteInspection, "如意旅社");
                await PhotoAsync(s, inspection, CaseSteps.OnSiteInspection, "客房床上用品更换记录", "李娜");
                await MoveAsync(s, inspection, CaseSteps.InspectionResult, "如意旅社");

                var licence = await OpenAsync(s, "Licensing", null, "330117001000", "悦来宾馆申请公共场所卫生许可", hotel, "王强", "李娜");
                await MoveAsync(s, licence, CaseSteps.Examination, "");
            });
            await AsAsync("yj.handler", async s =>
            {
                var depot = Organisation("永兴县鑫盛烟花爆竹批发有限公司", "91431023MA4Q7R5T9", "曹某", "永兴县柏林镇工业园");
                var seizure = await OpenAsync(s, "Coercion", null, "331217001000", "鑫盛公司仓库超量储存烟花爆竹存在重大事故隐患", depot, "吴刚", "郑凯");
                await MoveAsync(s, seizure, CaseSteps.CoercionImplemented, "鑫盛公司 3 号仓库");
                await PhotoAsync(s, seizure, CaseSteps.CoercionImplemented, "查封 3 号仓库，张贴封条", "吴刚");
                await RecordAsync(s, seizure, CaseSteps.CoercionImplemented, "Video", "查封现场全程录像", "郑凯");
                await MoveAsync(s, seizure, CaseSteps.CoercionHandling, "");
            });
        }
        finally
        {
            accessor.HttpContext = null;
        }
    }

    /// <summary>Runs <paramref name="work"/> in a scope of its own, signed in as <paramref name="userName"/>.</summary>
    private async Task AsAsync(string userName, Func<IServiceProvider, Task> work)
    {
        using var scope = scopes.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var user = await users.FindByNameAsync(userName) ?? throw new InvalidOperationException(userName);
        var principal = await scope.ServiceProvider.GetRequiredService<IUserClaimsPrincipalFactory<AppUser>>().CreateAsync(user);
        accessor.HttpContext = new DefaultHttpContext { User = principal, RequestServices = scope.ServiceProvider };
        // The services read the user when they are created, so they come from a scope made after the sign-in.
        using var acting = scopes.CreateScope();
        await work(acting.ServiceProvider);
    }

    private static PartyInput Organisation(string name, string first17, string representative, string address)
        => new() { Kind = "LegalPerson", Name = name, CreditCode = IdentityCodes.CompleteCreditCode(first17), LegalRepresentative = representative, Address = address };

    private static async Task<Case> OpenAsync(IServiceProvider s, string category, string? procedure, string matterCode, string title, PartyInput party, params string[] officers)
    {
        var db = s.GetRequiredService<AppDbContext>();
        var me = s.GetRequiredService<Infrastructure.CurrentUser>();
        var agencyId = me.AgencyId!.Value;
        var input = new CaseOpenInput
        {
            Category = category, Procedure = procedure, Title = title, Place = party.Address,
            MatterId = await db.Matters.Where(m => m.AgencyId == agencyId && m.Code == matterCode).Select(m => m.Id).SingleAsync(),
            ActEndedOn = category == "Penalty" ? DateOnly.FromDateTime(Now).AddDays(-20) : null,
            Facts = title + "。",
            Parties = [party],
            OfficerIds = await db.Officers.Where(o => o.AgencyId == agencyId && officers.Contains(o.Name)).Select(o => o.Id).ToListAsync(),
        };
        return await s.GetRequiredService<CaseService>().OpenAsync(agencyId, input);
    }

    private static Task MoveAsync(IServiceProvider s, Case c, string step, string place)
        => s.GetRequiredService<CaseStepService>().MoveAsync(c, new StepMoveInput(step, place, ""));

    private static Task PhotoAsync(IServiceProvider s, Case c, string step, string proves, string collector)
        => RecordAsync(s, c, step, "Photo", proves, collector);

    /// <summary>Registers the demo photo (EXIF time and GPS) or video (movie header time) as taken 26 hours ago.</summary>
    private static async Task RecordAsync(IServiceProvider s, Case c, string step, string kind, string proves, string collector)
    {
        var db = s.GetRequiredService<AppDbContext>();
        var officer = await db.Officers.Where(o => o.AgencyId == c.AgencyId && o.Name == collector).Select(o => o.Id).SingleAsync();
        var takenUtc = Now.AddHours(-26);
        var taken = Infrastructure.Display.ToChina(takenUtc);
        var input = new RecordInput
        {
            Kind = kind, Step = step, StartedAt = taken.AddMinutes(-5), EndedAt = taken.AddMinutes(20), Place = c.Place,
            CollectorOfficerId = officer, Proves = proves, DeviceNumber = "DSJ-" + collector.Length.ToString("D3", System.Globalization.CultureInfo.InvariantCulture),
        };
        var video = kind == "Video";
        using var file = new MemoryStream(video ? DemoMedia.VideoWithCreationTime(takenUtc) : DemoMedia.PhotoWithExif(taken));
        await s.GetRequiredService<RecordService>().RegisterStreamAsync(c, input, file, proves + (video ? ".mp4" : ".jpg"), video ? "video/mp4" : "image/jpeg");
    }

    /// <summary>The proposed penalty and its 事先告知书, made and served now, so that the case awaits the statement.</summary>
    private static async Task NoticeServedAsync(IServiceProvider s, Case c)
    {
        await s.GetRequiredService<Decisions.ProposalService>().SaveAsync(c, new Decisions.ProposalInput
        {
            Outcome = "Penalty", PenaltyKinds = ["Warning", "Fine"], FineYuan = 3000m, Content = "警告，并处罚款人民币叁仟元整。",
            LegalBasis = "《公共场所卫生管理条例》第八条、第十四条", EvidenceReason = "现场笔录、询问笔录和现场照片相互印证。",
            BasisReason = "未取得卫生许可证擅自营业，适用《公共场所卫生管理条例》第十四条。", DiscretionReason = "经营时间较短，首次被查处，按一般情节处罚。",
        });
        var notices = s.GetRequiredService<Decisions.NoticeService>();
        var notice = await notices.CreateAsync(c, new Decisions.NoticeInput());
        await notices.ServeAsync(c, notice, new Decisions.ServiceInput(DateTime.UtcNow, "直接送达"));
    }

    private static Task DocumentAsync(IServiceProvider s, Case c, string type, Dictionary<string, string?> fields)
        => s.GetRequiredService<DocumentService>().GenerateAsync(c, new GenerateInput(type, fields));

    private static string Local(int hours) => Infrastructure.Display.ToChina(Now.AddHours(hours)).ToString("yyyy年M月d日 H时mm分", System.Globalization.CultureInfo.InvariantCulture);
}
