using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Zhifa.Data;
using Zhifa.Domain.Common;
using Zhifa.Domain.Publicity;
using Zhifa.Web.Infrastructure;
using static Zhifa.Web.Infrastructure.UiText;

namespace Zhifa.Web.Features.Publicity;

public sealed record InspectionNoteInput(int? AgencyId, int? UnitId, int? Year, int? Quarter, string? Content);

public sealed record InspectionNoteReply(string? Reply);

public sealed record InspectionNoteView(int Id, int AgencyId, string Agency, int? UnitId, string Unit, int Year, int Quarter, string Content,
    DateTime CreatedAt, string CreatedByName, string Status, string StatusLabel, string Reply, DateTime? RepliedAt, string RepliedByName);

/// <summary>The inspection's findings sent back to the agency or unit, and the unit's answers (PUB-9, SUP-2).</summary>
public sealed class InspectionNoteService(AppDbContext db, CurrentUser me, TimeProvider time, Agencies.AgencyService agencyService)
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
        var agencyNames = await agencyService.NamesAsync(agencies);
        var unitNames = await agencyService.UnitNamesAsync(agencies);
        return [.. notes.Select(n => new InspectionNoteView(n.Id, n.AgencyId, agencyNames[n.AgencyId], n.UnitId,
            n.UnitId is { } uid && unitNames.TryGetValue(uid, out var un) ? un : "", n.Year, n.Quarter, n.Content, n.CreatedAt, n.CreatedByName,
            n.Status.ToString(), n.Status == InspectionNoteStatus.Open ? T("publicity.note.status_open") : T("publicity.note.status_answered"), n.Reply, n.RepliedAt, n.RepliedByName))];
    }

    /// <summary>The inspector records a finding for an agency in scope; it reaches that agency's (or unit's) deadlines list.</summary>
    public async Task<InspectionNote> AddAsync(InspectionNoteInput input)
    {
        var errors = new ValidationErrors();
        if (input.AgencyId is null) errors.Add("agencyId", "required", T("publicity.error.note_agency_required"));
        if (input.UnitId is { } u && (input.AgencyId is not { } a || !await agencyService.HasUnitAsync(a, u)))
            errors.Add("unitId", "not_in_agency", T("publicity.error.note_unit_not_in_agency"));
        var now = time.GetUtcNow().UtcDateTime;
        errors.AddRange(InspectionRules.ValidatePeriod(input.Year, input.Quarter, Cases.CaseService.ChinaDay(now).Year).Items);
        errors.AddRange(InspectionNote.ValidateContent("content", input.Content, T("publicity.note.content_label")).Items);
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
    public string? WhyNotReply(InspectionNote n) => me.AgencyId == n.AgencyId ? null : T("publicity.error.note_reply_forbidden");

    public async Task ReplyAsync(InspectionNote n, InspectionNoteReply input)
    {
        var errors = InspectionNote.ValidateContent("reply", input.Reply, T("publicity.note.reply_label"));
        if (n.Status != InspectionNoteStatus.Open) errors.Add("status", "answered", T("publicity.error.note_answered"));
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
        var g = api.MapGroup("/publicity/inspection/notes").WithTags(T("publicity.api.tag"));
        g.MapGet("", ListInspectionNotes).WithName("ListInspectionNotes").WithSummary(T("publicity.api.list_notes"))
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status404NotFound);
        g.MapPost("", AddInspectionNote).WithName("AddInspectionNote").WithSummary(T("publicity.api.add_note"))
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound);
        g.MapPost("/{inspectionNoteId:int}/reply", ReplyInspectionNote).WithName("ReplyInspectionNote").WithSummary(T("publicity.api.reply_note"))
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound);
    }

    public static async Task<Results<Ok<List<InspectionNoteView>>, ProblemHttpResult>> ListInspectionNotes(string? agencyId, DeadlinesService deadlines,
        InspectionNoteService notes)
    {
        var errors = new ValidationErrors();
        int? a = InspectionService.ParseInt(agencyId, "agencyId", T("publicity.error.agency"), errors);
        if (errors.Any) return Problems.Validation(errors.Items);
        return await deadlines.ScopeAsync(a, null) is { } scope ? TypedResults.Ok(await notes.ListAsync(scope)) : Problems.NotFound(T("publicity.error.agency"));
    }

    public static async Task<Results<Ok<InspectionNoteView>, ProblemHttpResult>> AddInspectionNote(InspectionNoteInput input, InspectionNoteService notes, CurrentUser me)
    {
        if (input.AgencyId is { } a && !await me.CanSee(a)) return Problems.NotFound(T("publicity.error.agency"));
        if (!InspectionService.MayView(me)) return Problems.Forbidden(T("publicity.error.note_add_forbidden"));
        var note = await notes.AddAsync(input);
        return TypedResults.Ok((await notes.ListAsync([note.AgencyId])).First(n => n.Id == note.Id));
    }

    public static async Task<Results<Ok<InspectionNoteView>, ProblemHttpResult>> ReplyInspectionNote(int inspectionNoteId, InspectionNoteReply input,
        InspectionNoteService notes)
    {
        if (await notes.FindVisibleAsync(inspectionNoteId) is not { } n) return Problems.NotFound(T("publicity.error.note"));
        if (notes.WhyNotReply(n) is { } why) return Problems.Forbidden(why);
        await notes.ReplyAsync(n, input);
        return TypedResults.Ok((await notes.ListAsync([n.AgencyId])).First(x => x.Id == n.Id));
    }
}
