using AIWorkflows.Domain.Policy;
using Microsoft.AspNetCore.Http.HttpResults;

namespace AIWorkflows.App.Policy;

public static class PolicyEndpoints
{
    /// <summary><c>GET /api/policy</c>: the active pack (city, tiers and their reviewers, cadences, deadlines, union, retention) as camelCase JSON.</summary>
    public static RouteGroupBuilder MapPolicy(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/policy").WithTags("Policy");
        group.MapGet("", GetPolicy).WithName(nameof(GetPolicy));
        return group;
    }

    public static Ok<PolicyPack> GetPolicy(PolicyPack pack) => TypedResults.Ok(pack);
}
