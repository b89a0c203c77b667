using System.Text.Json;
using Zhifa.Domain.Cases;
using Zhifa.Web.Features.Cases;
using Zhifa.Web.Infrastructure;

namespace Zhifa.Web.Features.Decisions;

/// <summary>Notice, statement, hearing, collective discussion and decision of a case (items 6–8 of the decision steps).</summary>
public static class DecisionEndpoints
{
    public static void AddDecisionFeature(this IServiceCollection services)
    {
        services.AddScoped<DecisionFactsService>();
        services.AddScoped<ICaseDecisionState, CaseDecisionState>();
        services.AddScoped<Documents.IDocumentProvisions, DocumentProvisions>();
        services.AddScoped<NoticeService>();
        services.AddScoped<HearingService>();
        services.AddScoped<DiscussionService>();
        services.AddScoped<DecisionService>();
    }

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static void MapDecisionEndpoints(this IEndpointRouteBuilder group)
    {
        var g = group.MapGroup("/cases/{caseId:int}").WithTags("告知、听证与决定");

        // Every write first finds the case in the caller's scope (404 outside it), then checks who may act (403).
        async Task<IResult> Change(int caseId, CaseService cases, DecisionService decisions, Func<Case, Task<IResult?>> act)
        {
            var c = await cases.FindVisibleAsync(caseId);
            if (c is null) return Problems.NotFound("案件");
            if (!await cases.MayChangeAsync(c)) return Problems.Forbidden();
            return await act(c) ?? Results.Ok(await decisions.OverviewAsync((await cases.FindVisibleAsync(caseId))!));
        }

        g.MapGet("/decision", async (int caseId, CaseService cases, DecisionService decisions) =>
            await cases.FindVisibleAsync(caseId) is { } c ? Results.Ok(await decisions.OverviewAsync(c)) : Problems.NotFound("案件"))
            .WithName("GetDecisionSteps")
            .WithSummary("查看案件的事先告知、陈述申辩、听证、回避、集体讨论和决定，正在计算的期限（注明工作日）及签发决定尚缺的条件");

        g.MapPost("/notices", async (int caseId, NoticeInput input, CaseService cases, DecisionService decisions, NoticeService notices) =>
            await Change(caseId, cases, decisions, async c => { await notices.CreateAsync(c, input); return null; }))
            .WithSummary("依拟作出的决定制作行政处罚事先告知书：事实、理由、依据、拟处罚内容及陈述申辩权；属于行政处罚法第六十三条情形的告知听证权（较大数额按本机关设置）");

        g.MapPost("/notices/{noticeId:int}/service", async (int caseId, int noticeId, ServiceInput input, CaseService cases, DecisionService decisions, NoticeService notices) =>
            await Change(caseId, cases, decisions, async c =>
            {
                var n = await notices.FindAsync(c.Id, noticeId);
                if (n is null) return Problems.NotFound("事先告知书");
                await notices.ServeAsync(c, n, input);
                return null;
            }))
            .WithSummary("登记事先告知书送达当事人的时间和方式；陈述申辩期限和要求听证期限自送达之日起计算五个工作日");

        g.MapPost("/notices/{noticeId:int}/waiver", async (int caseId, int noticeId, WaiverInput input, CaseService cases, DecisionService decisions, NoticeService notices) =>
            await Change(caseId, cases, decisions, async c =>
            {
                var n = await notices.FindAsync(c.Id, noticeId);
                if (n is null) return Problems.NotFound("事先告知书");
                await notices.WaiveAsync(c, n, input);
                return null;
            }))
            .WithSummary("登记当事人书面放弃陈述、申辩（及听证）的权利；放弃后不必等待期限届满即可作出决定");

        // JSON for a typed or oral statement; multipart when a written statement's scan comes with it.
        g.MapPost("/statements", async (int caseId, HttpRequest request, CaseService cases, DecisionService decisions, NoticeService notices) =>
            await Change(caseId, cases, decisions, async c =>
            {
                StatementInput input;
                IFormFile? file = null;
                if (request.HasFormContentType)
                {
                    var form = await request.ReadFormAsync();
                    input = new StatementInput(form["form"], DateTime.TryParse(form["madeAt"], System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var at) ? at : null,
                        form["speaker"], form["content"], form["place"]);
                    file = form.Files.GetFile("file");
                }
                else
                {
                    try
                    {
                        input = await request.ReadFromJsonAsync<StatementInput>(Json) ?? new StatementInput(null, null, null, null);
                    }
                    catch (JsonException)
                    {
                        return Problems.Validation("body", "invalid_json", "请求内容不是有效的 JSON");
                    }
                }
                await notices.RecordStatementAsync(c, input, file);
                return null;
            }))
            .WithSummary("记录当事人的陈述申辩：口头的（Oral）制作陈述申辩笔录；书面的（Written）录入内容或以 multipart 上传材料（PDF、JPEG、PNG，字段名 file）")
            .Accepts<StatementInput>("application/json", "multipart/form-data");

        g.MapGet("/statements/{statementId:int}/file", async (int caseId, int statementId, CaseService cases, NoticeService notices) =>
        {
            var c = await cases.FindVisibleAsync(caseId);
            if (c is null) return Problems.NotFound("案件");
            var s = await notices.FindStatementAsync(c.Id, statementId);
            if (s is null) return Problems.NotFound("陈述申辩");
            var stream = await notices.OpenStatementFileAsync(s);
            return stream is null ? Problems.NotFound("书面材料") : Results.File(stream, s.FileContentType, s.FileName);
        }).WithSummary("下载书面陈述申辩材料（记入审计日志）");

        g.MapPost("/statements/{statementId:int}/answer", async (int caseId, int statementId, AnswerInput input, CaseService cases, DecisionService decisions, NoticeService notices) =>
            await Change(caseId, cases, decisions, async c =>
            {
                var s = await notices.FindStatementAsync(c.Id, statementId);
                if (s is null) return Problems.NotFound("陈述申辩");
                await notices.AnswerAsync(c, s, input);
                return null;
            }))
            .WithSummary("答复陈述申辩：采纳（Adopted）、部分采纳（PartlyAdopted）或不予采纳（NotAdopted），并说明理由");

        g.MapPost("/hearing", async (int caseId, HearingRequestInput input, CaseService cases, DecisionService decisions, HearingService hearings) =>
            await Change(caseId, cases, decisions, async c => { await hearings.RequestAsync(c, input); return null; }))
            .WithSummary("受理当事人的听证申请；须在告知书送达之日起五个工作日内提出，逾期的申请被拒绝并注明最后一日");

        async Task<IResult?> OnHearing(Case c, HearingService hearings, Func<Domain.Decisions.Hearing, Task> act)
        {
            var h = await hearings.CurrentAsync(c.Id);
            if (h is null) return Problems.Validation("hearing", "hearing.not_requested", "当事人尚未申请听证");
            await act(h);
            return null;
        }

        g.MapPost("/hearing/schedule", async (int caseId, HearingScheduleInput input, CaseService cases, DecisionService decisions, HearingService hearings) =>
            await Change(caseId, cases, decisions, c => OnHearing(c, hearings, h => hearings.ScheduleAsync(c, h, input))))
            .WithSummary("确定听证主持人（非本案调查人员）、时间和地点，制作听证通知书");

        g.MapPost("/hearing/notice-service", async (int caseId, ServiceInput input, CaseService cases, DecisionService decisions, HearingService hearings) =>
            await Change(caseId, cases, decisions, c => OnHearing(c, hearings, h => hearings.ServeNoticeAsync(c, h, input))))
            .WithSummary("登记听证通知书的送达；须在举行听证七个工作日前送达，否则拒绝并注明听证最早可举行的日期");

        g.MapPost("/hearing/record", async (int caseId, HearingRecordInput input, CaseService cases, DecisionService decisions, HearingService hearings) =>
            await Change(caseId, cases, decisions, c => OnHearing(c, hearings, h => hearings.RecordAsync(c, h, input))))
            .WithSummary("记录已举行的听证，生成听证笔录；回避申请未决定或主持人已决定回避的不能记录");

        g.MapPost("/hearing/withdrawal", async (int caseId, WithdrawalInput input, CaseService cases, DecisionService decisions, HearingService hearings) =>
            await Change(caseId, cases, decisions, c => OnHearing(c, hearings, h => hearings.WithdrawAsync(c, h, input))))
            .WithSummary("登记当事人撤回听证申请");

        g.MapPost("/recusals", async (int caseId, RecusalInput input, CaseService cases, DecisionService decisions, HearingService hearings) =>
            await Change(caseId, cases, decisions, async c => { await hearings.RequestRecusalAsync(c, input); return null; }))
            .WithSummary("登记当事人的回避申请：被申请回避的执法人员或其他人员及理由");

        g.MapPost("/recusals/{recusalId:int}/decision", async (int caseId, int recusalId, RecusalDecisionInput input, CaseService cases, DecisionService decisions, HearingService hearings, CurrentUser me) =>
        {
            var c = await cases.FindVisibleAsync(caseId);
            if (c is null) return Problems.NotFound("案件");
            var r = await hearings.FindRecusalAsync(c.Id, recusalId);
            if (r is null) return Problems.NotFound("回避申请");
            if (!HearingService.MayDecideRecusal(me) || me.AgencyId != c.AgencyId) return Problems.Forbidden("只有本机关主要负责人可以决定回避");
            await hearings.DecideRecusalAsync(r, input);
            return Results.Ok(await decisions.OverviewAsync(c));
        }).WithSummary("主要负责人决定回避申请（回避或驳回），并说明理由");

        g.MapPost("/discussions", async (int caseId, DiscussionInput input, CaseService cases, DecisionService decisions, DiscussionService discussions) =>
            await Change(caseId, cases, decisions, async c => { await discussions.RecordAsync(c, input); return null; }))
            .WithSummary("记录负责人集体讨论（行政处罚法第五十七条第二款）：主持人（主要负责人，或经其指定的分管负责人，写明指定人和指定方式）、参加人员及意见（负责人出席并计入法定人数，须各自发表意见；其他人员列席，不计入）、讨论结论，生成集体讨论记录；出席负责人不足本机关规定人数（默认负责人账号数过半数）、法制审核未同意的重大执法决定不能讨论");

        g.MapPost("/decision", async (int caseId, IssueInput input, CaseService cases, DecisionService decisions) =>
        {
            var c = await cases.FindVisibleAsync(caseId);
            if (c is null) return Problems.NotFound("案件");
            var issued = await decisions.IssueAsync(c, input);
            return issued.Succeeded ? Results.Ok(await decisions.OverviewAsync((await cases.FindVisibleAsync(caseId))!)) : Problems.Refused(issued);
        }).WithName("IssueDecision")
          .WithSummary("签发决定：依拟作出的决定生成并编号行政处罚决定书或不予行政处罚决定书（载明三项理由和复议、诉讼期限），同时转入“决定”环节；任一条件不满足时列出全部原因，案件不变");

        var a = group.MapGroup("/agencies/{agencyId:int}/decision-settings").WithTags("告知、听证与决定");
        a.MapGet("", async (int agencyId, CurrentUser me, DecisionFactsService facts) =>
            await me.CanSee(agencyId) ? Results.Ok(DecisionService.View(await facts.SettingsAsync(agencyId))) : Problems.NotFound("执法主体"))
            .WithSummary("查看本机关的听证“较大数额”标准、分管领导可否签发决定、集体讨论出席负责人人数及法制审核后是否须经分管领导签署意见");
        a.MapPut("", async (int agencyId, SettingsInput input, CurrentUser me, DecisionService decisions) =>
        {
            if (!await me.CanSee(agencyId)) return Problems.NotFound("执法主体");
            if (!await me.CanAdminister(agencyId)) return Problems.Forbidden("只有管理员可以修改本机关设置");
            return Results.Ok(DecisionService.View(await decisions.SaveSettingsAsync(agencyId, input)));
        }).WithSummary("设置听证“较大数额”标准（对公民、对法人或者其他组织的罚款和没收金额）、分管领导可否签发决定、集体讨论至少出席的负责人人数（discussionQuorum，空为负责人账号数过半数）及法制审核同意后是否须经分管领导签署意见（leaderOpinionRequired，不传则不变）");
    }
}
