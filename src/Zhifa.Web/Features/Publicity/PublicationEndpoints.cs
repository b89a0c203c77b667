using Microsoft.AspNetCore.Http.HttpResults;
using Zhifa.Domain.Cases;
using Zhifa.Domain.Publicity;
using Zhifa.Domain.Rules;
using Zhifa.Web.Features.Cases;
using Zhifa.Web.Infrastructure;
using static Zhifa.Web.Infrastructure.UiText;

namespace Zhifa.Web.Features.Publicity;

public static class PublicationEndpoints
{
    public static void AddPublicityFeature(this IServiceCollection services)
    {
        services.AddScoped<PublicationService>();
        services.AddScoped<DecisionPublicationService>();
        services.AddScoped<ICaseDeadlineSource>(s => s.GetRequiredService<DecisionPublicationService>());
        services.AddScoped<IDomainEventHandler<CaseMoved>, DecisionPublicationOnCaseMoved>();
        services.AddScoped<IPublicationKind, DecisionReadiness>();
        services.AddHostedService<HourlyPublicationExpiry>();
        services.AddPreDisclosureFeature();
    }

    public static void MapPublicationEndpoints(this IEndpointRouteBuilder api)
    {
        var policy = api.MapGroup("/agencies/{agencyId:int}/publication-policy").WithTags(T("publication.api.tag"));
        policy.MapGet("", GetPublicationPolicy).WithName("GetPublicationPolicy").WithSummary(T("publication.api.get_policy"))
            .ProducesProblem(StatusCodes.Status404NotFound);
        policy.MapPut("", SetPublicationPolicy).WithName("SetPublicationPolicy").WithSummary(T("publication.api.set_policy"))
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound);

        var g = api.MapGroup("/publications").WithTags(T("publication.api.tag"));
        g.MapGet("", ListDecisionPublications).WithName("ListDecisionPublications").WithSummary(T("publication.api.list"))
            .ProducesProblem(StatusCodes.Status400BadRequest);
        g.MapGet("/{publicationId:int}", GetPublication).WithName("GetPublication").WithSummary(T("publication.api.get"))
            .ProducesProblem(StatusCodes.Status404NotFound);
        Change(g.MapPut("/{publicationId:int}/content", SavePublicationContent).WithName("SavePublicationContent").WithSummary(T("publication.api.content")));
        g.MapGet("/{publicationId:int}/redaction", GetPublicationRedaction).WithName("GetPublicationRedaction").WithSummary(T("publication.api.redaction"))
            .ProducesProblem(StatusCodes.Status404NotFound);
        Change(g.MapPost("/{publicationId:int}/redaction", ConfirmPublicationRedaction).WithName("ConfirmPublicationRedaction")
            .WithSummary(T("publication.api.confirm_redaction")));
        Change(g.MapPost("/{publicationId:int}/non-disclosure", ProposeNonDisclosure).WithName("ProposeNonDisclosure").WithSummary(T("publication.api.non_disclosure")));
        Change(g.MapDelete("/{publicationId:int}/non-disclosure", ClearNonDisclosure).WithName("ClearNonDisclosure").WithSummary(T("publication.api.clear_non_disclosure")));
        Change(g.MapPost("/{publicationId:int}/legal-status", SetPublicationLegalStatus).WithName("SetPublicationLegalStatus").WithSummary(T("publication.api.legal_status")));
        Change(g.MapPost("/{publicationId:int}/withdraw", WithdrawPublication).WithName("WithdrawPublication").WithSummary(T("publication.api.withdraw")));
        Change(g.MapPost("/{publicationId:int}/versions", NewPublicationVersion).WithName("NewPublicationVersion").WithSummary(T("publication.api.new_version")));
        g.MapGet("/{publicationId:int}/chain", GetPublicationChain).WithName("GetPublicationChain").WithSummary(T("publication.api.chain"))
            .ProducesProblem(StatusCodes.Status404NotFound);
        Change(g.MapPost("/{publicationId:int}/submit", SubmitPublication).WithName("SubmitPublication").WithSummary(T("publication.api.submit")));
        Change(g.MapPost("/{publicationId:int}/approve", ApprovePublication).WithName("ApprovePublication").WithSummary(T("publication.api.approve")));
        Change(g.MapPost("/{publicationId:int}/return", ReturnPublication).WithName("ReturnPublication").WithSummary(T("publication.api.return")));
    }

    /// <summary>Every change answers 400 (bad input), 403 (the actor may not act), 404, or 409 (the table's conditions unmet).</summary>
    private static void Change(RouteHandlerBuilder b) => b.ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status403Forbidden)
        .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);

    private static ProblemHttpResult NoPublication() => Problems.NotFound(T("publication.item"));

    public static async Task<Results<Ok<PolicyView>, ProblemHttpResult>> GetPublicationPolicy(int agencyId, PublicationService svc, CurrentUser me)
        => await me.CanSee(agencyId) ? TypedResults.Ok(await svc.PolicyViewAsync(agencyId)) : Problems.NotFound(T("publication.agency"));

    public static async Task<Results<Ok<PolicyView>, ProblemHttpResult>> SetPublicationPolicy(int agencyId, PolicyInput input, PublicationService svc, CurrentUser me)
    {
        if (!await me.CanSee(agencyId)) return Problems.NotFound(T("publication.agency"));
        if (!svc.MaySetPolicy(agencyId)) return Problems.Forbidden(T("publication.policy.forbidden"));
        return TypedResults.Ok(await svc.SetPolicyAsync(agencyId, input));
    }

    public static async Task<Ok<List<TaskRow>>> ListDecisionPublications(int? agencyId, string? status, bool? overdue, DecisionPublicationService svc)
        => TypedResults.Ok(await svc.ListAsync(agencyId, status, overdue == true));

    public static async Task<Results<Ok<PublicationDetail>, ProblemHttpResult>> GetPublication(int publicationId, PublicationService svc, DecisionPublicationService decisions)
        => await svc.FindVisibleAsync(publicationId) is { } p ? TypedResults.Ok(await decisions.DetailAsync(p)) : NoPublication();

    public static Task<Results<Ok<PublicationDetail>, ProblemHttpResult>> SavePublicationContent(int publicationId, ContentInput input, PublicationService svc, DecisionPublicationService d)
        => OnDecision(publicationId, svc, d, p => d.SaveContentAsync(p, input));

    public static async Task<Results<Ok<RedactionView>, ProblemHttpResult>> GetPublicationRedaction(int publicationId, PublicationService svc, DecisionPublicationService d)
        => await svc.FindVisibleAsync(publicationId) is { } p ? TypedResults.Ok(await d.RedactionAsync(p)) : NoPublication();

    public static Task<Results<Ok<PublicationDetail>, ProblemHttpResult>> ConfirmPublicationRedaction(int publicationId, RedactionConfirmInput input, PublicationService svc, DecisionPublicationService d)
        => OnDecision(publicationId, svc, d, p => d.ConfirmRedactionAsync(p, input));

    public static Task<Results<Ok<PublicationDetail>, ProblemHttpResult>> ProposeNonDisclosure(int publicationId, NonDisclosureInput input, PublicationService svc, DecisionPublicationService d)
        => OnDecision(publicationId, svc, d, p => d.ProposeNonDisclosureAsync(p, input));

    public static Task<Results<Ok<PublicationDetail>, ProblemHttpResult>> ClearNonDisclosure(int publicationId, PublicationService svc, DecisionPublicationService d)
        => OnDecision(publicationId, svc, d, d.ClearNonDisclosureAsync);

    public static Task<Results<Ok<PublicationDetail>, ProblemHttpResult>> SetPublicationLegalStatus(int publicationId, LegalStatusInput input, PublicationService svc, DecisionPublicationService d)
        => OnDecision(publicationId, svc, d, p => d.SetLegalStatusAsync(p, input));

    public static Task<Results<Ok<PublicationDetail>, ProblemHttpResult>> WithdrawPublication(int publicationId, WithdrawInput input, PublicationService svc, DecisionPublicationService d)
        => OnDecision(publicationId, svc, d, p => d.WithdrawAsync(p, input));

    public static async Task<Results<Created<PublicationDetail>, ProblemHttpResult>> NewPublicationVersion(int publicationId, PublicationService svc, DecisionPublicationService d)
    {
        if (await svc.FindVisibleAsync(publicationId) is not { } p) return NoPublication();
        var next = await d.NewVersionAsync(p);
        return next.Succeeded ? TypedResults.Created($"/api/v1/publications/{next.Value!.Id}", await d.DetailAsync(next.Value)) : Problems.Refused(next);
    }

    public static async Task<Results<Ok<ChainView>, ProblemHttpResult>> GetPublicationChain(int publicationId, PublicationService svc)
        => await svc.FindVisibleAsync(publicationId) is { } p ? TypedResults.Ok(await svc.ChainAsync(p)) : NoPublication();

    public static Task<Results<Ok<ChainView>, ProblemHttpResult>> SubmitPublication(int publicationId, ApprovalInput input, PublicationService svc)
        => OnChain(publicationId, svc, ChainAct.Submit, input);

    public static Task<Results<Ok<ChainView>, ProblemHttpResult>> ApprovePublication(int publicationId, ApprovalInput input, PublicationService svc)
        => OnChain(publicationId, svc, ChainAct.Approve, input);

    public static Task<Results<Ok<ChainView>, ProblemHttpResult>> ReturnPublication(int publicationId, ApprovalInput input, PublicationService svc)
        => OnChain(publicationId, svc, ChainAct.Return, input);

    /// <summary>A change of a decision's publication, as the table allows it; answers with the whole detail.</summary>
    private static async Task<Results<Ok<PublicationDetail>, ProblemHttpResult>> OnDecision(int id, PublicationService svc, DecisionPublicationService d,
        Func<Publication, Task<Outcome<Publication>>> act)
    {
        if (await svc.FindVisibleAsync(id) is not { } p) return NoPublication();
        var done = await act(p);
        return done.Succeeded ? TypedResults.Ok(await d.DetailAsync(p)) : Problems.Refused(done);
    }

    private static async Task<Results<Ok<ChainView>, ProblemHttpResult>> OnChain(int id, PublicationService svc, ChainAct act, ApprovalInput input)
    {
        if (await svc.FindVisibleAsync(id) is not { } p) return NoPublication();
        var done = await svc.ActAsync(p, act, input);
        return done.Succeeded ? TypedResults.Ok(await svc.ChainAsync(p)) : Problems.Refused(done);
    }
}
