using System.Net.Mail;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Options;
using PlainApp.Storage;

namespace PlainApp.ToolApprovals;

/// <summary>The approval's HTTP functions: the starter, the reviewers' decisions (raised as events), the status.</summary>
public sealed class ToolApprovalFunctions(PlainStorage storage, IOptions<PlainOptions> options)
{
    [Function("SubmitRequest")]
    public async Task<IResult> Submit(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/requests")] HttpRequest request, [DurableClient] DurableTaskClient client)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(client);
        var form = await request.ReadFromJsonAsync<ToolRequest>(request.HttpContext.RequestAborted);
        if (Problem(form) is { } problem) return Results.BadRequest(new { title = problem });

        var id = $"req-{Guid.NewGuid():N}"[..20];
        var o = options.Value;
        var reviewers = new[] { Roles.Director }.Concat(Roles.AfterDirector).ToDictionary(r => r, o.ReviewerEmail);
        var started = new ApprovalStarted(id, "tool-" + id[4..], form!, reviewers, DateTime.UtcNow);
        await client.ScheduleNewOrchestrationInstanceAsync(nameof(ToolApprovalOrchestration), started, new StartOrchestrationOptions(id));
        return Results.Accepted($"/api/requests/{id}", new { id, toolId = started.ToolId });
    }

    [Function("SubmitReview")]
    public async Task<IResult> Review(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/requests/{id}/reviews/{role}")] HttpRequest request,
        string id, string role, [DurableClient] DurableTaskClient client)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(client);
        var body = await request.ReadFromJsonAsync<ReviewForm>(request.HttpContext.RequestAborted);
        if (!Roles.IsReviewer(role) || body?.Decision is not ("approve" or "reject")) return Results.BadRequest(new { title = "Say approve or reject, as one of the request's reviewers." });
        // The Functions host's client checks that the instance is running before it raises an event; the sidecar's does not, so this does.
        var instance = await client.GetInstanceAsync(id, getInputsAndOutputs: false, request.HttpContext.RequestAborted);
        if (instance?.RuntimeStatus is not OrchestrationRuntimeStatus.Running) return Results.NotFound();
        await client.RaiseEventAsync(id, ToolApprovalOrchestration.ReviewEvent(role), new Review(role, body.Decision, body.Comments, DateTime.UtcNow));
        return Results.Accepted();
    }

    [Function("RequestStatus")]
    public async Task<IResult> Status(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/requests/{id}")] HttpRequest request, string id)
    {
        ArgumentNullException.ThrowIfNull(request);
        var row = await storage.Requests.GetEntityIfExistsAsync<Azure.Data.Tables.TableEntity>(id, "status", cancellationToken: request.HttpContext.RequestAborted);
        return row.HasValue ? Results.Ok(new { id, status = row.Value!.GetString("Status"), toolName = row.Value.GetString("ToolName") }) : Results.NotFound();
    }

    private static string? Problem(ToolRequest? form)
    {
        if (form is null) return "Send the request as JSON.";
        if (string.IsNullOrWhiteSpace(form.ToolName) || string.IsNullOrWhiteSpace(form.Department) || string.IsNullOrWhiteSpace(form.Purpose))
            return "Name the tool, its department and its purpose.";
        return MailAddress.TryCreate(form.RequesterEmail, out _) ? null : "Give the requester's email address.";
    }

    public sealed record ReviewForm(string? Decision, string? Comments);
}
