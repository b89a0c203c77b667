using Microsoft.AspNetCore.Http.HttpResults;
using Zhifa.Web.Infrastructure;
using static Zhifa.Web.Infrastructure.UiText;

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
        var g = group.MapGroup("/officers").WithTags(T("officers.api.tag"));

        g.MapGet("/", ListOfficers).WithName("ListOfficers").WithSummary(T("officers.api.list"))
            .ProducesProblem(StatusCodes.Status400BadRequest);
        g.MapGet("/{officerId:int}", GetOfficer).WithName("GetOfficer").WithSummary(T("officers.api.get"))
            .ProducesProblem(StatusCodes.Status404NotFound);
        g.MapPost("/", CreateOfficer).WithName("CreateOfficer").WithSummary(T("officers.api.create"))
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound);
        g.MapPut("/{officerId:int}", UpdateOfficer).WithName("UpdateOfficer").WithSummary(T("officers.api.update"))
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound);
        g.MapGet("/{officerId:int}/certificates", ListOfficerCertificates).WithName("ListOfficerCertificates").WithSummary(T("officers.api.list_certificates"))
            .ProducesProblem(StatusCodes.Status404NotFound);
        g.MapPost("/{officerId:int}/certificates", AddOfficerCertificate).WithName("AddOfficerCertificate").WithSummary(T("officers.api.add_certificate"))
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound);
        g.MapPut("/{officerId:int}/certificates/{certificateId:int}", UpdateOfficerCertificate).WithName("UpdateOfficerCertificate")
            .WithSummary(T("officers.api.update_certificate"))
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound);
        g.MapPost("/{officerId:int}/certificates/{certificateId:int}/state", ChangeOfficerCertificateState).WithName("ChangeOfficerCertificateState")
            .WithSummary(T("officers.api.change_certificate_state"))
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound);
        g.MapPost("/{officerId:int}/trainings", AddOfficerTraining).WithName("AddOfficerTraining").WithSummary(T("officers.api.add_training"))
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound);

        group.MapGet("/agencies/{agencyId:int}/dashboard", GetAgencyDashboard).WithTags(T("officers.api.tag")).WithName("GetAgencyDashboard")
            .WithSummary(T("officers.api.dashboard"))
            .ProducesProblem(StatusCodes.Status404NotFound);
    }

    public static async Task<Ok<OfficerPage>> ListOfficers(int? agencyId, int? unitId, string? status, string? q, int? page, int? pageSize, OfficerService officers)
        => TypedResults.Ok(await officers.ListAsync(new OfficerFilter(agencyId, unitId, status, q, page ?? 1, pageSize ?? 50)));

    public static async Task<Results<Ok<OfficerDto>, ProblemHttpResult>> GetOfficer(int officerId, OfficerService officers)
        => await officers.FindVisibleAsync(officerId) is { } o ? TypedResults.Ok(await officers.ToDtoAsync(o)) : Problems.NotFound(T("officers.error.officer"));

    public static async Task<Results<Created<OfficerDto>, ProblemHttpResult>> CreateOfficer(OfficerInput input, OfficerService officers, CurrentUser me)
    {
        input.AgencyId ??= me.AgencyId;
        if (input.AgencyId is { } agencyId && !await me.CanSee(agencyId)) return Problems.NotFound(T("officers.error.agency"));
        if (!me.IsAdministrator || (input.AgencyId is { } id && !await me.CanAdminister(id))) return Problems.Forbidden();
        var o = await officers.CreateAsync(input);
        return TypedResults.Created($"/api/v1/officers/{o.Id}", await officers.ToDtoAsync(o));
    }

    public static async Task<Results<Ok<OfficerDto>, ProblemHttpResult>> UpdateOfficer(int officerId, OfficerInput input, OfficerService officers, CurrentUser me)
    {
        var o = await officers.FindVisibleAsync(officerId);
        if (o is null) return Problems.NotFound(T("officers.error.officer"));
        if (!await me.CanAdminister(o.AgencyId)) return Problems.Forbidden();
        await officers.UpdateAsync(o, input);
        return TypedResults.Ok(await officers.ToDtoAsync(o));
    }

    public static async Task<Results<Ok<List<CertificateDto>>, ProblemHttpResult>> ListOfficerCertificates(int officerId, OfficerService officers)
    {
        var o = await officers.FindVisibleAsync(officerId);
        if (o is null) return Problems.NotFound(T("officers.error.officer"));
        var today = officers.Today;
        return TypedResults.Ok(o.Certificates.OrderBy(c => c.Id).Select(c => OfficerService.ToDto(c, today)).ToList());
    }

    public static async Task<Results<Created<CertificateDto>, ProblemHttpResult>> AddOfficerCertificate(int officerId, CertificateInput input,
        OfficerService officers, CurrentUser me)
    {
        var o = await officers.FindVisibleAsync(officerId);
        if (o is null) return Problems.NotFound(T("officers.error.officer"));
        if (!await me.CanAdminister(o.AgencyId)) return Problems.Forbidden();
        var c = await officers.AddCertificateAsync(o, input);
        return TypedResults.Created($"/api/v1/officers/{o.Id}/certificates/{c.Id}", OfficerService.ToDto(c, officers.Today));
    }

    public static async Task<Results<Ok<CertificateDto>, ProblemHttpResult>> UpdateOfficerCertificate(int officerId, int certificateId, CertificateInput input,
        OfficerService officers, CurrentUser me)
    {
        var o = await officers.FindVisibleAsync(officerId);
        var c = o?.Certificates.FirstOrDefault(x => x.Id == certificateId);
        if (o is null || c is null) return Problems.NotFound(T("officers.error.certificate"));
        if (!await me.CanAdminister(o.AgencyId)) return Problems.Forbidden();
        await officers.UpdateCertificateAsync(c, input);
        return TypedResults.Ok(OfficerService.ToDto(c, officers.Today));
    }

    public static async Task<Results<Ok<CertificateDto>, ProblemHttpResult>> ChangeOfficerCertificateState(int officerId, int certificateId,
        CertificateStateInput input, OfficerService officers, CurrentUser me)
    {
        var o = await officers.FindVisibleAsync(officerId);
        var c = o?.Certificates.FirstOrDefault(x => x.Id == certificateId);
        if (o is null || c is null) return Problems.NotFound(T("officers.error.certificate"));
        if (!await me.CanAdminister(o.AgencyId)) return Problems.Forbidden();
        await officers.ChangeStateAsync(c, input);
        return TypedResults.Ok(OfficerService.ToDto(c, officers.Today));
    }

    public static async Task<Results<Created<TrainingDto>, ProblemHttpResult>> AddOfficerTraining(int officerId, TrainingInput input, OfficerService officers, CurrentUser me)
    {
        var o = await officers.FindVisibleAsync(officerId);
        if (o is null) return Problems.NotFound(T("officers.error.officer"));
        if (!await me.CanAdminister(o.AgencyId)) return Problems.Forbidden();
        var t = await officers.AddTrainingAsync(o, input);
        return TypedResults.Created($"/api/v1/officers/{o.Id}", OfficerService.ToDto(t));
    }

    public static async Task<Results<Ok<DashboardDto>, ProblemHttpResult>> GetAgencyDashboard(int agencyId, OfficerService officers, CurrentUser me)
    {
        if (!await me.CanSee(agencyId)) return Problems.NotFound(T("officers.error.agency"));
        return await officers.DashboardAsync(agencyId) is { } d ? TypedResults.Ok(d) : Problems.NotFound(T("officers.error.agency"));
    }
}
