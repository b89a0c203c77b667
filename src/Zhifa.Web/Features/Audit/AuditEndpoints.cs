using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Zhifa.Data;
using Zhifa.Data.Audit;
using Zhifa.Web.Infrastructure;
using static Zhifa.Web.Infrastructure.UiText;

namespace Zhifa.Web.Features.Audit;

public static class AuditEndpoints
{
    public sealed record AuditEntryView(long Sequence, DateTime Time, string Actor, int? AgencyId, string Action, string SubjectType,
        string SubjectId, string? BeforeDigest, string? AfterDigest, string Details, string Hash);
    public sealed record VerifyView(bool Ok, long Entries, long? FirstBadSequence, string? Kind, string? Message);

    /// <summary>Entries of the agencies the user sees, newest first; the deployment's own events only for its administrator.</summary>
    public static async Task<IQueryable<AuditEntry>> VisibleAsync(AppDbContext db, CurrentUser me)
    {
        var visible = await me.VisibleAgencyIdsAsync();
        return visible is null ? db.AuditEntries : db.AuditEntries.Where(e => e.AgencyId != null && visible.Contains(e.AgencyId.Value));
    }

    public static bool MayRead(CurrentUser me) => me.IsAdministrator || me.IsInRole(Domain.Accounts.Roles.Supervisor) || me.IsInRole(Domain.Accounts.Roles.Head);

    public static void MapAuditEndpoints(this IEndpointRouteBuilder group)
    {
        var g = group.MapGroup("/audit").WithTags(T("audit.api.tag"));
        g.MapGet("/", ListAuditEntries).WithName("ListAuditEntries").WithSummary(T("audit.api.list"))
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status403Forbidden);
        // The chain spans every agency, so only the deployment administrator checks it.
        g.MapPost("/verify", VerifyAuditChain).WithMetadata(new DeploymentWideAttribute()).WithName("VerifyAuditChain").WithSummary(T("audit.api.verify"))
            .ProducesProblem(StatusCodes.Status403Forbidden);
    }

    public static async Task<Results<Ok<List<AuditEntryView>>, ProblemHttpResult>> ListAuditEntries(AppDbContext db, CurrentUser me, long? before,
        string? subjectType, string? subjectId, int? take)
    {
        if (!MayRead(me)) return Problems.Forbidden();
        var q = (await VisibleAsync(db, me)).AsNoTracking();
        if (before is { } b) q = q.Where(e => e.Sequence < b);
        if (!string.IsNullOrWhiteSpace(subjectType)) q = q.Where(e => e.SubjectType == subjectType);
        if (!string.IsNullOrWhiteSpace(subjectId)) q = q.Where(e => e.SubjectId == subjectId);
        var rows = await q.OrderByDescending(e => e.Sequence).Take(Math.Clamp(take ?? 50, 1, 500)).ToListAsync();
        return TypedResults.Ok(rows.Select(e => new AuditEntryView(e.Sequence, e.Time, e.Actor, e.AgencyId, e.Action, e.SubjectType,
            e.SubjectId, e.BeforeDigest, e.AfterDigest, e.Details, e.Hash)).ToList());
    }

    public static async Task<Results<Ok<VerifyView>, ProblemHttpResult>> VerifyAuditChain(AuditVerifier verifier, CurrentUser me)
    {
        if (!me.IsDeploymentAdministrator) return Problems.Forbidden(T("audit.error.verify_forbidden"));
        var r = await verifier.VerifyAsync();
        return TypedResults.Ok(new VerifyView(r.Problem is null, r.Entries, r.Problem?.Sequence, r.Problem?.Kind.ToString(), r.Problem?.Message));
    }
}
