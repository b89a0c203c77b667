using Microsoft.AspNetCore.Http.HttpResults;
using Zhifa.Domain.Complaints;
using Zhifa.Domain.Rules;
using Zhifa.Web.Infrastructure;
using static Zhifa.Web.Infrastructure.UiText;

namespace Zhifa.Web.Features.Complaints;

public static class ComplaintEndpoints
{
    public static string PublicNotFound => T("complaints.public.not_found");

    /// <summary>The anonymous portal side: submit, and look up the status by receipt number.</summary>
    public static void MapPublicComplaintEndpoints(this IEndpointRouteBuilder portal)
    {
        var g = portal.MapGroup("/api/v1/complaints").AddEndpointFilter<DomainValidationFilter>().WithTags(T("complaints.api.public_tag"));
        g.MapPost("", SubmitComplaintPublic).AllowAnonymous().WithName("SubmitComplaintPublic").WithSummary(T("complaints.api.submit"))
            .ProducesProblem(StatusCodes.Status400BadRequest);
        g.MapGet("/{receipt}", GetComplaintStatusPublic).AllowAnonymous().WithName("GetComplaintStatusPublic").WithSummary(T("complaints.api.status"))
            .ProducesProblem(StatusCodes.Status404NotFound);
    }

    public static void MapComplaintEndpoints(this IEndpointRouteBuilder api)
    {
        var g = api.MapGroup("/complaints").WithTags(T("complaints.api.tag"));
        g.MapGet("", ListComplaints).WithName("ListComplaints").WithSummary(T("complaints.api.list"));
        g.MapGet("/{complaintId:int}", GetComplaint).WithName("GetComplaint").WithSummary(T("complaints.api.get"))
            .ProducesProblem(StatusCodes.Status404NotFound);
        Act(g.MapPost("/{complaintId:int}/accept", AcceptComplaint).WithName("AcceptComplaint").WithSummary(T("complaints.api.accept")));
        Act(g.MapPost("/{complaintId:int}/assign", AssignComplaint).WithName("AssignComplaint").WithSummary(T("complaints.api.assign")));
        Act(g.MapPost("/{complaintId:int}/notes", AddComplaintNote).WithName("AddComplaintNote").WithSummary(T("complaints.api.note")));
        Act(g.MapPost("/{complaintId:int}/reply", ReplyComplaint).WithName("ReplyComplaint").WithSummary(T("complaints.api.reply")));
        Act(g.MapPost("/{complaintId:int}/reject", RejectComplaint).WithName("RejectComplaint").WithSummary(T("complaints.api.reject")));
        Act(g.MapPost("/{complaintId:int}/case", LinkComplaintCase).WithName("LinkComplaintCase").WithSummary(T("complaints.api.case")));
    }

    public static void MapComplaintPolicyEndpoints(this IEndpointRouteBuilder api)
    {
        var g = api.MapGroup("/agencies/{agencyId:int}/complaint-policy").WithTags(T("complaints.api.tag"));
        g.MapGet("", GetComplaintPolicy).WithName("GetComplaintPolicy").WithSummary(T("complaints.api.policy_get"))
            .ProducesProblem(StatusCodes.Status404NotFound);
        g.MapPut("", SetComplaintPolicy).WithName("SetComplaintPolicy").WithSummary(T("complaints.api.policy_set"))
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound);
    }

    /// <summary>The problems every handling act can answer with: bad input, may not act, not found, conditions unmet.</summary>
    private static void Act(RouteHandlerBuilder b) => b.ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status403Forbidden)
        .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);

    public sealed record EmptyInput;

    public static async Task<Created<ComplaintReceipt>> SubmitComplaintPublic(ComplaintSubmission input, ComplaintService svc)
    {
        var receipt = await svc.SubmitAsync(input);
        return TypedResults.Created($"/gs/api/v1/complaints/{receipt.ReceiptNumber}", receipt);
    }

    public static async Task<Results<Ok<PublicComplaintStatus>, ProblemHttpResult>> GetComplaintStatusPublic(string receipt, ComplaintService svc)
        => await svc.PublicStatusAsync(receipt) is { } s
            ? TypedResults.Ok(s)
            : Problems.Problem(StatusCodes.Status404NotFound, "not_found", T("problem.not_found"), PublicNotFound);

    public static async Task<Ok<List<ComplaintRow>>> ListComplaints(int? agencyId, string? status, bool? overdue, ComplaintService svc)
        => TypedResults.Ok(await svc.ListAsync(agencyId, status, overdue == true));

    public static async Task<Results<Ok<ComplaintDetail>, ProblemHttpResult>> GetComplaint(int complaintId, ComplaintService svc)
        => await svc.FindVisibleAsync(complaintId) is { } c ? TypedResults.Ok(await svc.DetailAsync(c)) : Problems.NotFound(T("complaints.complaint"));

    public static Task<Results<Ok<ComplaintDetail>, ProblemHttpResult>> AcceptComplaint(int complaintId, EmptyInput input, ComplaintService svc)
        => ActAsync(complaintId, svc, c => svc.AcceptAsync(c));

    public static Task<Results<Ok<ComplaintDetail>, ProblemHttpResult>> AssignComplaint(int complaintId, AssignInput input, ComplaintService svc)
        => ActAsync(complaintId, svc, c => svc.AssignAsync(c, input));

    public static Task<Results<Ok<ComplaintDetail>, ProblemHttpResult>> AddComplaintNote(int complaintId, NoteInput input, ComplaintService svc)
        => ActAsync(complaintId, svc, c => svc.NoteAsync(c, input));

    public static Task<Results<Ok<ComplaintDetail>, ProblemHttpResult>> ReplyComplaint(int complaintId, ReplyInput input, ComplaintService svc)
        => ActAsync(complaintId, svc, c => svc.ReplyAsync(c, input));

    public static Task<Results<Ok<ComplaintDetail>, ProblemHttpResult>> RejectComplaint(int complaintId, RejectInput input, ComplaintService svc)
        => ActAsync(complaintId, svc, c => svc.RejectAsync(c, input));

    public static Task<Results<Ok<ComplaintDetail>, ProblemHttpResult>> LinkComplaintCase(int complaintId, LinkCaseInput input, ComplaintService svc)
        => ActAsync(complaintId, svc, c => svc.LinkCaseAsync(c, input));

    /// <summary>One handling act: 404 outside the user's scope, the table's refusal (403/409) or the complaint as it is now.</summary>
    private static async Task<Results<Ok<ComplaintDetail>, ProblemHttpResult>> ActAsync(int complaintId, ComplaintService svc, Func<Complaint, Task<Outcome<Complaint>>> act)
    {
        if (await svc.FindVisibleAsync(complaintId) is not { } c) return Problems.NotFound(T("complaints.complaint"));
        var done = await act(c);
        return done.Succeeded ? TypedResults.Ok(await svc.DetailAsync(c)) : Problems.Refused(done);
    }

    public static async Task<Results<Ok<ComplaintPolicyView>, ProblemHttpResult>> GetComplaintPolicy(int agencyId, ComplaintService svc, CurrentUser me)
        => await me.CanSee(agencyId) ? TypedResults.Ok(await svc.PolicyAsync(agencyId)) : Problems.NotFound(T("complaints.agency"));

    public static async Task<Results<Ok<ComplaintPolicyView>, ProblemHttpResult>> SetComplaintPolicy(int agencyId, ComplaintPolicyInput input,
        ComplaintService svc, CurrentUser me)
    {
        if (!await me.CanSee(agencyId)) return Problems.NotFound(T("complaints.agency"));
        if (!await me.CanAdminister(agencyId)) return Problems.Forbidden(T("complaints.policy.forbidden"));
        return TypedResults.Ok(await svc.SetPolicyAsync(agencyId, input));
    }
}
