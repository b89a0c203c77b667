using Zhifa.Domain.Complaints;
using Zhifa.Web.Infrastructure;

namespace Zhifa.Web.Features.Complaints;

public static class ComplaintEndpoints
{
    public const string PublicNotFound = "未查询到该回执号，请核对后重试";

    /// <summary>The anonymous portal side: submit, and look up the status by receipt number.</summary>
    public static void MapPublicComplaintEndpoints(this IEndpointRouteBuilder portal)
    {
        var g = portal.MapGroup("/api/v1/complaints").AddEndpointFilter<DomainValidationFilter>().WithTags("公示");

        g.MapPost("", async (ComplaintSubmission input, ComplaintService svc) =>
        {
            var receipt = await svc.SubmitAsync(input);
            return Results.Created($"/gs/api/v1/complaints/{receipt.ReceiptNumber}", receipt);
        }).AllowAnonymous().WithName("SubmitComplaintPublic")
          .WithSummary("公众提交投诉、举报或意见建议，返回受理回执号（凭回执号查询办理状态）")
          .Produces<ComplaintReceipt>(StatusCodes.Status201Created);

        g.MapGet("/{receipt}", async (string receipt, ComplaintService svc) =>
            await svc.PublicStatusAsync(receipt) is { } s
                ? Results.Ok(s)
                : Problems.Problem(StatusCodes.Status404NotFound, "not_found", "未找到", PublicNotFound))
          .AllowAnonymous().WithName("GetComplaintStatusPublic")
          .WithSummary("凭回执号公开查询投诉举报办理状态、日期和答复（不含内容和联系方式）")
          .Produces<PublicComplaintStatus>();
    }

    public static void MapComplaintEndpoints(this IEndpointRouteBuilder api)
    {
        var g = api.MapGroup("/complaints").WithTags("投诉举报");

        g.MapGet("", async (int? agencyId, string? status, bool? overdue, ComplaintService svc) =>
            Results.Ok(await svc.ListAsync(agencyId, status, overdue == true)))
          .WithName("ListComplaints").WithSummary("本机关（及所辖）投诉举报列表：状态、办理期限（15 个工作日）、是否逾期；overdue=true 只列逾期未办结的");

        g.MapGet("/{complaintId:int}", async (int complaintId, ComplaintService svc) =>
            await svc.FindVisibleAsync(complaintId) is { } c ? Results.Ok(await svc.DetailAsync(c)) : Problems.NotFound("投诉举报"))
          .WithName("GetComplaint").WithSummary("投诉举报详情；联系方式仅向本机关人员显示，每次查看记入审计日志");

        Map(g, "accept", "AcceptComplaint", "受理投诉举报", (ComplaintService svc, Complaint c, EmptyInput _) => svc.AcceptAsync(c));
        Map(g, "assign", "AssignComplaint", "分派投诉举报给承办科室或承办人", (ComplaintService svc, Complaint c, AssignInput i) => svc.AssignAsync(c, i));
        Map(g, "notes", "AddComplaintNote", "记录投诉举报办理情况", (ComplaintService svc, Complaint c, NoteInput i) => svc.NoteAsync(c, i));
        Map(g, "reply", "ReplyComplaint", "答复投诉举报（答复内容在公开查询页显示）", (ComplaintService svc, Complaint c, ReplyInput i) => svc.ReplyAsync(c, i));
        Map(g, "reject", "RejectComplaint", "不予受理投诉举报（须写明理由，理由在公开查询页显示）", (ComplaintService svc, Complaint c, RejectInput i) => svc.RejectAsync(c, i));
        Map(g, "case", "LinkComplaintCase", "投诉举报转立案：记录已另行立案的案件（由投诉举报直接立案的，在立案请求 POST /api/v1/cases 中带 complaintId，投诉举报自动转为已转立案）", (ComplaintService svc, Complaint c, LinkCaseInput i) => svc.LinkCaseAsync(c, i));
    }

    public static void MapComplaintPolicyEndpoints(this IEndpointRouteBuilder api)
    {
        var g = api.MapGroup("/agencies/{agencyId:int}/complaint-policy").WithTags("投诉举报");
        g.MapGet("", async (int agencyId, ComplaintService svc, CurrentUser me) =>
            await me.CanSee(agencyId) ? Results.Ok(await svc.PolicyAsync(agencyId)) : Problems.NotFound("执法主体"))
          .WithName("GetComplaintPolicy").WithSummary("执法主体的投诉举报办理期限（工作日，未设置时为 15 个工作日）");
        g.MapPut("", async (int agencyId, ComplaintPolicyInput input, ComplaintService svc, CurrentUser me) =>
        {
            if (!await me.CanSee(agencyId)) return Problems.NotFound("执法主体");
            if (!await me.CanAdminister(agencyId)) return Problems.Forbidden("只有本机关系统管理员可以设置办理期限");
            return Results.Ok(await svc.SetPolicyAsync(agencyId, input));
        }).WithName("SetComplaintPolicy").WithSummary("设置执法主体的投诉举报办理期限（1 至 60 个工作日）");
    }

    public sealed record EmptyInput;

    private static void Map<TInput>(RouteGroupBuilder g, string action, string name, string summary, Func<ComplaintService, Complaint, TInput, Task> act)
        => g.MapPost($"/{{complaintId:int}}/{action}", async (int complaintId, TInput input, ComplaintService svc) =>
        {
            var c = await svc.FindVisibleAsync(complaintId);
            if (c is null) return Problems.NotFound("投诉举报");
            if (!svc.MayHandle(c)) return Problems.Forbidden("只有本机关人员可以办理该投诉举报");
            await act(svc, c, input);
            return Results.Ok(await svc.DetailAsync(c));
        }).WithName(name).WithSummary(summary);
}
