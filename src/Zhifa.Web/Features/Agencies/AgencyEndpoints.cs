using Microsoft.AspNetCore.Http.HttpResults;
using Zhifa.Domain.Agencies;
using Zhifa.Web.Infrastructure;
using static Zhifa.Web.Infrastructure.UiText;

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
        var g = group.MapGroup("/agencies").WithTags(T("agencies.api.tag"));

        g.MapGet("/", ListAgencies).WithName("ListAgencies").WithSummary(T("agencies.api.list"));
        g.MapGet("/{agencyId:int}", GetAgency).WithName("GetAgency").WithSummary(T("agencies.api.get"))
            .ProducesProblem(StatusCodes.Status404NotFound);
        g.MapPost("/", CreateAgency).WithName("CreateAgency").WithSummary(T("agencies.api.create"))
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status403Forbidden);
        g.MapPut("/{agencyId:int}", UpdateAgency).WithName("UpdateAgency").WithSummary(T("agencies.api.update"))
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound);
        g.MapGet("/{agencyId:int}/remedies", GetAgencyRemedies).WithName("GetAgencyRemedies").WithSummary(T("remedies.api.get"))
            .ProducesProblem(StatusCodes.Status404NotFound);
        g.MapPut("/{agencyId:int}/remedies", SetAgencyRemedies).WithName("SetAgencyRemedies").WithSummary(T("remedies.api.put"))
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound);
        g.MapPost("/{agencyId:int}/units", AddAgencyUnit).WithName("AddAgencyUnit").WithSummary(T("agencies.api.add_unit"))
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound);
        g.MapPut("/{agencyId:int}/units/{unitId:int}", UpdateAgencyUnit).WithName("UpdateAgencyUnit").WithSummary(T("agencies.api.update_unit"))
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound);
        g.MapDelete("/{agencyId:int}/units/{unitId:int}", DeleteAgencyUnit).WithName("DeleteAgencyUnit").WithSummary(T("agencies.api.delete_unit"))
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound);
    }

    public static async Task<Ok<List<AgencyDto>>> ListAgencies(AgencyService agencies)
        => TypedResults.Ok((await agencies.VisibleAsync()).OrderBy(a => a.Id).AsEnumerable().Select(ToDto).ToList());

    public static async Task<Results<Ok<AgencyDto>, ProblemHttpResult>> GetAgency(int agencyId, AgencyService agencies)
        => await agencies.FindVisibleAsync(agencyId) is { } a ? TypedResults.Ok(ToDto(a)) : Problems.NotFound(T("agencies.error.agency"));

    public static async Task<Results<Created<AgencyDto>, ProblemHttpResult>> CreateAgency(AgencyInput input, AgencyService agencies, CurrentUser me)
    {
        if (!me.IsAdministrator) return Problems.Forbidden();
        var a = await agencies.CreateAsync(input);
        return TypedResults.Created($"/api/v1/agencies/{a.Id}", ToDto(a));
    }

    public static async Task<Results<Ok<AgencyDto>, ProblemHttpResult>> UpdateAgency(int agencyId, AgencyInput input, AgencyService agencies, CurrentUser me)
    {
        var a = await agencies.FindVisibleAsync(agencyId);
        if (a is null) return Problems.NotFound(T("agencies.error.agency"));
        if (!await me.CanAdminister(a.Id)) return Problems.Forbidden();
        await agencies.UpdateAsync(a, input);
        return TypedResults.Ok(ToDto(a));
    }

    public static async Task<Results<Ok<RemediesView>, ProblemHttpResult>> GetAgencyRemedies(int agencyId, AgencyService agencies)
        => await agencies.FindVisibleAsync(agencyId) is { } a ? TypedResults.Ok(await agencies.RemediesAsync(a)) : Problems.NotFound(T("remedies.api.agency"));

    public static async Task<Results<Ok<RemediesView>, ProblemHttpResult>> SetAgencyRemedies(int agencyId, RemediesInput input, AgencyService agencies)
    {
        var a = await agencies.FindVisibleAsync(agencyId);
        if (a is null) return Problems.NotFound(T("remedies.api.agency"));
        if (!await agencies.MaySetRemediesAsync(a)) return Problems.Forbidden();
        await agencies.SaveRemediesAsync(a, input);
        return TypedResults.Ok(await agencies.RemediesAsync(a));
    }

    public static async Task<Results<Created<UnitDto>, ProblemHttpResult>> AddAgencyUnit(int agencyId, UnitInput input, AgencyService agencies, CurrentUser me)
    {
        var a = await agencies.FindVisibleAsync(agencyId);
        if (a is null) return Problems.NotFound(T("agencies.error.agency"));
        if (!await me.CanAdminister(a.Id)) return Problems.Forbidden();
        var u = await agencies.AddUnitAsync(a, input.Name, input.IsLegalReviewUnit);
        return TypedResults.Created($"/api/v1/agencies/{a.Id}/units/{u.Id}", new UnitDto(u.Id, u.Name, u.IsLegalReviewUnit));
    }

    public static async Task<Results<Ok<UnitDto>, ProblemHttpResult>> UpdateAgencyUnit(int agencyId, int unitId, UnitInput input, AgencyService agencies, CurrentUser me)
    {
        var a = await agencies.FindVisibleAsync(agencyId);
        var u = a?.Units.FirstOrDefault(x => x.Id == unitId);
        if (a is null || u is null) return Problems.NotFound(T("agencies.error.unit"));
        if (!await me.CanAdminister(a.Id)) return Problems.Forbidden();
        await agencies.RenameUnitAsync(a, u, input.Name);
        if (input.IsLegalReviewUnit && !u.IsLegalReviewUnit) await agencies.SetLegalReviewUnitAsync(a, u);
        return TypedResults.Ok(new UnitDto(u.Id, u.Name, u.IsLegalReviewUnit));
    }

    public static async Task<Results<NoContent, ProblemHttpResult>> DeleteAgencyUnit(int agencyId, int unitId, AgencyService agencies, CurrentUser me)
    {
        var a = await agencies.FindVisibleAsync(agencyId);
        var u = a?.Units.FirstOrDefault(x => x.Id == unitId);
        if (a is null || u is null) return Problems.NotFound(T("agencies.error.unit"));
        if (!await me.CanAdminister(a.Id)) return Problems.Forbidden();
        await agencies.DeleteUnitAsync(a, u);
        return TypedResults.NoContent();
    }
}
