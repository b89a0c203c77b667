using Zhifa.Domain.Cases;
using Zhifa.Web.Infrastructure;

namespace Zhifa.Web.Features.Cases;

public static class CaseEndpoints
{
    public static void AddCaseFeature(this IServiceCollection services)
    {
        services.AddScoped<CaseService>();
        services.AddScoped<CaseStepService>();
        services.AddScoped<CaseDeadlineService>();
        services.AddScoped<SeizureExtensionService>();
        services.AddScoped<EvidencePreservationService>();
    }

    public static void MapCaseEndpoints(this IEndpointRouteBuilder group)
    {
        var g = group.MapGroup("/cases").WithTags("案件");

        g.MapGet("/", async (int? agencyId, string? step, string? category, int? officerId, string? q, int? year, int? page, int? pageSize, int? before, CaseService cases) =>
            Results.Ok(await cases.ListAsync(new CaseFilter(agencyId, step, category, officerId, q, year, page ?? 1, pageSize ?? 20, before))))
            .WithName("ListCases")
            .WithSummary("列出可见执法主体的案件，最新在前（可按环节、类别、执法人员、当事人名称或证件号码、年度筛选；分页：page 或按键续读 before=上一页的 nextBefore，每页至多 200 条）");

        g.MapGet("/{caseId:int}", async (int caseId, CaseService cases) =>
            await cases.FindVisibleAsync(caseId) is { } c ? Results.Ok(await cases.ToDtoAsync(c)) : Problems.NotFound("案件"))
            .WithName("GetCase")
            .WithSummary("查看案件：案号、类别、程序、事项、当事人、执法人员及其立案当日持证状态、当前环节与流转记录");

        g.MapPost("/", async (CaseOpenInput input, CaseService cases, CurrentUser me) =>
        {
            input.AgencyId ??= me.AgencyId;
            if (input.AgencyId is not { } agencyId) return Problems.Validation("agencyId", "required", "请指定执法主体");
            if (!await me.CanSee(agencyId)) return Problems.NotFound("执法主体");
            if (!await cases.MayOpenForAsync(agencyId)) return Problems.Forbidden("只有本机关的承办人、股室负责人、主要负责人或系统管理员可以立案");
            // SUP-4: opened from a complaint, the complaint is linked in the same transaction (CaseOpened).
            var c = await cases.OpenAsync(agencyId, input);
            return Results.Created($"/api/v1/cases/{c.Id}", await cases.ToDtoAsync(c));
        }).WithName("OpenCase")
          .WithSummary("立案：类别、程序（处罚案件：Simple 简易 / General 普通）、执法事项、案由、当事人（至少一名）、执法人员（至少两名持有效执法证）；案号按本机关规则自动编号；带 complaintId 时由该投诉举报立案，投诉举报随之转为已转立案");

        g.MapGet("/{caseId:int}/deadlines", async (int caseId, CaseService cases, CaseDeadlineService deadlines) =>
            await cases.FindVisibleAsync(caseId) is { } c ? Results.Ok(await deadlines.ForAsync(c)) : Problems.NotFound("案件"))
            .WithSummary("正在计算的法定期限（处罚决定期限、先行登记保存处理期限、查封扣押期限及其延长）");

        g.MapGet("/{caseId:int}/steps", async (int caseId, CaseService cases, CaseStepService steps) =>
            await cases.FindVisibleAsync(caseId) is { } c ? Results.Ok(await steps.NextAsync(c)) : Problems.NotFound("案件"))
            .WithSummary("下一环节及其未满足的条件");

        g.MapPost("/{caseId:int}/steps", async (int caseId, StepMoveInput input, CaseService cases, CaseStepService steps) =>
        {
            var c = await cases.FindVisibleAsync(caseId);
            if (c is null) return Problems.NotFound("案件");
            var moved = await steps.MoveAsync(c, input);
            return moved.Succeeded ? Results.Ok(await cases.ToDtoAsync(c)) : Problems.Refused(moved);
        }).WithSummary("把案件转入下一环节；本人无权办理该环节的答复 403，条件未满足的答复 409，均列出全部原因（code），案件不变");

        g.MapPost("/{caseId:int}/parties", async (int caseId, PartyInput input, CaseService cases) =>
        {
            var c = await cases.FindVisibleAsync(caseId);
            if (c is null) return Problems.NotFound("案件");
            if (!await cases.MayChangeAsync(c)) return Problems.Forbidden();
            var p = await cases.AddPartyAsync(c, input);
            return Results.Created($"/api/v1/parties/{p.Id}", CaseService.ToDto(p, full: true));
        }).WithName("AddCaseParty")
          .WithSummary("为案件追加当事人；同一证件号码或统一社会信用代码的当事人复用已有记录");

        g.MapPost("/{caseId:int}/officers", async (int caseId, CaseOfficerInput input, CaseService cases) =>
        {
            var c = await cases.FindVisibleAsync(caseId);
            if (c is null) return Problems.NotFound(Domain.Rules.Messages.Get("officer.add.case"));
            if (!await cases.MayChangeAsync(c)) return Problems.Forbidden();
            await cases.AddOfficerAsync(c, input);
            return Results.Created($"/api/v1/cases/{c.Id}", await cases.ToDtoAsync(c));
        }).WithName("AddCaseOfficer")
          .WithSummary(Domain.Rules.Messages.Get("officer.add.summary"));

        group.MapSeizureExtensionEndpoints();
        group.MapEvidencePreservationEndpoints();

        var parties = group.MapGroup("/parties").WithTags("案件");

        parties.MapGet("/", async (string? q, int? agencyId, CaseService cases) => Results.Ok(await cases.SearchPartiesAsync(q, agencyId)))
            .WithName("SearchParties")
            .WithSummary("按名称、身份证号码或统一社会信用代码查找当事人（身份证号码仅对其案件承办人和管理员完整显示）");

        parties.MapGet("/{partyId:int}", async (int partyId, CaseService cases) =>
            await cases.FindVisiblePartyAsync(partyId) is { } p ? Results.Ok(await cases.PartyWithCasesAsync(p)) : Problems.NotFound("当事人"))
            .WithName("GetParty")
            .WithSummary("查看当事人及其全部案件（集中存储）");
    }
}
