using AIWorkflows.Domain.Records;
using AIWorkflows.Storage.Records;
using static AIWorkflows.Domain.Records.RecordCommand;

namespace AIWorkflows.App.Records;

public sealed partial class RecordsService
{
    /// <summary>Open disposition reviews: records whose retention ended with no hold, oldest end first.</summary>
    public async Task<IReadOnlyList<RecordEntry>> ReviewsAsync(RecordActor actor, CancellationToken ct)
    {
        var open = await archive.SearchAsync(new RecordQuery(Status: "disposition_review"), ct);
        await AppendAsync(actor, "search", "allowed", null, $"status=disposition_review; {open.Count} found", null, ct);
        return [.. open.OrderBy(r => r.RetentionEnd)];
    }

    /// <summary>The records officer's decision on a review: dispose (content destroyed, certificate kept) or extend to a date.</summary>
    public async Task<RecordResult<RecordEntry>> DecideDispositionAsync(
        RecordActor actor, string recordId, string? decision, string? reason, DateTimeOffset? until, CancellationToken ct)
    {
        if (decision is not ("dispose" or "extend")) return RecordProblem.Invalid("decision", "Choose dispose or extend.");
        if (Required(reason, "reason", "Give the reason for your decision.") is { } invalid) return invalid;
        if (decision == "extend" && until is null) return RecordProblem.Invalid("until", "Give the date to keep the record until.");
        var now = clock.GetUtcNow();
        RecordCommand command = decision == "dispose" ? new Dispose(actor.Email, reason!.Trim(), now) : new Extend(actor.Email, reason!.Trim(), until!.Value, now);

        var snapshot = RecordArchive.ToolIdOf(recordId) is null ? null : await retention.LoadAsync(recordId, includeEvents: false, ct);
        if (snapshot is null) return RecordProblem.NotFound(recordId);
        if (RecordRetentionDecider.Refusal(command, snapshot.State) is { } why)
            return new RecordProblem(decision == "extend" && why.StartsWith("Choose", StringComparison.Ordinal) ? StatusCodes.Status422UnprocessableEntity : StatusCodes.Status409Conflict,
                decision == "dispose" ? "The record cannot be disposed of" : "The retention cannot be extended", why);
        // A tool-wide hold also blocks disposal here, even if it has not reached this record yet.
        if (command is Dispose && (await tools.GetAsync(snapshot.State.RecordOrNull!.ToolId, ct)).Holds is { Count: > 0 } toolHolds)
            return new RecordProblem(StatusCodes.Status409Conflict, "The record cannot be disposed of",
                $"Its tool is on legal hold ({string.Join("; ", toolHolds.Select(h => h.Reason))}).");
        if (command is Dispose && snapshot.State is not RecordRetention.InReview)
            return new RecordProblem(StatusCodes.Status409Conflict, "The record cannot be disposed of", "It is not due for a disposition review.");
        return await ActAsync(actor, recordId, decision == "dispose" ? "disposed" : "retention_extended", command, ct);
    }
}
