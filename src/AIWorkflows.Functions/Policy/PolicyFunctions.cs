using AIWorkflows.App.Web;
using AIWorkflows.Domain.Policy;
using Microsoft.Azure.Functions.Worker;

namespace AIWorkflows.App.Policy;

/// <summary><c>GET /api/policy</c>: the active pack (city, tiers and their reviewers, cadences, deadlines, union, retention) as camelCase JSON.</summary>
public sealed class PolicyFunctions(PolicyPack pack)
{
    [Function("PolicyGet")]
    public IResult Get([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/policy")] HttpRequest request) =>
        TypedResults.Ok(pack).Secured();
}
