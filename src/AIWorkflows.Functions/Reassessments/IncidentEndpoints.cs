using AIWorkflows.App.ToolApprovals;
using AIWorkflows.App.Web;
using Microsoft.AspNetCore.Http.HttpResults;

namespace AIWorkflows.App.Reassessments;

public static class IncidentEndpoints
{
    public sealed record IncidentView(string IncidentId, string ToolId, string ToolStatus);

    public static RouteGroupBuilder MapIncidents(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api").WithTags("Incidents");
        api.MapPost("/incidents", ReportAsync);
        return api;
    }

    // Sacramento VII.B: any employee who sees an AI system malfunction reports it; no sign-in needed.
    public static async Task<Results<Created<IncidentView>, ValidationProblem, ProblemHttpResult>> ReportAsync(
        HttpContext http, ToolLifecycleService service, CancellationToken ct)
    {
        var body = await JsonBody.ReadAsync<ToolLifecycleService.IncidentInput>(http.Request, ToolRequestInput.Json, ct);
        if (body.Problem is { } problem) return problem;
        return await service.ReportIncidentAsync(body.Value!, ct) switch
        {
            ToolLifecycleService.IncidentResult.Reported r => TypedResults.Created($"/inventory/{r.ToolId}",
                new IncidentView(r.IncidentId, r.ToolId, r.Suspended ? "suspended" : "in service")),
            ToolLifecycleService.IncidentResult.Invalid i => TypedResults.ValidationProblem(i.Errors, title: "The incident report has errors"),
            _ => throw new InvalidOperationException("Unknown result."),
        };
    }
}
