using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Zhifa.Data;
using Zhifa.Domain.Common;
using Zhifa.Web.Infrastructure;
using static Zhifa.Web.Infrastructure.UiText;

namespace Zhifa.Web.Features.Matters;

/// <summary>Documents the upload form of the import for the OpenAPI description.</summary>
public sealed record MatterImportForm(IFormFile File);

public static class MatterEndpoints
{
    public static void AddMatterFeature(this IServiceCollection services)
    {
        services.AddScoped<MatterService>();
        services.AddScoped<Agencies.IUnitUsers, MattersOfUnit>();
    }

    public static void MapMatterEndpoints(this IEndpointRouteBuilder group)
    {
        var g = group.MapGroup("/matters").WithTags(T("matters.api.tag"));

        g.MapGet("/", ListMatters).WithName("ListMatters").WithSummary(T("matters.api.list"))
            .ProducesProblem(StatusCodes.Status400BadRequest);
        g.MapGet("/{matterId:int}", GetMatter).WithName("GetMatter").WithSummary(T("matters.api.get"))
            .ProducesProblem(StatusCodes.Status404NotFound);
        g.MapPost("/", CreateMatter).WithName("CreateMatter").WithSummary(T("matters.api.create"))
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound);
        g.MapPut("/{matterId:int}", UpdateMatter).WithName("UpdateMatter").WithSummary(T("matters.api.update"))
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound);
        g.MapDelete("/{matterId:int}", DeleteMatter).WithName("DeleteMatter").WithSummary(T("matters.api.delete"))
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound);

        // The form is read by hand rather than bound to IFormFile, so a missing file is a named field error like any other.
        group.MapPost("/agencies/{agencyId:int}/matters/import", ImportMatters).WithTags(T("matters.api.tag")).WithName("ImportMatters")
            .WithSummary(T("matters.api.import"))
            .Accepts<MatterImportForm>("multipart/form-data")
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound);
        group.MapGet("/agencies/{agencyId:int}/matters/export", ExportMatters).WithTags(T("matters.api.tag")).WithName("ExportMatters")
            .WithSummary(T("matters.api.export"))
            .Produces(StatusCodes.Status200OK, typeof(Stream), contentType: MatterImport.XlsxContentType)
            .ProducesProblem(StatusCodes.Status404NotFound);
    }

    public static async Task<Ok<MatterPage>> ListMatters(int? agencyId, string? category, bool? randomInspection, string? q, int? page, int? pageSize,
        MatterService matters)
        => TypedResults.Ok(await matters.ListAsync(new MatterFilter(agencyId, category, randomInspection, q, page ?? 1, pageSize ?? 50)));

    public static async Task<Results<Ok<MatterDto>, ProblemHttpResult>> GetMatter(int matterId, MatterService matters)
        => await matters.FindVisibleAsync(matterId) is { } m ? TypedResults.Ok(await matters.ToDtoAsync(m)) : Problems.NotFound(T("matters.error.matter"));

    public static async Task<Results<Created<MatterDto>, ProblemHttpResult>> CreateMatter(MatterInput input, MatterService matters, CurrentUser me)
    {
        var agencyId = input.AgencyId ?? me.AgencyId;
        if (agencyId is null) return Problems.Validation("agencyId", "required", T("matters.error.agency_missing"));
        if (!await me.CanSee(agencyId)) return Problems.NotFound(T("matters.error.agency"));
        if (!await me.CanAdminister(agencyId)) return Problems.Forbidden();
        var m = await matters.CreateAsync(agencyId.Value, input);
        return TypedResults.Created($"/api/v1/matters/{m.Id}", await matters.ToDtoAsync(m));
    }

    public static async Task<Results<Ok<MatterDto>, ProblemHttpResult>> UpdateMatter(int matterId, MatterInput input, MatterService matters, CurrentUser me)
    {
        var m = await matters.FindVisibleAsync(matterId);
        if (m is null) return Problems.NotFound(T("matters.error.matter"));
        if (!await me.CanAdminister(m.AgencyId)) return Problems.Forbidden();
        await matters.UpdateAsync(m, input);
        return TypedResults.Ok(await matters.ToDtoAsync(m));
    }

    public static async Task<Results<NoContent, ProblemHttpResult>> DeleteMatter(int matterId, MatterService matters, CurrentUser me)
    {
        var m = await matters.FindVisibleAsync(matterId);
        if (m is null) return Problems.NotFound(T("matters.error.matter"));
        if (!await me.CanAdminister(m.AgencyId)) return Problems.Forbidden();
        await matters.DeleteAsync(m);
        return TypedResults.NoContent();
    }

    public static async Task<Results<Ok<MatterImportCounts>, ProblemHttpResult>> ImportMatters(int agencyId, HttpRequest request, MatterImport import,
        CurrentUser me, Agencies.AgencyService agencies)
    {
        if (!await me.CanSee(agencyId) || !await agencies.ExistsAsync(agencyId)) return Problems.NotFound(T("matters.error.agency"));
        if (!await me.CanAdminister(agencyId)) return Problems.Forbidden();
        if (!request.HasFormContentType) return Problems.Validation("file", "required", T("matters.error.multipart_required"));
        var form = await request.ReadFormAsync();
        var result = await import.ImportAsync(agencyId, form.Files.GetFile("file") ?? form.Files.FirstOrDefault());
        if (result.FileError is not null) return Problems.Validation("file", "unreadable", result.FileError);
        if (!result.Succeeded)
            return Problems.Validation(result.RowErrors.Select(e => new ValidationError(
                $"rows[{e.RowNumber}].{e.Column}", e.Code, T("matters.error.row", e.RowNumber, e.Column, e.Reason))).ToList());
        return TypedResults.Ok(new MatterImportCounts(result.Imported, result.Created, result.Updated, result.Unchanged, result.Summary));
    }

    public static async Task<Results<FileContentHttpResult, ProblemHttpResult>> ExportMatters(int agencyId, MatterImport import, CurrentUser me,
        TimeProvider time, Agencies.AgencyService agencies)
    {
        if (!await me.CanSee(agencyId)) return Problems.NotFound(T("matters.error.agency"));
        var agency = await agencies.FindAsync(agencyId);
        if (agency is null) return Problems.NotFound(T("matters.error.agency"));
        var today = Display.ToChina(time.GetUtcNow().UtcDateTime);
        return TypedResults.File(await import.ExportAsync(agencyId), MatterImport.XlsxContentType, MatterImport.ExportFileName(agency.ShortName, today));
    }
}
