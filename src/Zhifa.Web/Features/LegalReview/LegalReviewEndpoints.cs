using Microsoft.AspNetCore.Http.HttpResults;
using Zhifa.Domain.Cases;
using Zhifa.Domain.Rules;
using Zhifa.Web.Features.Documents;
using Zhifa.Web.Infrastructure;
using static Zhifa.Web.Infrastructure.UiText;

namespace Zhifa.Web.Features.LegalReview;

/// <summary>The id of what was created, as the API has always answered a new flag.</summary>
public sealed record CreatedId(int Id);

/// <summary>Legal review of major decisions (重大执法决定法制审核, LR-1 … LR-9).</summary>
public static class LegalReviewEndpoints
{
    public static void AddLegalReviewFeature(this IServiceCollection services)
    {
        services.AddScoped<LegalReviewGateService>();
        services.AddScoped<LegalReviewService>();
        services.AddScoped<Cases.ICaseReviewState, CaseReviewState>();
        services.AddScoped<IDocumentReviewGate, DocumentReviewGate>();
    }

    public static RouteGroupBuilder MapLegalReviewEndpoints(this IEndpointRouteBuilder api)
    {
        var g = api.MapGroup("").WithTags(T("legal_review.api.tag"));

        g.MapGet("/agencies/{agencyId:int}/legal-review-catalogue", GetCatalogue).WithName("GetLegalReviewCatalogue")
            .WithSummary(T("legal_review.api.get_catalogue")).ProducesProblem(StatusCodes.Status404NotFound);
        g.MapPut("/agencies/{agencyId:int}/legal-review-catalogue", SaveCatalogue).WithName("SaveLegalReviewCatalogue")
            .WithSummary(T("legal_review.api.save_catalogue"))
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound);
        g.MapGet("/legal-review/desk", GetDesk).WithName("GetLegalReviewDesk").WithSummary(T("legal_review.api.desk"));
        g.MapGet("/cases/{caseId:int}/legal-review", GetReview).WithName("GetCaseLegalReview")
            .WithSummary(T("legal_review.api.get_review")).ProducesProblem(StatusCodes.Status404NotFound);
        Act(g.MapPost("/cases/{caseId:int}/legal-review/flags", Flag).WithName("FlagMajorDecision").WithSummary(T("legal_review.api.flag")));
        Act(g.MapPost("/cases/{caseId:int}/legal-review/submissions", Submit).WithName("SubmitForLegalReview").WithSummary(T("legal_review.api.submit")));
        Act(g.MapPost("/cases/{caseId:int}/legal-review/return", Return).WithName("ReturnLegalReviewSubmission").WithSummary(T("legal_review.api.return")));
        Act(g.MapPost("/cases/{caseId:int}/legal-review/opinions", Review).WithName("GiveLegalReviewOpinion").WithSummary(T("legal_review.api.opinion")));
        Act(g.MapPost("/cases/{caseId:int}/legal-review/extension", Extend).WithName("ExtendLegalReview").WithSummary(T("legal_review.api.extension")));
        Act(g.MapPost("/cases/{caseId:int}/legal-review/leader-opinion", LeaderOpinion).WithName("GiveLegalReviewLeaderOpinion").WithSummary(T("legal_review.api.leader_opinion")));
        Act(g.MapPost("/cases/{caseId:int}/legal-review/consultations", Consult).WithName("RecordLegalReviewConsultation").WithSummary(T("legal_review.api.consultation")));
        Act(g.MapPost("/cases/{caseId:int}/legal-review/coordinations", Coordinate).WithName("RecordLegalReviewCoordination").WithSummary(T("legal_review.api.coordination")));
        Act(g.MapPost("/cases/{caseId:int}/legal-review/form", GenerateForm).WithName("GenerateLegalReviewForm").WithSummary(T("legal_review.api.form")));
        g.MapGet("/cases/{caseId:int}/legal-review/responsibility", GetResponsibility).WithName("GetLegalReviewResponsibility")
            .WithSummary(T("legal_review.api.responsibility")).ProducesProblem(StatusCodes.Status404NotFound);
        return g;
    }

    /// <summary>Every act answers 400 on bad input, 403 when the account may not act, 404 outside its scope, 409 while conditions are unmet.</summary>
    private static void Act(RouteHandlerBuilder b) => b
        .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status403Forbidden)
        .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);

    private static ProblemHttpResult NoCase() => Problems.NotFound(T("legal_review.api.case"));

    private static string ReviewUrl(int caseId) => $"/api/v1/cases/{caseId}/legal-review";

    public static async Task<Results<Ok<CatalogueDto>, ProblemHttpResult>> GetCatalogue(int agencyId, LegalReviewService svc, CurrentUser me)
        => await me.CanSee(agencyId) ? TypedResults.Ok(await svc.CatalogueAsync(agencyId)) : Problems.NotFound(T("legal_review.api.agency"));

    public static async Task<Results<Ok<CatalogueDto>, ProblemHttpResult>> SaveCatalogue(int agencyId, CatalogueInput input, LegalReviewService svc, CurrentUser me)
    {
        if (!await me.CanSee(agencyId)) return Problems.NotFound(T("legal_review.api.agency"));
        if (!await me.CanAdminister(agencyId)) return Problems.Forbidden(T("legal_review.api.catalogue_forbidden"));
        return TypedResults.Ok(await svc.SaveCatalogueAsync(agencyId, input));
    }

    public static async Task<Ok<DeskDto>> GetDesk(LegalReviewService svc) => TypedResults.Ok(await svc.DeskAsync());

    public static async Task<Results<Ok<ReviewViewDto>, ProblemHttpResult>> GetReview(int caseId, LegalReviewService svc)
        => await svc.FindVisibleCaseAsync(caseId) is { } c ? TypedResults.Ok(await svc.ViewAsync(c)) : NoCase();

    public static async Task<Results<Created<CreatedId>, ProblemHttpResult>> Flag(int caseId, FlagInput input, LegalReviewService svc)
    {
        if (await svc.FindVisibleCaseAsync(caseId) is not { } c) return NoCase();
        var flagged = await svc.FlagAsync(c, input);
        return flagged.Succeeded ? TypedResults.Created(ReviewUrl(caseId), new CreatedId(flagged.Value!.Id)) : Problems.Refused(flagged);
    }

    /// <summary>An act on the case whose answer is the review as it stands afterwards (201 for what it adds, else 200).</summary>
    private static async Task<Results<Created<ReviewViewDto>, ProblemHttpResult>> AddAsync<T>(int caseId, LegalReviewService svc, Func<Case, Task<Outcome<T>>> act)
    {
        if (await svc.FindVisibleCaseAsync(caseId) is not { } c) return NoCase();
        var done = await act(c);
        return done.Succeeded ? TypedResults.Created(ReviewUrl(caseId), await svc.ViewAsync(c)) : Problems.Refused(done);
    }

    private static async Task<Results<Ok<ReviewViewDto>, ProblemHttpResult>> ChangeAsync<T>(int caseId, LegalReviewService svc, Func<Case, Task<Outcome<T>>> act)
    {
        if (await svc.FindVisibleCaseAsync(caseId) is not { } c) return NoCase();
        var done = await act(c);
        return done.Succeeded ? TypedResults.Ok(await svc.ViewAsync(c)) : Problems.Refused(done);
    }

    public static Task<Results<Created<ReviewViewDto>, ProblemHttpResult>> Submit(int caseId, SubmissionInput input, LegalReviewService svc)
        => AddAsync(caseId, svc, c => svc.SubmitAsync(c, input));

    public static Task<Results<Ok<ReviewViewDto>, ProblemHttpResult>> Return(int caseId, ReturnInput input, LegalReviewService svc)
        => ChangeAsync(caseId, svc, c => svc.ReturnAsync(c, input));

    public static Task<Results<Created<ReviewViewDto>, ProblemHttpResult>> Review(int caseId, OpinionInput input, LegalReviewService svc)
        => AddAsync(caseId, svc, c => svc.ReviewAsync(c, input));

    public static Task<Results<Ok<ReviewViewDto>, ProblemHttpResult>> Extend(int caseId, TextInput input, LegalReviewService svc)
        => ChangeAsync(caseId, svc, c => svc.ExtendAsync(c, input));

    public static Task<Results<Ok<ReviewViewDto>, ProblemHttpResult>> LeaderOpinion(int caseId, LeaderOpinionInput input, LegalReviewService svc)
        => ChangeAsync(caseId, svc, c => svc.LeaderOpinionAsync(c, input));

    public static Task<Results<Created<ReviewViewDto>, ProblemHttpResult>> Consult(int caseId, ConsultationInput input, LegalReviewService svc)
        => AddAsync(caseId, svc, c => svc.ConsultAsync(c, input));

    public static Task<Results<Created<ReviewViewDto>, ProblemHttpResult>> Coordinate(int caseId, CoordinationInput input, LegalReviewService svc)
        => AddAsync(caseId, svc, c => svc.CoordinateAsync(c, input));

    public static async Task<Results<Created<DocumentDto>, ProblemHttpResult>> GenerateForm(int caseId, LegalReviewService svc)
    {
        if (await svc.FindVisibleCaseAsync(caseId) is not { } c) return NoCase();
        var made = await svc.GenerateFormAsync(c);
        return made.Succeeded ? TypedResults.Created($"/api/v1/documents/{made.Value!.Id}", DocumentService.ToDto(made.Value)) : Problems.Refused(made);
    }

    public static async Task<Results<Ok<ResponsibilityDto>, ProblemHttpResult>> GetResponsibility(int caseId, LegalReviewService svc)
        => await svc.FindVisibleCaseAsync(caseId) is { } c ? TypedResults.Ok(await svc.ResponsibilityAsync(c)) : NoCase();
}
