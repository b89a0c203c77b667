using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Zhifa.Domain.Cases;
using Zhifa.Web.Features.Cases;
using Zhifa.Web.Infrastructure;
using static Zhifa.Web.Infrastructure.UiText;

namespace Zhifa.Web.Features.Decisions;

/// <summary>Notice, statement, hearing, collective discussion and decision of a case (items 6–8 of the decision steps).</summary>
public static class DecisionEndpoints
{
    public static void AddDecisionFeature(this IServiceCollection services)
    {
        services.AddScoped<DecisionFactsService>();
        services.AddScoped<ICaseDecisionState, CaseDecisionState>();
        services.AddScoped<Documents.IDocumentProvisions, DocumentProvisions>();
        services.AddScoped<NoticeService>();
        services.AddScoped<HearingService>();
        services.AddScoped<DiscussionService>();
        services.AddScoped<DecisionService>();
        // The legal review's port (LegalReview sits below Decisions and asks it for the proposal).
        services.AddScoped<LegalReview.IReviewProposals, ReviewProposals>();
    }

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static void MapDecisionEndpoints(this IEndpointRouteBuilder group)
    {
        var g = group.MapGroup("/cases/{caseId:int}").WithTags(T("decisions.api.tag"));

        g.MapGet("/decision", GetDecisionSteps).WithName("GetDecisionSteps").WithSummary(T("decisions.api.get"))
            .ProducesProblem(StatusCodes.Status404NotFound);
        g.MapPost("/notices", CreateNotice).WithName("CreateNotice").WithSummary(T("decisions.api.create_notice"))
            .ProducesChangeProblems();
        g.MapPost("/notices/{noticeId:int}/service", ServeNotice).WithName("ServeNotice").WithSummary(T("decisions.api.serve_notice"))
            .ProducesChangeProblems();
        g.MapPost("/notices/{noticeId:int}/waiver", WaiveStatement).WithName("WaiveStatement").WithSummary(T("decisions.api.waive"))
            .ProducesChangeProblems();
        // JSON for a typed or oral statement; multipart when a written statement's scan comes with it.
        g.MapPost("/statements", RecordStatement).WithName("RecordStatement").WithSummary(T("decisions.api.record_statement"))
            .Accepts<StatementInput>("application/json", "multipart/form-data")
            .ProducesChangeProblems();
        g.MapGet("/statements/{statementId:int}/file", GetStatementFile).WithName("GetStatementFile").WithSummary(T("decisions.api.statement_file"))
            .Produces(StatusCodes.Status200OK, typeof(Stream), contentType: "application/pdf", additionalContentTypes: ["image/jpeg", "image/png"])
            .ProducesProblem(StatusCodes.Status404NotFound);
        g.MapPost("/statements/{statementId:int}/answer", AnswerStatement).WithName("AnswerStatement").WithSummary(T("decisions.api.answer_statement"))
            .ProducesChangeProblems();
        g.MapPost("/hearing", RequestHearing).WithName("RequestHearing").WithSummary(T("decisions.api.request_hearing"))
            .ProducesChangeProblems();
        g.MapPost("/hearing/schedule", ScheduleHearing).WithName("ScheduleHearing").WithSummary(T("decisions.api.schedule_hearing"))
            .ProducesChangeProblems();
        g.MapPost("/hearing/notice-service", ServeHearingNotice).WithName("ServeHearingNotice").WithSummary(T("decisions.api.serve_hearing_notice"))
            .ProducesChangeProblems();
        g.MapPost("/hearing/record", RecordHearing).WithName("RecordHearing").WithSummary(T("decisions.api.record_hearing"))
            .ProducesChangeProblems();
        g.MapPost("/hearing/withdrawal", WithdrawHearing).WithName("WithdrawHearing").WithSummary(T("decisions.api.withdraw_hearing"))
            .ProducesChangeProblems();
        g.MapPost("/recusals", RequestRecusal).WithName("RequestRecusal").WithSummary(T("decisions.api.request_recusal"))
            .ProducesChangeProblems();
        g.MapPost("/recusals/{recusalId:int}/decision", DecideRecusal).WithName("DecideRecusal").WithSummary(T("decisions.api.decide_recusal"))
            .ProducesChangeProblems();
        g.MapPost("/discussions", RecordDiscussion).WithName("RecordDiscussion").WithSummary(T("decisions.api.record_discussion"))
            .ProducesChangeProblems();
        g.MapPost("/decision", IssueDecision).WithName("IssueDecision").WithSummary(T("decisions.api.issue"))
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);

        var a = group.MapGroup("/agencies/{agencyId:int}/decision-settings").WithTags(T("decisions.api.tag"));
        a.MapGet("", GetDecisionSettings).WithName("GetDecisionSettings").WithSummary(T("decisions.api.get_settings"))
            .ProducesProblem(StatusCodes.Status404NotFound);
        a.MapPut("", SaveDecisionSettings).WithName("SaveDecisionSettings").WithSummary(T("decisions.api.save_settings"))
            .ProducesChangeProblems();
    }

    /// <summary>A write on a case's decision steps answers 400 for refused input, 403 for who may not act and 404 outside the scope.</summary>
    private static RouteHandlerBuilder ProducesChangeProblems(this RouteHandlerBuilder b)
        => b.ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound);

    public static async Task<Results<Ok<DecisionOverview>, ProblemHttpResult>> GetDecisionSteps(int caseId, CaseService cases, DecisionService decisions)
        => await cases.FindVisibleAsync(caseId) is { } c ? TypedResults.Ok(await decisions.OverviewAsync(c)) : Problems.NotFound(T("decisions.error.case"));

    public static Task<Results<Ok<DecisionOverview>, ProblemHttpResult>> CreateNotice(int caseId, NoticeInput input, CaseService cases, DecisionService decisions,
        NoticeService notices)
        => ChangeAsync(caseId, cases, decisions, async c => { await notices.CreateAsync(c, input); return null; });

    public static Task<Results<Ok<DecisionOverview>, ProblemHttpResult>> ServeNotice(int caseId, int noticeId, ServiceInput input, CaseService cases,
        DecisionService decisions, NoticeService notices)
        => ChangeAsync(caseId, cases, decisions, async c =>
        {
            var n = await notices.FindAsync(c.Id, noticeId);
            if (n is null) return Problems.NotFound(T("decisions.error.notice"));
            await notices.ServeAsync(c, n, input);
            return null;
        });

    public static Task<Results<Ok<DecisionOverview>, ProblemHttpResult>> WaiveStatement(int caseId, int noticeId, WaiverInput input, CaseService cases,
        DecisionService decisions, NoticeService notices)
        => ChangeAsync(caseId, cases, decisions, async c =>
        {
            var n = await notices.FindAsync(c.Id, noticeId);
            if (n is null) return Problems.NotFound(T("decisions.error.notice"));
            await notices.WaiveAsync(c, n, input);
            return null;
        });

    public static Task<Results<Ok<DecisionOverview>, ProblemHttpResult>> RecordStatement(int caseId, HttpRequest request, CaseService cases,
        DecisionService decisions, NoticeService notices)
        => ChangeAsync(caseId, cases, decisions, async c =>
        {
            StatementInput input;
            IFormFile? file = null;
            if (request.HasFormContentType)
            {
                var form = await request.ReadFormAsync();
                input = new StatementInput(form["form"], DateTime.TryParse(form["madeAt"], System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var at) ? at : null,
                    form["speaker"], form["content"], form["place"]);
                file = form.Files.GetFile("file");
            }
            else
            {
                try
                {
                    input = await request.ReadFromJsonAsync<StatementInput>(Json) ?? new StatementInput(null, null, null, null);
                }
                catch (JsonException)
                {
                    return Problems.Validation("body", "invalid_json", T("decisions.error.invalid_json"));
                }
            }
            await notices.RecordStatementAsync(c, input, file);
            return null;
        });

    public static async Task<Results<FileStreamHttpResult, ProblemHttpResult>> GetStatementFile(int caseId, int statementId, CaseService cases, NoticeService notices)
    {
        var c = await cases.FindVisibleAsync(caseId);
        if (c is null) return Problems.NotFound(T("decisions.error.case"));
        var s = await notices.FindStatementAsync(c.Id, statementId);
        if (s is null) return Problems.NotFound(T("decisions.error.statement"));
        var stream = await notices.OpenStatementFileAsync(s);
        return stream is null ? Problems.NotFound(T("decisions.error.statement_file")) : TypedResults.File(stream, s.FileContentType, s.FileName);
    }

    public static Task<Results<Ok<DecisionOverview>, ProblemHttpResult>> AnswerStatement(int caseId, int statementId, AnswerInput input, CaseService cases,
        DecisionService decisions, NoticeService notices)
        => ChangeAsync(caseId, cases, decisions, async c =>
        {
            var s = await notices.FindStatementAsync(c.Id, statementId);
            if (s is null) return Problems.NotFound(T("decisions.error.statement"));
            await notices.AnswerAsync(c, s, input);
            return null;
        });

    public static Task<Results<Ok<DecisionOverview>, ProblemHttpResult>> RequestHearing(int caseId, HearingRequestInput input, CaseService cases,
        DecisionService decisions, HearingService hearings)
        => ChangeAsync(caseId, cases, decisions, async c => { await hearings.RequestAsync(c, input); return null; });

    public static Task<Results<Ok<DecisionOverview>, ProblemHttpResult>> ScheduleHearing(int caseId, HearingScheduleInput input, CaseService cases,
        DecisionService decisions, HearingService hearings)
        => ChangeAsync(caseId, cases, decisions, c => OnHearingAsync(c, hearings, h => hearings.ScheduleAsync(c, h, input)));

    public static Task<Results<Ok<DecisionOverview>, ProblemHttpResult>> ServeHearingNotice(int caseId, ServiceInput input, CaseService cases,
        DecisionService decisions, HearingService hearings)
        => ChangeAsync(caseId, cases, decisions, c => OnHearingAsync(c, hearings, h => hearings.ServeNoticeAsync(c, h, input)));

    public static Task<Results<Ok<DecisionOverview>, ProblemHttpResult>> RecordHearing(int caseId, HearingRecordInput input, CaseService cases,
        DecisionService decisions, HearingService hearings)
        => ChangeAsync(caseId, cases, decisions, c => OnHearingAsync(c, hearings, h => hearings.RecordAsync(c, h, input)));

    public static Task<Results<Ok<DecisionOverview>, ProblemHttpResult>> WithdrawHearing(int caseId, WithdrawalInput input, CaseService cases,
        DecisionService decisions, HearingService hearings)
        => ChangeAsync(caseId, cases, decisions, c => OnHearingAsync(c, hearings, h => hearings.WithdrawAsync(c, h, input)));

    public static Task<Results<Ok<DecisionOverview>, ProblemHttpResult>> RequestRecusal(int caseId, RecusalInput input, CaseService cases,
        DecisionService decisions, HearingService hearings)
        => ChangeAsync(caseId, cases, decisions, async c => { await hearings.RequestRecusalAsync(c, input); return null; });

    public static async Task<Results<Ok<DecisionOverview>, ProblemHttpResult>> DecideRecusal(int caseId, int recusalId, RecusalDecisionInput input,
        CaseService cases, DecisionService decisions, HearingService hearings, CurrentUser me)
    {
        var c = await cases.FindVisibleAsync(caseId);
        if (c is null) return Problems.NotFound(T("decisions.error.case"));
        var r = await hearings.FindRecusalAsync(c.Id, recusalId);
        if (r is null) return Problems.NotFound(T("decisions.error.recusal"));
        if (!HearingService.MayDecideRecusal(me) || me.AgencyId != c.AgencyId) return Problems.Forbidden(T("decisions.error.recusal_forbidden"));
        await hearings.DecideRecusalAsync(r, input);
        return TypedResults.Ok(await decisions.OverviewAsync(c));
    }

    public static Task<Results<Ok<DecisionOverview>, ProblemHttpResult>> RecordDiscussion(int caseId, DiscussionInput input, CaseService cases,
        DecisionService decisions, DiscussionService discussions)
        => ChangeAsync(caseId, cases, decisions, async c => { await discussions.RecordAsync(c, input); return null; });

    public static async Task<Results<Ok<DecisionOverview>, ProblemHttpResult>> IssueDecision(int caseId, IssueInput input, CaseService cases, DecisionService decisions)
    {
        var c = await cases.FindVisibleAsync(caseId);
        if (c is null) return Problems.NotFound(T("decisions.error.case"));
        var issued = await decisions.IssueAsync(c, input);
        return issued.Succeeded ? TypedResults.Ok(await decisions.OverviewAsync((await cases.FindVisibleAsync(caseId))!)) : Problems.Refused(issued);
    }

    public static async Task<Results<Ok<SettingsView>, ProblemHttpResult>> GetDecisionSettings(int agencyId, CurrentUser me, DecisionFactsService facts)
        => await me.CanSee(agencyId) ? TypedResults.Ok(DecisionService.View(await facts.SettingsAsync(agencyId))) : Problems.NotFound(T("decisions.error.agency"));

    public static async Task<Results<Ok<SettingsView>, ProblemHttpResult>> SaveDecisionSettings(int agencyId, SettingsInput input, CurrentUser me,
        DecisionService decisions)
    {
        if (!await me.CanSee(agencyId)) return Problems.NotFound(T("decisions.error.agency"));
        if (!await me.CanAdminister(agencyId)) return Problems.Forbidden(T("decisions.error.settings_forbidden"));
        return TypedResults.Ok(DecisionService.View(await decisions.SaveSettingsAsync(agencyId, input)));
    }

    // Every write first finds the case in the caller's scope (404 outside it), then checks who may act (403).
    private static async Task<Results<Ok<DecisionOverview>, ProblemHttpResult>> ChangeAsync(int caseId, CaseService cases, DecisionService decisions,
        Func<Case, Task<ProblemHttpResult?>> act)
    {
        var c = await cases.FindVisibleAsync(caseId);
        if (c is null) return Problems.NotFound(T("decisions.error.case"));
        if (!await cases.MayChangeAsync(c)) return Problems.Forbidden();
        if (await act(c) is { } refused) return refused;
        return TypedResults.Ok(await decisions.OverviewAsync((await cases.FindVisibleAsync(caseId))!));
    }

    private static async Task<ProblemHttpResult?> OnHearingAsync(Case c, HearingService hearings, Func<Domain.Decisions.Hearing, Task> act)
    {
        var h = await hearings.CurrentAsync(c.Id);
        if (h is null) return Problems.Validation("hearing", "hearing.not_requested", T("decisions.error.hearing_not_requested"));
        await act(h);
        return null;
    }
}
