using Microsoft.AspNetCore.Http.HttpResults;
using Zhifa.Domain.Cases;
using Zhifa.Web.Infrastructure;
using static Zhifa.Web.Infrastructure.UiText;

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
        var g = group.MapGroup("/cases").WithTags(T("cases.api.tag"));

        g.MapGet("/", ListCases).WithName("ListCases").WithSummary(T("cases.api.list"))
            .ProducesProblem(StatusCodes.Status400BadRequest);
        g.MapGet("/{caseId:int}", GetCase).WithName("GetCase").WithSummary(T("cases.api.get"))
            .ProducesProblem(StatusCodes.Status404NotFound);
        g.MapPost("/", OpenCase).WithName("OpenCase").WithSummary(T("cases.api.open"))
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound);
        g.MapGet("/{caseId:int}/deadlines", GetCaseDeadlines).WithName("GetCaseDeadlines").WithSummary(T("cases.api.deadlines"))
            .ProducesProblem(StatusCodes.Status404NotFound);
        g.MapGet("/{caseId:int}/steps", GetCaseNextSteps).WithName("GetCaseNextSteps").WithSummary(T("cases.api.steps"))
            .ProducesProblem(StatusCodes.Status404NotFound);
        g.MapPost("/{caseId:int}/steps", MoveCase).WithName("MoveCase").WithSummary(T("cases.api.move"))
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        g.MapPost("/{caseId:int}/parties", AddCaseParty).WithName("AddCaseParty").WithSummary(T("cases.api.add_party"))
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound);
        g.MapPost("/{caseId:int}/officers", AddCaseOfficer).WithName("AddCaseOfficer").WithSummary(T("officer.add.summary"))
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound);

        group.MapSeizureExtensionEndpoints();
        group.MapEvidencePreservationEndpoints();

        var parties = group.MapGroup("/parties").WithTags(T("cases.api.tag"));

        parties.MapGet("/", SearchParties).WithName("SearchParties").WithSummary(T("cases.api.search_parties"))
            .ProducesProblem(StatusCodes.Status400BadRequest);
        parties.MapGet("/{partyId:int}", GetParty).WithName("GetParty").WithSummary(T("cases.api.get_party"))
            .ProducesProblem(StatusCodes.Status404NotFound);
    }

    public static async Task<Ok<CasePage>> ListCases(int? agencyId, string? step, string? category, int? officerId, string? q, int? year, int? page,
        int? pageSize, int? before, CaseService cases)
        => TypedResults.Ok(await cases.ListAsync(new CaseFilter(agencyId, step, category, officerId, q, year, page ?? 1, pageSize ?? 20, before)));

    public static async Task<Results<Ok<CaseDto>, ProblemHttpResult>> GetCase(int caseId, CaseService cases)
        => await cases.FindVisibleAsync(caseId) is { } c ? TypedResults.Ok(await cases.ToDtoAsync(c)) : Problems.NotFound(T("cases.error.case"));

    public static async Task<Results<Created<CaseDto>, ProblemHttpResult>> OpenCase(CaseOpenInput input, CaseService cases, CurrentUser me)
    {
        input.AgencyId ??= me.AgencyId;
        if (input.AgencyId is not { } agencyId) return Problems.Validation("agencyId", "required", T("cases.error.agency_required"));
        if (!await me.CanSee(agencyId)) return Problems.NotFound(T("cases.error.agency"));
        if (!await cases.MayOpenForAsync(agencyId)) return Problems.Forbidden(T("cases.error.open_forbidden"));
        // SUP-4: opened from a complaint, the complaint is linked in the same transaction (CaseOpened).
        var c = await cases.OpenAsync(agencyId, input);
        return TypedResults.Created($"/api/v1/cases/{c.Id}", await cases.ToDtoAsync(c));
    }

    public static async Task<Results<Ok<List<DeadlineView>>, ProblemHttpResult>> GetCaseDeadlines(int caseId, CaseService cases, CaseDeadlineService deadlines)
        => await cases.FindVisibleAsync(caseId) is { } c ? TypedResults.Ok(await deadlines.ForAsync(c)) : Problems.NotFound(T("cases.error.case"));

    public static async Task<Results<Ok<List<NextStepView>>, ProblemHttpResult>> GetCaseNextSteps(int caseId, CaseService cases, CaseStepService steps)
        => await cases.FindVisibleAsync(caseId) is { } c ? TypedResults.Ok(await steps.NextAsync(c)) : Problems.NotFound(T("cases.error.case"));

    public static async Task<Results<Ok<CaseDto>, ProblemHttpResult>> MoveCase(int caseId, StepMoveInput input, CaseService cases, CaseStepService steps)
    {
        var c = await cases.FindVisibleAsync(caseId);
        if (c is null) return Problems.NotFound(T("cases.error.case"));
        var moved = await steps.MoveAsync(c, input);
        return moved.Succeeded ? TypedResults.Ok(await cases.ToDtoAsync(c)) : Problems.Refused(moved);
    }

    public static async Task<Results<Created<PartyDto>, ProblemHttpResult>> AddCaseParty(int caseId, PartyInput input, CaseService cases)
    {
        var c = await cases.FindVisibleAsync(caseId);
        if (c is null) return Problems.NotFound(T("cases.error.case"));
        if (!await cases.MayChangeAsync(c)) return Problems.Forbidden();
        var p = await cases.AddPartyAsync(c, input);
        return TypedResults.Created($"/api/v1/parties/{p.Id}", CaseService.ToDto(p, full: true));
    }

    public static async Task<Results<Created<CaseDto>, ProblemHttpResult>> AddCaseOfficer(int caseId, CaseOfficerInput input, CaseService cases)
    {
        var c = await cases.FindVisibleAsync(caseId);
        if (c is null) return Problems.NotFound(T("officer.add.case"));
        if (!await cases.MayChangeAsync(c)) return Problems.Forbidden();
        await cases.AddOfficerAsync(c, input);
        return TypedResults.Created($"/api/v1/cases/{c.Id}", await cases.ToDtoAsync(c));
    }

    public static async Task<Ok<List<PartyDto>>> SearchParties(string? q, int? agencyId, CaseService cases)
        => TypedResults.Ok(await cases.SearchPartiesAsync(q, agencyId));

    public static async Task<Results<Ok<PartyCasesDto>, ProblemHttpResult>> GetParty(int partyId, CaseService cases)
        => await cases.FindVisiblePartyAsync(partyId) is { } p ? TypedResults.Ok(await cases.PartyWithCasesAsync(p)) : Problems.NotFound(T("cases.error.party"));
}
