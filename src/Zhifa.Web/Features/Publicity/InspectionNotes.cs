using Microsoft.EntityFrameworkCore;
using Zhifa.Data;
using Zhifa.Domain.Common;
using Zhifa.Domain.Publicity;
using Zhifa.Web.Infrastructure;

namespace Zhifa.Web.Features.Publicity;

public sealed record InspectionNoteInput(int? AgencyId, int? UnitId, int? Year, int? Quarter, string? Content);

public sealed record InspectionNoteReply(string? Reply);

public sealed record InspectionNoteView(int Id, int AgencyId, string Agency, int? UnitId, string Unit, int Year, int Quarter, string Content,
    DateTime CreatedAt, string CreatedByName, string Status, string StatusLabel, string Reply, DateTime? RepliedAt, string RepliedByName);

/// <summary>The inspection's findings sent back to the agency or unit, and the unit's answers (PUB-9, SUP-2).</summary>
public sealed class InspectionNoteService(AppDbContext db, CurrentUser me, TimeProvider time)
{
    public async Task<InspectionNote?> FindVisibleAsync(int id)
    {
        var n = await db.Set<InspectionNote>().FirstOrDefaultAsync(x => x.Id == id);
        return n is not null && await me.CanSee(n.AgencyId) ? n : null;
    }

    /// <summary>Notes of the agencies in <paramref name="agencies"/>, newest first; optionally one quarter's, or only the open ones.</summary>
    public async Task<List<InspectionNoteView>> ListAsync(IReadOnlyCollection<int> agencies, int? year = null, int? quarter = null, bool openOnly = false, int? unitId = null)
    {
        var q = db.Set<InspectionNote>().AsNoTracking().Where(n => agencies.Contains(n.AgencyId));
        if (year is { } y) q = q.Where(n => n.Year == y);
        if (quarter is { } qu) q = q.Where(n => n.Quarter == qu);
        if (openOnly) q = q.Where(n => n.Status == InspectionNoteStatus.Open);
        if (unitId is { } u) q = q.Where(n => n.UnitId == u);
        var notes = await q.OrderByDescending(n => n.Id).Take(500).ToListAsync();
        var agencyNames = await db.Agencies.AsNoTracking().Where(a => agencies.Contains(a.Id)).ToDictionaryAsync(a => a.Id, a => a.Name);
        var unitNames = await db.Units.AsNoTracking().Where(x => agencies.Contains(x.AgencyId)).ToDictionaryAsync(x => x.Id, x => x.Name);
        return [.. notes.Select(n => new InspectionNoteView(n.Id, n.AgencyId, agencyNames[n.AgencyId], n.UnitId,
            n.UnitId is { } uid && unitNames.TryGetValue(uid, out var un) ? un : "", n.Year, n.Quarter, n.Content, n.CreatedAt, n.CreatedByName,
            n.Status.ToString(), n.Status == InspectionNoteStatus.Open ? "待整改答复" : "已答复", n.Reply, n.RepliedAt, n.RepliedByName))];
    }

    /// <summary>The inspector records a finding for an agency in scope; it reaches that agency's (or unit's) deadlines list.</summary>
    public async Task<InspectionNote> AddAsync(InspectionNoteInput input)
    {
        var errors = new ValidationErrors();
        if (input.AgencyId is null) errors.Add("agencyId", "required", "请选择执法主体");
        if (input.UnitId is { } u && !await db.Units.AnyAsync(x => x.Id == u && x.AgencyId == input.AgencyId))
            errors.Add("unitId", "not_in_agency", "该科室不属于所选执法主体");
        var now = time.GetUtcNow().UtcDateTime;
        errors.AddRange(InspectionRules.ValidatePeriod(input.Year, input.Quarter, Cases.CaseService.ChinaDay(now).Year).Items);
        errors.AddRange(InspectionNote.ValidateContent("content", input.Content, "巡查意见").Items);
        errors.ThrowIfAny();
        var note = new InspectionNote
        {
            AgencyId = input.AgencyId!.Value, UnitId = input.UnitId, Year = input.Year!.Value, Quarter = input.Quarter!.Value,
            Content = input.Content!.Trim(), CreatedAt = now, CreatedBy = me.UserName, CreatedByName = me.DisplayName,
        };
        db.Add(note);
        await db.SaveChangesAsync();
        return note;
    }

    /// <summary>Only the agency's own staff answer a finding about it, once.</summary>
    public string? WhyNotReply(InspectionNote n) => me.AgencyId == n.AgencyId ? null : "只有被巡查单位的人员可以答复巡查意见";

    public async Task ReplyAsync(InspectionNote n, InspectionNoteReply input)
    {
        var errors = InspectionNote.ValidateContent("reply", input.Reply, "整改答复");
        if (n.Status != InspectionNoteStatus.Open) errors.Add("status", "answered", "该巡查意见已答复");
        errors.ThrowIfAny();
        n.Reply = input.Reply!.Trim();
        n.Status = InspectionNoteStatus.Answered;
        n.RepliedAt = time.GetUtcNow().UtcDateTime;
        n.RepliedBy = me.UserName;
        n.RepliedByName = me.DisplayName;
        await db.SaveChangesAsync();
    }
}

public static class InspectionNoteEndpoints
{
    public static void MapInspectionNoteEndpoints(this IEndpointRouteBuilder api)
    {
        var g = api.MapGroup("/publicity/inspection/notes").WithTags("公示");
        g.MapGet("", async (string? agencyId, DeadlinesService deadlines, InspectionNoteService notes) =>
        {
            var errors = new ValidationErrors();
            int? a = InspectionService.ParseInt(agencyId, "agencyId", "执法主体", errors);
            if (errors.Any) return Problems.Validation(errors.Items);
            return await deadlines.ScopeAsync(a, null) is { } scope ? Results.Ok(await notes.ListAsync(scope)) : Problems.NotFound("执法主体");
        }).WithName("ListInspectionNotes").WithSummary("公示网上巡查意见及被巡查单位的整改答复").Produces<List<InspectionNoteView>>();
        g.MapPost("", async (InspectionNoteInput input, InspectionNoteService notes, CurrentUser me) =>
        {
            if (input.AgencyId is { } a && !await me.CanSee(a)) return Problems.NotFound("执法主体");
            if (!InspectionService.MayView(me)) return Problems.Forbidden("只有监督人员和机关负责人可以记录巡查意见");
            var note = await notes.AddAsync(input);
            return Results.Ok((await notes.ListAsync([note.AgencyId])).First(n => n.Id == note.Id));
        }).WithName("AddInspectionNote").WithSummary("记录巡查意见，发回被巡查的执法主体或科室整改").Produces<InspectionNoteView>();
        g.MapPost("/{inspectionNoteId:int}/reply", async (int inspectionNoteId, InspectionNoteReply input, InspectionNoteService notes) =>
        {
            if (await notes.FindVisibleAsync(inspectionNoteId) is not { } n) return Problems.NotFound("巡查意见");
            if (notes.WhyNotReply(n) is { } why) return Problems.Forbidden(why);
            await notes.ReplyAsync(n, input);
            return Results.Ok((await notes.ListAsync([n.AgencyId])).First(x => x.Id == n.Id));
        }).WithName("ReplyInspectionNote").WithSummary("被巡查单位答复巡查意见（整改情况）").Produces<InspectionNoteView>();
    }
}
