using Zhifa.Web.Features.Access;
using Zhifa.Web.Features.Admin;
using Zhifa.Web.Features.Agencies;
using Zhifa.Web.Features.Audit;
using Zhifa.Web.Features.Calendar;
using Zhifa.Web.Features.CaseFiles;
using Zhifa.Web.Features.Complaints;
using Zhifa.Web.Features.Cases;
using Zhifa.Web.Features.Decisions;
using Zhifa.Web.Features.Documents;
using Zhifa.Web.Features.Execution;
using Zhifa.Web.Features.LegalReview;
using Zhifa.Web.Features.Records;
using Zhifa.Web.Features.Retention;
using Zhifa.Web.Features.Supervision;
using Zhifa.Web.Features.Demo;
using Zhifa.Web.Features.Matters;
using Zhifa.Web.Features.Officers;
using Zhifa.Web.Features.Portal;
using Zhifa.Web.Features.Publicity;
using Zhifa.Web.Infrastructure;

namespace Zhifa.Web.Features;

/// <summary>The one place that lists the feature areas; each area registers its own services and endpoints.</summary>
public static class FeatureRegistration
{
    public static void AddFeatures(this IServiceCollection services)
    {
        services.AddSingleton<Infrastructure.Storage.BlobStore>();
        services.AddScoped<DomainEvents>();
        services.AddScoped<DemoSeeder>();
        services.AddScoped<DemoCases>();
        services.AddScoped<DemoPreDisclosure>();
        services.AddScoped<AgencyService>();
        services.AddScoped<TokenService>();
        services.AddScoped<UserService>();
        services.AddScoped<AuditVerifier>();
        services.AddSingleton<CalendarService>();
        services.AddScoped<MatterImport>();
        services.AddOfficerFeature();
        services.AddMatterFeature();
        services.AddScoped<Access.AccessRequestService>();
        services.AddScoped<Supervision.SupervisionService>();
        services.AddScoped<CaseFiles.CaseFileService>();
        services.AddScoped<Retention.RetentionService>();
        services.AddHostedService<Retention.DailyPurge>();
        services.AddCaseFeature();
        services.AddRecordFeature();
        services.AddDocumentFeature();
        services.AddProposalFeature();
        services.AddDecisionFeature();
        services.AddLegalReviewFeature();
        // Execution before Publicity: a case lists the execution's deadlines before its publication's.
        services.AddExecutionFeature();
        services.AddPublicityFeature();
        services.AddPublicityReportFeature();
        services.AddScoped<ComplaintService>();
        services.AddScoped<IDomainEventHandler<Domain.Cases.CaseOpened>, CaseOpenedFromComplaint>();
        services.AddScoped<ICaseComplaintSource, CaseOpenedFromComplaint>();
        services.AddPortalDecisionFeature();
    }

    public static void MapFeatures(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1").AddEndpointFilter<DomainValidationFilter>();
        api.MapAgencyEndpoints();
        api.MapOfficerEndpoints();
        api.MapMatterEndpoints();
        api.MapAdminEndpoints();
        api.MapAuditEndpoints();
        api.MapCalendarEndpoints();
        api.MapAccessEndpoints();
        api.MapSupervisionEndpoints();
        api.MapCaseFileEndpoints();
        api.MapRetentionEndpoints();
        api.MapCaseEndpoints();
        api.MapRecordEndpoints();
        api.MapDocumentEndpoints();
        api.MapProposalEndpoints();
        api.MapDecisionEndpoints();
        api.MapLegalReviewEndpoints();
        api.MapRedactionEndpoints();
        api.MapPublicationEndpoints();
        api.MapPreDisclosureEndpoints();
        api.MapExecutionEndpoints();
        api.MapComplaintEndpoints();
        api.MapComplaintPolicyEndpoints();
        api.MapDecisionErrorReportEndpoints();
        var portal = app.MapGroup("/gs");
        portal.MapPortalEndpoints();
        portal.MapPublicComplaintEndpoints();
        api.MapPublicityReportEndpoints(portal);
        portal.MapPreDisclosurePortalEndpoints();
        portal.MapPortalDecisionEndpoints();
    }
}
