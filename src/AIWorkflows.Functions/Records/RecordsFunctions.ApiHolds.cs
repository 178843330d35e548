using Microsoft.Azure.Functions.Worker;
using static AIWorkflows.App.Records.RecordsAnswers;

namespace AIWorkflows.App.Records;

/// <summary>The records API's decisions: legal holds on a record or on every record of a tool, and disposition.</summary>
public sealed partial class RecordsFunctions
{
    public sealed record ReasonInput(string? Reason);

    public sealed record DispositionInput(string? Decision, string? Reason, string? Until);

    [Function("RecordsApiToolHolds")]
    public async Task<IResult> ApiToolHolds(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/records/tools/{toolId}/holds")] HttpRequest request, string toolId, CancellationToken ct)
    {
        var (_, refused) = await ApiGateAsync(request, null, ct);
        if (refused is not null) return refused;
        return RecordsService.IsToolKey(toolId) ? Ok(await service.ToolAsync(toolId, ct)) : Invalid("toolId", RecordsService.ToolIdHint);
    }

    [Function("RecordsApiPlaceToolHold")]
    public async Task<IResult> ApiPlaceToolHold(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/records/tools/{toolId}/holds")] HttpRequest request, string toolId, CancellationToken ct)
    {
        var (actor, refused) = await ApiGateAsync(request, null, ct);
        if (refused is not null) return refused;
        return await WithBodyAsync<ReasonInput>(request, async b => Answer(await service.PlaceToolHoldAsync(actor, toolId, b.Reason, ct), x => x), ct);
    }

    [Function("RecordsApiReleaseToolHold")]
    public async Task<IResult> ApiReleaseToolHold(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/records/tools/{toolId}/holds/{holdId}/release")] HttpRequest request,
        string toolId, string holdId, CancellationToken ct)
    {
        var (actor, refused) = await ApiGateAsync(request, null, ct);
        if (refused is not null) return refused;
        return await WithBodyAsync<ReasonInput>(request, async b => Answer(await service.ReleaseToolHoldAsync(actor, toolId, holdId, b.Reason, ct), x => x), ct);
    }

    [Function("RecordsApiPlaceHold")]
    public async Task<IResult> ApiPlaceHold(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/records/{id}/holds")] HttpRequest request, string id, CancellationToken ct)
    {
        var (actor, refused) = await ApiGateAsync(request, id, ct);
        if (refused is not null) return refused;
        return await WithBodyAsync<ReasonInput>(request, async b => Answer(await service.PlaceHoldAsync(actor, id, b.Reason, ct), RecordView.From), ct);
    }

    [Function("RecordsApiReleaseHold")]
    public async Task<IResult> ApiReleaseHold(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/records/{id}/holds/{holdId}/release")] HttpRequest request,
        string id, string holdId, CancellationToken ct)
    {
        var (actor, refused) = await ApiGateAsync(request, id, ct);
        if (refused is not null) return refused;
        return await WithBodyAsync<ReasonInput>(request, async b => Answer(await service.ReleaseHoldAsync(actor, id, holdId, b.Reason, ct), RecordView.From), ct);
    }

    /// <summary>The decision on a disposition review: dispose (content destroyed, certificate kept) or extend to a date.</summary>
    [Function("RecordsApiDisposition")]
    public async Task<IResult> ApiDisposition(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/records/{id}/disposition")] HttpRequest request, string id, CancellationToken ct)
    {
        var (actor, refused) = await ApiGateAsync(request, id, ct);
        if (refused is not null) return refused;
        return await WithBodyAsync<DispositionInput>(request, async b =>
        {
            if (!TryDate(b.Until, endOfDay: false, out var until)) return Invalid("until", "Give the date as YYYY-MM-DD or an ISO 8601 time.");
            return Answer(await service.DecideDispositionAsync(actor, id, b.Decision, b.Reason, until, ct), RecordView.From);
        }, ct);
    }
}
