using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;

namespace PlainApp.Reassessments;

/// <summary>The owner's attestation and the AI officer's review, each raised as an event to the tool's orchestration.</summary>
public static class ReassessmentFunctions
{
    [Function("Attest")]
    public static async Task<IResult> Attest(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/tools/{toolId}/reassessment/attest")] HttpRequest request,
        string toolId, [DurableClient] DurableTaskClient client)
    {
        ArgumentNullException.ThrowIfNull(request);
        var form = await request.ReadFromJsonAsync<AttestForm>(request.HttpContext.RequestAborted);
        if (string.IsNullOrWhiteSpace(form?.Use)) return Results.BadRequest(new { title = "Say how the tool is used." });
        return await RaiseAsync(client, toolId, ReassessmentOrchestration.Attested,
            new Attestation(form.Use, form.DataChanges ?? "", form.IncidentsSince ?? "", DateTime.UtcNow), request.HttpContext.RequestAborted);
    }

    [Function("ReviewReassessment")]
    public static async Task<IResult> Review(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/tools/{toolId}/reassessment/review")] HttpRequest request,
        string toolId, [DurableClient] DurableTaskClient client)
    {
        ArgumentNullException.ThrowIfNull(request);
        var form = await request.ReadFromJsonAsync<ReviewForm>(request.HttpContext.RequestAborted);
        if (form?.Outcome is not ("continue" or "suspend")) return Results.BadRequest(new { title = "Say continue or suspend." });
        return await RaiseAsync(client, toolId, ReassessmentOrchestration.Reviewed, new ReassessmentReview(form.Outcome, form.Comments, DateTime.UtcNow),
            request.HttpContext.RequestAborted);
    }

    private static async Task<IResult> RaiseAsync(DurableTaskClient client, string toolId, string eventName, object payload, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(client);
        var id = ReassessmentCycle.InstanceId(toolId);
        // As the Functions host's client would: an event for an instance that is not running is refused.
        var instance = await client.GetInstanceAsync(id, getInputsAndOutputs: false, ct);
        if (instance?.RuntimeStatus is not OrchestrationRuntimeStatus.Running) return Results.NotFound();
        await client.RaiseEventAsync(id, eventName, payload, ct);
        return Results.Accepted();
    }

    public sealed record AttestForm(string? Use, string? DataChanges, string? IncidentsSince);

    public sealed record ReviewForm(string? Outcome, string? Comments);
}
