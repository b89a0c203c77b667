using Zhifa.Web.Infrastructure;

namespace Zhifa.Web.Features.Officers;

public static class OfficerEndpoints
{
    public static void AddOfficerFeature(this IServiceCollection services)
    {
        services.AddScoped<OfficerService>();
        services.AddScoped<Agencies.IUnitUsers, OfficersOfUnit>();
    }

    public static void MapOfficerEndpoints(this IEndpointRouteBuilder group)
    {
        var g = group.MapGroup("/officers").WithTags("执法人员");

        g.MapGet("/", async (int? agencyId, int? unitId, string? status, string? q, int? page, int? pageSize, OfficerService officers) =>
            Results.Ok(await officers.ListAsync(new OfficerFilter(agencyId, unitId, status, q, page ?? 1, pageSize ?? 50))))
            .WithName("ListOfficers")
            .WithSummary("列出可见执法主体的执法人员（可按主体、股室、持证状态、姓名或执法证号筛选，分页，每页至多 200 条）");

        g.MapGet("/{officerId:int}", async (int officerId, OfficerService officers) =>
            await officers.FindVisibleAsync(officerId) is { } o ? Results.Ok(await officers.ToDtoAsync(o)) : Problems.NotFound("执法人员"))
            .WithName("GetOfficer")
            .WithSummary("查看执法人员及其执法证、培训记录");

        g.MapPost("/", async (OfficerInput input, OfficerService officers, CurrentUser me) =>
        {
            input.AgencyId ??= me.AgencyId;
            if (input.AgencyId is { } agencyId && !await me.CanSee(agencyId)) return Problems.NotFound("执法主体");
            if (!me.IsAdministrator || (input.AgencyId is { } id && !await me.CanAdminister(id))) return Problems.Forbidden();
            var o = await officers.CreateAsync(input);
            return Results.Created($"/api/v1/officers/{o.Id}", await officers.ToDtoAsync(o));
        }).WithName("CreateOfficer")
          .WithSummary("新增执法人员；可同时登记第一张执法证（certificateNumber、issuer、validFrom、validUntil、domains）");

        g.MapPut("/{officerId:int}", async (int officerId, OfficerInput input, OfficerService officers, CurrentUser me) =>
        {
            var o = await officers.FindVisibleAsync(officerId);
            if (o is null) return Problems.NotFound("执法人员");
            if (!await me.CanAdminister(o.AgencyId)) return Problems.Forbidden();
            await officers.UpdateAsync(o, input);
            return Results.Ok(await officers.ToDtoAsync(o));
        }).WithName("UpdateOfficer")
          .WithSummary("修改执法人员（股室、姓名、职务、法律职业资格、法制审核人员、在岗）；执法主体与执法证不在此修改");

        g.MapGet("/{officerId:int}/certificates", async (int officerId, OfficerService officers) =>
        {
            var o = await officers.FindVisibleAsync(officerId);
            if (o is null) return Problems.NotFound("执法人员");
            var today = officers.Today;
            return Results.Ok(o.Certificates.OrderBy(c => c.Id).Select(c => OfficerService.ToDto(c, today)).ToList());
        }).WithName("ListOfficerCertificates")
          .WithSummary("列出执法人员的执法证及其今日状态");

        g.MapPost("/{officerId:int}/certificates", async (int officerId, CertificateInput input, OfficerService officers, CurrentUser me) =>
        {
            var o = await officers.FindVisibleAsync(officerId);
            if (o is null) return Problems.NotFound("执法人员");
            if (!await me.CanAdminister(o.AgencyId)) return Problems.Forbidden();
            var c = await officers.AddCertificateAsync(o, input);
            return Results.Created($"/api/v1/officers/{o.Id}/certificates/{c.Id}", OfficerService.ToDto(c, officers.Today));
        }).WithName("AddOfficerCertificate")
          .WithSummary("为执法人员登记执法证（执法证号全平台唯一）");

        g.MapPut("/{officerId:int}/certificates/{certificateId:int}", async (int officerId, int certificateId, CertificateInput input,
            OfficerService officers, CurrentUser me) =>
        {
            var o = await officers.FindVisibleAsync(officerId);
            var c = o?.Certificates.FirstOrDefault(x => x.Id == certificateId);
            if (o is null || c is null) return Problems.NotFound("执法证");
            if (!await me.CanAdminister(o.AgencyId)) return Problems.Forbidden();
            await officers.UpdateCertificateAsync(c, input);
            return Results.Ok(OfficerService.ToDto(c, officers.Today));
        }).WithName("UpdateOfficerCertificate")
          .WithSummary("更正执法证信息（执法证号、发证机关、有效期、执法领域）");

        g.MapPost("/{officerId:int}/certificates/{certificateId:int}/state", async (int officerId, int certificateId, CertificateStateInput input,
            OfficerService officers, CurrentUser me) =>
        {
            var o = await officers.FindVisibleAsync(officerId);
            var c = o?.Certificates.FirstOrDefault(x => x.Id == certificateId);
            if (o is null || c is null) return Problems.NotFound("执法证");
            if (!await me.CanAdminister(o.AgencyId)) return Problems.Forbidden();
            await officers.ChangeStateAsync(c, input);
            return Results.Ok(OfficerService.ToDto(c, officers.Today));
        }).WithName("ChangeOfficerCertificateState")
          .WithSummary("暂扣（Suspended）、注销（Revoked）或恢复（Active）执法证；暂扣和注销须填写原因，注销后不能再变更");

        g.MapPost("/{officerId:int}/trainings", async (int officerId, TrainingInput input, OfficerService officers, CurrentUser me) =>
        {
            var o = await officers.FindVisibleAsync(officerId);
            if (o is null) return Problems.NotFound("执法人员");
            if (!await me.CanAdminister(o.AgencyId)) return Problems.Forbidden();
            var t = await officers.AddTrainingAsync(o, input);
            return Results.Created($"/api/v1/officers/{o.Id}", OfficerService.ToDto(t));
        }).WithName("AddOfficerTraining")
          .WithSummary("登记执法人员的培训或考试记录");

        group.MapGet("/agencies/{agencyId:int}/dashboard", async (int agencyId, OfficerService officers, CurrentUser me) =>
        {
            if (!await me.CanSee(agencyId)) return Problems.NotFound("执法主体");
            return await officers.DashboardAsync(agencyId) is { } d ? Results.Ok(d) : Problems.NotFound("执法主体");
        }).WithTags("执法人员").WithName("GetAgencyDashboard")
          .WithSummary("执法主体工作台数据：按持证状态统计的在岗人员、30 日内到期的执法证、法制审核人员占比（不低于 5%）");
    }
}
