using Microsoft.EntityFrameworkCore;
using Zhifa.Domain.Agencies;
using Zhifa.Domain.Rules;
using Zhifa.Web.Infrastructure;

namespace Zhifa.Web.Features.Agencies;

public static class AgencyEndpoints
{
    public sealed record UnitDto(int Id, string Name, bool IsLegalReviewUnit);
    public sealed record AgencyDto(int Id, int? ParentId, string Name, string ShortName, string Type, string TypeLabel, string Level,
        string CreditCode, string Address, string Contact, string CaseNumberFormat, IReadOnlyList<UnitDto> Units,
        string ReconsiderationOrgan, string CompetentCourt);
    public sealed record UnitInput(string? Name, bool IsLegalReviewUnit);

    public static AgencyDto ToDto(Agency a) => new(a.Id, a.ParentId, a.Name, a.ShortName, a.Type.ToString(), AgencyService.TypeLabel(a.Type),
        a.Level.ToString(), a.CreditCode, a.Address, a.Contact, a.CaseNumberFormat,
        a.Units.OrderBy(u => u.Id).Select(u => new UnitDto(u.Id, u.Name, u.IsLegalReviewUnit)).ToList(), a.ReconsiderationOrgan, a.CompetentCourt);

    public static void MapAgencyEndpoints(this IEndpointRouteBuilder group)
    {
        var g = group.MapGroup("/agencies").WithTags("执法主体");

        g.MapGet("/", async (AgencyService agencies) =>
            (await agencies.VisibleAsync()).OrderBy(a => a.Id).AsEnumerable().Select(ToDto).ToList())
            .WithSummary("列出可见的执法主体");

        g.MapGet("/{agencyId:int}", async (int agencyId, AgencyService agencies) =>
            await agencies.FindVisibleAsync(agencyId) is { } a ? Results.Ok(ToDto(a)) : Problems.NotFound("执法主体"))
            .WithSummary("查看执法主体");

        g.MapPost("/", async (AgencyInput input, AgencyService agencies, CurrentUser me) =>
        {
            if (!me.IsAdministrator) return Problems.Forbidden();
            var a = await agencies.CreateAsync(input);
            return Results.Created($"/api/v1/agencies/{a.Id}", ToDto(a));
        }).WithSummary("新增执法主体");

        g.MapPut("/{agencyId:int}", async (int agencyId, AgencyInput input, AgencyService agencies, CurrentUser me) =>
        {
            var a = await agencies.FindVisibleAsync(agencyId);
            if (a is null) return Problems.NotFound("执法主体");
            if (!await me.CanAdminister(a.Id)) return Problems.Forbidden();
            await agencies.UpdateAsync(a, input);
            return Results.Ok(ToDto(a));
        }).WithSummary("修改执法主体");

        g.MapGet("/{agencyId:int}/remedies", async (int agencyId, AgencyService agencies) =>
            await agencies.FindVisibleAsync(agencyId) is { } a ? Results.Ok(await agencies.RemediesAsync(a)) : Problems.NotFound(Messages.Get("remedies.api.agency")))
            .WithSummary(Messages.Get("remedies.api.get"));

        g.MapPut("/{agencyId:int}/remedies", async (int agencyId, RemediesInput input, AgencyService agencies) =>
        {
            var a = await agencies.FindVisibleAsync(agencyId);
            if (a is null) return Problems.NotFound(Messages.Get("remedies.api.agency"));
            if (!await agencies.MaySetRemediesAsync(a)) return Problems.Forbidden();
            await agencies.SaveRemediesAsync(a, input);
            return Results.Ok(await agencies.RemediesAsync(a));
        }).WithSummary(Messages.Get("remedies.api.put"));

        g.MapPost("/{agencyId:int}/units", async (int agencyId, UnitInput input, AgencyService agencies, CurrentUser me) =>
        {
            var a = await agencies.FindVisibleAsync(agencyId);
            if (a is null) return Problems.NotFound("执法主体");
            if (!await me.CanAdminister(a.Id)) return Problems.Forbidden();
            var u = await agencies.AddUnitAsync(a, input.Name, input.IsLegalReviewUnit);
            return Results.Created($"/api/v1/agencies/{a.Id}/units/{u.Id}", new UnitDto(u.Id, u.Name, u.IsLegalReviewUnit));
        }).WithSummary("新增内设机构（股室）");

        g.MapPut("/{agencyId:int}/units/{unitId:int}", async (int agencyId, int unitId, UnitInput input, AgencyService agencies, CurrentUser me) =>
        {
            var a = await agencies.FindVisibleAsync(agencyId);
            var u = a?.Units.FirstOrDefault(x => x.Id == unitId);
            if (a is null || u is null) return Problems.NotFound("股室");
            if (!await me.CanAdminister(a.Id)) return Problems.Forbidden();
            await agencies.RenameUnitAsync(a, u, input.Name);
            if (input.IsLegalReviewUnit && !u.IsLegalReviewUnit) await agencies.SetLegalReviewUnitAsync(a, u);
            return Results.Ok(new UnitDto(u.Id, u.Name, u.IsLegalReviewUnit));
        }).WithSummary("修改股室；可设为法制审核机构");

        g.MapDelete("/{agencyId:int}/units/{unitId:int}", async (int agencyId, int unitId, AgencyService agencies, CurrentUser me) =>
        {
            var a = await agencies.FindVisibleAsync(agencyId);
            var u = a?.Units.FirstOrDefault(x => x.Id == unitId);
            if (a is null || u is null) return Problems.NotFound("股室");
            if (!await me.CanAdminister(a.Id)) return Problems.Forbidden();
            await agencies.DeleteUnitAsync(a, u);
            return Results.NoContent();
        }).WithSummary("删除没有人员和事项的股室");
    }
}
