using System.Text.Json.Serialization;
using AIWorkflows.App.Identity;
using AIWorkflows.App.Inventory;
using AIWorkflows.App.ToolApprovals;
using AIWorkflows.App.Web;
using AIWorkflows.Domain.Policy;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;

namespace AIWorkflows.App.Reassessments;

/// <summary>
/// Incidents with AI tools (Sacramento VII.B) as HTTP-trigger functions: any employee reports one (the API and
/// <c>/incidents/new</c>), the reporter sees where it stands, and the AI officer triages a report from someone not
/// signed in through an emailed link. The logic is <see cref="ToolLifecycleService"/>'s; these read the request and answer it.
/// </summary>
public sealed partial class IncidentsFunctions(ToolLifecycleService service, PublicRegister register, PolicyPack pack)
{
    /// <param name="ToolStatus">The tool's status after the report: "suspended" or "in service".</param>
    /// <param name="Triage">"pending" when the report waits for the AI officer (its reporter was not signed in).</param>
    public sealed record IncidentView(
        string IncidentId, string ToolId, string ToolStatus,
        [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Triage = null);

    // Sacramento VII.B: any employee who sees an AI system malfunction reports it. A signed-in reporter's report
    // is acted on as the pack says (201); anyone else's waits for the AI officer's triage (202): nothing changes yet.
    [Function("IncidentsApiReport")]
    public async Task<IResult> ApiReport(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/incidents")] HttpRequest request,
        [DurableClient] DurableTaskClient client, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        var user = await request.HttpContext.AuthenticateCityAsync();
        var body = await JsonBody.ReadAsync<ToolLifecycleService.IncidentInput>(request, ToolRequestInput.Json, ct);
        if (body.Problem is { } problem) return problem.Secured();
        return (await service.ReportIncidentAsync(client, body.Value!, SignedIn(user), ct) switch
        {
            ToolLifecycleService.IncidentResult.Reported { AwaitingTriage: true } r => TypedResults.Accepted(PagePath(r),
                new IncidentView(r.IncidentId, r.ToolId, Words(r.ToolStatus), Triage: "pending")),
            ToolLifecycleService.IncidentResult.Reported r => TypedResults.Created($"/inventory/{Uri.EscapeDataString(r.ToolId)}",
                new IncidentView(r.IncidentId, r.ToolId, Words(r.ToolStatus))),
            ToolLifecycleService.IncidentResult.Invalid i => (IResult)TypedResults.ValidationProblem(i.Errors, title: "The incident report has errors"),
            _ => throw new InvalidOperationException("Unknown result."),
        }).Secured();
    }

    /// <summary>The reporter's signed-in city identity; null when not signed in (the report is then triaged first).</summary>
    private static string? SignedIn(System.Security.Claims.ClaimsPrincipal user) => user.IsSignedIn() ? user.Email() : null;

    // The incident's own page says where the report stands (awaiting triage, confirmed, dismissed).
    private static string PagePath(ToolLifecycleService.IncidentResult.Reported r) =>
        $"/incidents/{Uri.EscapeDataString(r.ToolId)}/{Uri.EscapeDataString(r.IncidentId)}";

    private static string Words(string status) => status == "suspended" ? "suspended" : "in service";
}
