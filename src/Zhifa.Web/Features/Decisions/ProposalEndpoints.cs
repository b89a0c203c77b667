namespace Zhifa.Web.Features.Decisions;

/// <summary>The proposed decision (拟作出的决定) and the discretion that shapes it.</summary>
public static class ProposalEndpoints
{
    public static void AddProposalFeature(this IServiceCollection services)
    {
        services.AddScoped<ProposalService>();
    }

    public static void MapProposalEndpoints(this IEndpointRouteBuilder group)
    {
        _ = group;
    }
}
