using Microsoft.DurableTask.Client;
using System.Text.Json.Serialization;
using AIWorkflows.App.Identity;
using AIWorkflows.App.ToolApprovals;
using AIWorkflows.App.Web;
using Microsoft.AspNetCore.Http.HttpResults;

namespace AIWorkflows.App.Reassessments;

public static class IncidentEndpoints
{
    /// <param name="ToolStatus">The tool's status after the report: "suspended" or "in service".</param>
    /// <param name="Triage">"pending" when the report waits for the AI officer (its reporter was not signed in).</param>
    public sealed record IncidentView(
        string IncidentId, string ToolId, string ToolStatus,
        [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Triage = null);

    public static RouteGroupBuilder MapIncidents(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api").WithTags("Incidents");
        api.MapPost("/incidents", ReportAsync);
        return api;
    }

    // Sacramento VII.B: any employee who sees an AI system malfunction reports it. A signed-in reporter's report
    // is acted on as the pack says (201); anyone else's waits for the AI officer's triage (202): nothing changes yet.
    public static async Task<Results<Created<IncidentView>, Accepted<IncidentView>, ValidationProblem, ProblemHttpResult>> ReportAsync(
        HttpContext http, ToolLifecycleService service, DurableTaskClient client, CancellationToken ct)
    {
        var body = await JsonBody.ReadAsync<ToolLifecycleService.IncidentInput>(http.Request, ToolRequestInput.Json, ct);
        if (body.Problem is { } problem) return problem;
        var signedIn = http.User.Identity?.IsAuthenticated == true ? http.User.Email() : null;
        return await service.ReportIncidentAsync(client, body.Value!, signedIn, ct) switch
        {
            ToolLifecycleService.IncidentResult.Reported { AwaitingTriage: true } r => TypedResults.Accepted(Page(r),
                new IncidentView(r.IncidentId, r.ToolId, Words(r.ToolStatus), Triage: "pending")),
            ToolLifecycleService.IncidentResult.Reported r => TypedResults.Created($"/inventory/{Uri.EscapeDataString(r.ToolId)}", new IncidentView(r.IncidentId, r.ToolId, Words(r.ToolStatus))),
            ToolLifecycleService.IncidentResult.Invalid i => TypedResults.ValidationProblem(i.Errors, title: "The incident report has errors"),
            _ => throw new InvalidOperationException("Unknown result."),
        };
    }

    // The incident's own page says where the report stands (awaiting triage, confirmed, dismissed).
    private static string Page(ToolLifecycleService.IncidentResult.Reported r) =>
        $"/incidents/{Uri.EscapeDataString(r.ToolId)}/{Uri.EscapeDataString(r.IncidentId)}";

    private static string Words(string status) => status == "suspended" ? "suspended" : "in service";
}
