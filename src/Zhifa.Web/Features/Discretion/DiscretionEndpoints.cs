using Microsoft.AspNetCore.Http.HttpResults;
using Zhifa.Web.Features.Matters;
using Zhifa.Web.Infrastructure;
using static Zhifa.Web.Infrastructure.UiText;

namespace Zhifa.Web.Features.Discretion;

/// <summary>Documents the upload form of the benchmark import for the OpenAPI description.</summary>
public sealed record BenchmarkImportForm(IFormFile File);

public sealed record BenchmarkImportRowError(int RowNumber, string Column, string Value, string Code, string Reason);

/// <summary>Discretion benchmarks per penalty matter (DIS-1).</summary>
public static class DiscretionEndpoints
{
    public static void AddDiscretionFeature(this IServiceCollection services)
    {
        services.AddScoped<BenchmarkService>();
        services.AddScoped<IMatterBenchmarks>(s => s.GetRequiredService<BenchmarkService>());
    }

    public static void MapDiscretionEndpoints(this IEndpointRouteBuilder group)
    {
        group.MapGet("/benchmarks", ListBenchmarks).WithTags(T("discretion.api.tag")).WithName("ListBenchmarks").WithSummary(T("discretion.api.list"))
            .ProducesProblem(StatusCodes.Status400BadRequest);

        var g = group.MapGroup("/matters/{matterId:int}/benchmark").WithTags(T("discretion.api.tag"));

        g.MapGet("/", GetBenchmark).WithName("GetBenchmark").WithSummary(T("discretion.api.get"))
            .ProducesProblem(StatusCodes.Status404NotFound);
        g.MapPut("/", SaveBenchmark).WithName("SaveBenchmark").WithSummary(T("discretion.api.save"))
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound);
        g.MapDelete("/", DeleteBenchmark).WithName("DeleteBenchmark").WithSummary(T("discretion.api.delete"))
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound);
        // The form is read by hand rather than bound to IFormFile, so a missing file is a named field error like any other.
        g.MapPost("/import", ImportBenchmark).WithName("ImportBenchmark").WithSummary(T("discretion.api.import"))
            .Accepts<BenchmarkImportForm>("multipart/form-data")
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound);
    }

    public static async Task<Ok<List<BenchmarkListItem>>> ListBenchmarks(int? agencyId, BenchmarkService benchmarks)
        => TypedResults.Ok(await benchmarks.ListAsync(agencyId));

    public static async Task<Results<Ok<BenchmarkDto>, ProblemHttpResult>> GetBenchmark(int matterId, MatterService matters, BenchmarkService benchmarks)
    {
        if (await matters.FindVisibleAsync(matterId) is null) return Problems.NotFound(T("discretion.error.matter"));
        return await benchmarks.FindAsync(matterId) is { } b ? TypedResults.Ok(BenchmarkService.ToDto(b)) : Problems.NotFound(T("discretion.error.benchmark"));
    }

    public static async Task<Results<Ok<BenchmarkDto>, ProblemHttpResult>> SaveBenchmark(int matterId, BenchmarkInput input, MatterService matters,
        BenchmarkService benchmarks, CurrentUser me)
    {
        var m = await matters.FindVisibleAsync(matterId);
        if (m is null) return Problems.NotFound(T("discretion.error.matter"));
        if (!await me.CanAdminister(m.AgencyId)) return Problems.Forbidden();
        return TypedResults.Ok(BenchmarkService.ToDto(await benchmarks.SaveAsync(m, input)));
    }

    public static async Task<Results<NoContent, ProblemHttpResult>> DeleteBenchmark(int matterId, MatterService matters, BenchmarkService benchmarks, CurrentUser me)
    {
        var m = await matters.FindVisibleAsync(matterId);
        if (m is null) return Problems.NotFound(T("discretion.error.matter"));
        if (!await me.CanAdminister(m.AgencyId)) return Problems.Forbidden();
        await benchmarks.DeleteAsync(m);
        return TypedResults.NoContent();
    }

    public static async Task<Results<Ok<BenchmarkDto>, ProblemHttpResult>> ImportBenchmark(int matterId, HttpRequest request, MatterService matters,
        BenchmarkService benchmarks, CurrentUser me)
    {
        var m = await matters.FindVisibleAsync(matterId);
        if (m is null) return Problems.NotFound(T("discretion.error.matter"));
        if (!await me.CanAdminister(m.AgencyId)) return Problems.Forbidden();
        if (!request.HasFormContentType) return Problems.Validation("file", "required", T("discretion.error.multipart_required"));
        var form = await request.ReadFormAsync();
        var file = form.Files.GetFile("file") ?? form.Files.FirstOrDefault();
        if (file is null || file.Length == 0) return Problems.Validation("file", "required", T("discretion.error.file_required"));
        await using var stream = file.OpenReadStream();
        var result = await benchmarks.ImportAsync(m, stream, file.FileName);
        if (result.FileError is not null) return Problems.Validation("file", "unreadable", result.FileError);
        if (!result.Succeeded)
            return Problems.Validation(result.RowErrors.Select(e => new Domain.Common.ValidationError(
                $"rows[{e.RowNumber}].{e.Column}", e.Code, T("discretion.error.row", e.RowNumber, e.Column, e.Reason))).ToList());
        return TypedResults.Ok(BenchmarkService.ToDto(result.Benchmark!));
    }
}
