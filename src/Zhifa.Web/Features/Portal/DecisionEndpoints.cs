using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Xml;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Net.Http.Headers;
using Zhifa.Domain.Common;
using Zhifa.Domain.Publicity;
using Zhifa.Web.Infrastructure;
using static Zhifa.Web.Infrastructure.UiText;

using Zhifa.Web.Features.Publicity;

namespace Zhifa.Web.Features.Portal;

/// <summary>The decision search's query string, bound as text so that every refused value is named by <see cref="PortalSearchCriteria.Parse"/>.</summary>
public sealed record DecisionSearchParameters(string? Q, string? AgencyId, string? Category, string? From, string? To, string? MinFine,
    string? MaxFine, string? Page, string? PageSize)
{
    public static DecisionSearchParameters FromQuery(IQueryCollection q) => new(q["q"], q["agencyId"], q["category"], q["from"], q["to"],
        q["minFine"], q["maxFine"], q["page"], q["pageSize"]);

    public PortalSearchCriteria Parse(int maxPageSize = PortalSearchCriteria.MaxPageSize)
        => PortalSearchCriteria.Parse(Q, AgencyId, Category, From, To, MinFine, MaxFine, Page, PageSize, maxPageSize);
}

public static class DecisionPortalFeature
{
    /// <summary>Public responses may be kept briefly by browsers and proxies: a new publication shows within a minute.</summary>
    public const int MaxAgeSeconds = 60;
    public const int FeedEntries = 50;

    public static IServiceCollection AddPortalDecisionFeature(this IServiceCollection services)
    {
        services.AddScoped<DecisionPortalService>();
        services.AddScoped<DecisionErrorReportService>();
        return services;
    }

    /// <summary>
    /// Sets the public caching headers with the content's ETag; true when the client's copy is current and a 304 should
    /// answer. A signed-in user's pages carry their name in the layout, so only anonymous ones are public.
    /// </summary>
    public static bool NotModified(HttpContext http, string etag)
    {
        var headers = http.Response.GetTypedHeaders();
        bool anonymous = http.User.Identity?.IsAuthenticated != true;
        // The signed-in rendering differs (the staff's menu), so it gets its own tag.
        if (!anonymous) etag = etag[..^1] + "-s\"";
        headers.ETag = EntityTagHeaderValue.Parse(etag);
        headers.CacheControl = new CacheControlHeaderValue { Public = anonymous, Private = !anonymous, MaxAge = TimeSpan.FromSeconds(MaxAgeSeconds) };
        var match = http.Request.GetTypedHeaders().IfNoneMatch;
        return match.Any(m => m.Tag == "*" || m.Compare(EntityTagHeaderValue.Parse(etag), useStrongComparison: false));
    }

    private static void ShortPublicCache(HttpContext http)
        => http.Response.GetTypedHeaders().CacheControl = new CacheControlHeaderValue { Public = true, MaxAge = TimeSpan.FromSeconds(MaxAgeSeconds) };

    public static string BaseUrl(ZhifaOptions options, HttpRequest request)
        => (string.IsNullOrWhiteSpace(options.PublicBaseUrl) ? $"{request.Scheme}://{request.Host}{request.PathBase}" : options.PublicBaseUrl.Trim()).TrimEnd('/');

    /// <summary>The anonymous portal side under /gs: the read API, downloads, the feed and error reports.</summary>
    public static void MapPortalDecisionEndpoints(this IEndpointRouteBuilder portal)
    {
        var api = portal.MapGroup("/api/v1/decisions").AddEndpointFilter<DomainValidationFilter>().WithTags(T("portal.decisions.api.tag")).AllowAnonymous();
        api.MapGet("", SearchDecisionsPublic).WithName("SearchDecisionsPublic").WithSummary(T("portal.decisions.api.search"))
            .ProducesProblem(StatusCodes.Status400BadRequest);
        api.MapGet("/{seriesId:int}", GetDecisionPublic).WithName("GetDecisionPublic").WithSummary(T("portal.decisions.api.get"))
            .Produces(StatusCodes.Status304NotModified).ProducesProblem(StatusCodes.Status404NotFound);
        api.MapGet("/{seriesId:int}/versions/{version:int}", GetDecisionVersionPublic).WithName("GetDecisionVersionPublic")
            .WithSummary(T("portal.decisions.api.version")).Produces(StatusCodes.Status304NotModified).ProducesProblem(StatusCodes.Status404NotFound);
        api.MapPost("/{seriesId:int}/error-reports", ReportDecisionErrorPublic).WithName("ReportDecisionErrorPublic")
            .WithSummary(T("portal.decisions.api.report", PublicationErrorReport.DueWorkingDays))
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status404NotFound);

        portal.MapGet("/decisions/feed.atom", DecisionFeedPublic).AllowAnonymous().WithTags(T("portal.decisions.api.tag")).WithName("DecisionFeedPublic")
            .WithSummary(T("portal.decisions.api.feed"));
        portal.MapGet("/decisions/export.csv", ExportDecisionsCsvPublic).AddEndpointFilter<DomainValidationFilter>().AllowAnonymous()
            .WithTags(T("portal.decisions.api.tag")).WithName("ExportDecisionsCsvPublic").WithSummary(T("portal.decisions.api.csv"))
            .ProducesProblem(StatusCodes.Status400BadRequest);
        portal.MapGet("/decisions/export.json", ExportDecisionsJsonPublic).AddEndpointFilter<DomainValidationFilter>().AllowAnonymous()
            .WithTags(T("portal.decisions.api.tag")).WithName("ExportDecisionsJsonPublic").WithSummary(T("portal.decisions.api.json"))
            .ProducesProblem(StatusCodes.Status400BadRequest);
    }

    public static async Task<Ok<DecisionPage>> SearchDecisionsPublic([AsParameters] DecisionSearchParameters query, DecisionPortalService svc, HttpContext http)
    {
        var page = await svc.SearchAsync(query.Parse());
        ShortPublicCache(http);
        return TypedResults.Ok(page);
    }

    public static async Task<Results<Ok<PublicDecisionView>, StatusCodeHttpResult, ProblemHttpResult>> GetDecisionPublic(int seriesId, DecisionPortalService svc, HttpContext http)
    {
        if (await svc.DetailAsync(seriesId) is not { } view) return Problems.NotFound(T("portal.decisions.decision"));
        return NotModified(http, view.ETag) ? TypedResults.StatusCode(StatusCodes.Status304NotModified) : TypedResults.Ok(view);
    }

    public static async Task<Results<Ok<PublicDecisionView>, StatusCodeHttpResult, ProblemHttpResult>> GetDecisionVersionPublic(int seriesId, int version,
        DecisionPortalService svc, HttpContext http)
    {
        if (await svc.DetailAsync(seriesId, version) is not { } view) return Problems.NotFound(T("portal.decisions.version"));
        return NotModified(http, view.ETag) ? TypedResults.StatusCode(StatusCodes.Status304NotModified) : TypedResults.Ok(view);
    }

    public static async Task<Results<Created<ErrorReportReceipt>, ProblemHttpResult>> ReportDecisionErrorPublic(int seriesId, ErrorReportInput input, DecisionPortalService svc)
        => await svc.ReportErrorAsync(seriesId, input) is { } receipt
            ? TypedResults.Created($"/gs/decisions/{seriesId}/report/{receipt.ReceiptNumber}", receipt)
            : Problems.NotFound(T("portal.decisions.decision"));

    public static async Task<Results<ContentHttpResult, StatusCodeHttpResult>> DecisionFeedPublic(DecisionPortalService svc, ZhifaOptions options, HttpContext http)
    {
        var latest = await svc.LatestAsync(FeedEntries);
        var xml = Atom(latest, BaseUrl(options, http.Request));
        var etag = "\"" + Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(Encoding.UTF8.GetBytes(xml)))[..32] + "\"";
        if (NotModified(http, etag)) return TypedResults.StatusCode(StatusCodes.Status304NotModified);
        return TypedResults.Text(xml, "application/atom+xml; charset=utf-8", Encoding.UTF8);
    }

    public static async Task<FileContentHttpResult> ExportDecisionsCsvPublic(HttpContext http, DecisionPortalService svc)
    {
        var rows = await svc.ExportAsync(DecisionSearchParameters.FromQuery(http.Request.Query).Parse());
        ShortPublicCache(http);
        return TypedResults.File(Csv(rows), "text/csv; charset=utf-8", T("portal.decisions.export_name", svc.Today.ToString("yyyyMMdd", CultureInfo.InvariantCulture)) + ".csv");
    }

    public static async Task<FileContentHttpResult> ExportDecisionsJsonPublic(HttpContext http, DecisionPortalService svc)
    {
        var rows = await svc.ExportAsync(DecisionSearchParameters.FromQuery(http.Request.Query).Parse());
        ShortPublicCache(http);
        var bytes = JsonSerializer.SerializeToUtf8Bytes(new { total = rows.Count, cap = PortalSearchCriteria.MaxRows, items = rows }, JsonOptions);
        return TypedResults.File(bytes, "application/json; charset=utf-8", T("portal.decisions.export_name", svc.Today.ToString("yyyyMMdd", CultureInfo.InvariantCulture)) + ".json");
    }

    /// <summary>The staff side under /api/v1: the error reports of the visible agencies and their handling.</summary>
    public static void MapDecisionErrorReportEndpoints(this IEndpointRouteBuilder api)
    {
        var g = api.MapGroup("/publication-error-reports").WithTags(T("errorreports.api.tag"));
        g.MapGet("", ListPublicationErrorReports).WithName("ListPublicationErrorReports")
            .WithSummary(T("errorreports.api.list", PublicationErrorReport.DueWorkingDays));
        g.MapGet("/{errorReportId:int}", GetPublicationErrorReport).WithName("GetPublicationErrorReport").WithSummary(T("errorreports.api.get"))
            .ProducesProblem(StatusCodes.Status404NotFound);
        g.MapPost("/{errorReportId:int}/resolve", ResolvePublicationErrorReport).WithName("ResolvePublicationErrorReport").WithSummary(T("errorreports.api.resolve"))
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
    }

    public static async Task<Ok<List<ErrorReportRow>>> ListPublicationErrorReports(int? agencyId, string? status, bool? overdue, DecisionErrorReportService svc)
        => TypedResults.Ok(await svc.ListAsync(agencyId, status, overdue == true));

    public static async Task<Results<Ok<ErrorReportRow>, ProblemHttpResult>> GetPublicationErrorReport(int errorReportId, DecisionErrorReportService svc)
        => await svc.FindVisibleAsync(errorReportId) is { } r ? TypedResults.Ok(await svc.DetailAsync(r)) : Problems.NotFound(T("errorreports.report"));

    public static async Task<Results<Ok<ErrorReportRow>, ProblemHttpResult>> ResolvePublicationErrorReport(int errorReportId, ResolveErrorReportInput input,
        DecisionErrorReportService svc)
    {
        if (await svc.FindVisibleAsync(errorReportId) is not { } r) return Problems.NotFound(T("errorreports.report"));
        var resolved = await svc.ResolveAsync(r, input);
        return resolved.Succeeded ? TypedResults.Ok(await svc.DetailAsync(r)) : Problems.Refused(resolved);
    }

    public static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web)
    {
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.Create(System.Text.Unicode.UnicodeRanges.All),
    };

    private static readonly string[] CsvColumns =
        ["id", "version", "title", "document_number", "agency", "category", "party", "credit_code", "violation", "legal_basis", "conclusion", "fine",
            "decided_on", "published_at", "legal_status", "url"];

    private static IEnumerable<string> CsvHeader => CsvColumns.Select(c => T("portal.decisions.csv." + c));

    /// <summary>UTF-8 with BOM so that Excel reads the Chinese; cells that a spreadsheet would run as formulas are quoted.</summary>
    public static byte[] Csv(IEnumerable<PublicDecision> rows)
    {
        var sb = new StringBuilder();
        void Line(IEnumerable<string> cells) => sb.AppendJoin(',', cells.Select(Cell)).Append("\r\n");
        Line(CsvHeader);
        foreach (var d in rows)
            Line([d.Id.ToString(CultureInfo.InvariantCulture), d.Version.ToString(CultureInfo.InvariantCulture), d.Title, d.DocumentNumber, d.Agency,
                d.CategoryLabel, d.Party, d.PartyCreditCode, d.Violation, d.LegalBasis, d.Conclusion, d.FineYuan?.ToString("0.00", CultureInfo.InvariantCulture) ?? "",
                d.DecidedOn?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "", Display.DateTime(d.PublishedAt), d.LegalStatusLabel, $"/gs/decisions/{d.Id}"]);
        return [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(sb.ToString())];
    }

    private static string Cell(string value)
    {
        if (value.Length > 0 && "=+-@\t\r".Contains(value[0], StringComparison.Ordinal)) value = "'" + value;
        return value.IndexOfAny([',', '"', '\r', '\n']) >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;
    }

    /// <summary>RFC 4287: each entry's id is the address of its version, which never changes; the feed's is its own address.</summary>
    public static string Atom(IReadOnlyList<PublicDecision> items, string baseUrl)
    {
        const string ns = "http://www.w3.org/2005/Atom";
        var sb = new StringBuilder();
        using (var w = XmlWriter.Create(sb, new XmlWriterSettings { Indent = true, Encoding = Encoding.UTF8 }))
        {
            string Time(DateTime? utc) => DateTime.SpecifyKind(utc ?? DateTime.UnixEpoch, DateTimeKind.Utc).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
            w.WriteStartElement("feed", ns);
            w.WriteElementString("id", ns, baseUrl + "/gs/decisions/feed.atom");
            w.WriteElementString("title", ns, T("portal.decisions.feed_title"));
            w.WriteElementString("updated", ns, Time(items.Count > 0 ? items.Max(i => i.PublishedAt) : null));
            w.WriteStartElement("link", ns); w.WriteAttributeString("rel", "self"); w.WriteAttributeString("href", baseUrl + "/gs/decisions/feed.atom"); w.WriteEndElement();
            w.WriteStartElement("link", ns); w.WriteAttributeString("rel", "alternate"); w.WriteAttributeString("href", baseUrl + "/gs/decisions"); w.WriteEndElement();
            w.WriteStartElement("author", ns); w.WriteElementString("name", ns, T("portal.decisions.feed_author")); w.WriteEndElement();
            foreach (var d in items)
            {
                var url = $"{baseUrl}/gs/decisions/{d.Id}/v/{d.Version}";
                w.WriteStartElement("entry", ns);
                w.WriteElementString("id", ns, url);
                w.WriteElementString("title", ns, d.Title);
                w.WriteElementString("updated", ns, Time(d.PublishedAt));
                w.WriteElementString("published", ns, Time(d.PublishedAt));
                w.WriteStartElement("author", ns); w.WriteElementString("name", ns, d.Agency); w.WriteEndElement();
                w.WriteStartElement("link", ns); w.WriteAttributeString("rel", "alternate"); w.WriteAttributeString("href", $"{baseUrl}/gs/decisions/{d.Id}"); w.WriteEndElement();
                w.WriteStartElement("summary", ns);
                w.WriteAttributeString("type", "text");
                w.WriteString($"{d.DocumentNumber} {d.Party}：{d.Conclusion}（{d.LegalStatusLabel}）");
                w.WriteEndElement();
                w.WriteEndElement();
            }
            w.WriteEndElement();
        }
        // StringBuilder output declares UTF-16; the response is UTF-8.
        return sb.ToString().Replace("encoding=\"utf-16\"", "encoding=\"utf-8\"", StringComparison.Ordinal);
    }

    public static string FieldMessage(DomainValidationException ex) => string.Join(T("list.semicolon"), ex.Errors.Select(e => e.Message));
}
