using System.Security.Cryptography;
using AIWorkflows.Domain.Records;
using AIWorkflows.Storage.Records;
using static AIWorkflows.Domain.Records.RecordCommand;

namespace AIWorkflows.App.Records;

public sealed partial class RecordsService
{
    private const int FanOut = 4;

    public async Task<RecordResult<RecordEntry>> PlaceHoldAsync(RecordActor actor, string recordId, string? reason, CancellationToken ct)
    {
        if (Required(reason, "reason", "Give the reason for the hold (the matter, case or request).") is { } invalid) return invalid;
        return await ActAsync(actor, recordId, "hold_placed", new PlaceHold(NewHoldId(), reason!.Trim(), actor.Email, HoldScopes.Record, clock.GetUtcNow()), ct);
    }

    public async Task<RecordResult<RecordEntry>> ReleaseHoldAsync(RecordActor actor, string recordId, string holdId, string? reason, CancellationToken ct)
    {
        if (Required(reason, "reason", "Give the reason the hold is released.") is { } invalid) return invalid;
        var snapshot = await retention.LoadAsync(recordId, includeEvents: false, ct);
        // A tool-wide hold is released on the tool, so it cannot linger on some of its records.
        if (snapshot?.State.ActiveHolds.FirstOrDefault(h => h.HoldId == holdId) is { Scope: HoldScopes.Tool })
            return new RecordProblem(StatusCodes.Status409Conflict, "This hold covers the whole tool", "Release it on the tool's holds, so it is lifted from all its records at once.");
        return await ActAsync(actor, recordId, "hold_released", new ReleaseHold(holdId, actor.Email, reason!.Trim(), clock.GetUtcNow()), ct);
    }

    /// <summary>
    /// A hold on every record of a tool, including those kept later: written on the tool first, then
    /// placed on each record the index knows (a record kept meanwhile picks it up from the tool).
    /// </summary>
    public async Task<RecordResult<ToolHoldResult>> PlaceToolHoldAsync(RecordActor actor, string toolId, string? reason, CancellationToken ct)
    {
        if (!IsToolKey(toolId)) return RecordProblem.Invalid("toolId", ToolIdHint);
        if (Required(reason, "reason", "Give the reason for the hold (the matter, case or request).") is { } invalid) return invalid;
        var hold = new HoldSummary(NewHoldId(), reason!.Trim(), actor.Email, HoldScopes.Tool, clock.GetUtcNow());
        await tools.UpdateAsync(toolId, f => f with { Holds = [.. f.Holds, hold] }, ct);
        var count = await ForEachRecordAsync(toolId, () => new PlaceHold(hold.HoldId, hold.Reason, hold.By, HoldScopes.Tool, clock.GetUtcNow()), ct);
        await AppendAsync(actor, "tool_hold_placed", "allowed", null, $"Tool {toolId}, hold {hold.HoldId} on {count} records: {hold.Reason}", null, ct);
        return RecordResult<ToolHoldResult>.Ok(new ToolHoldResult(toolId, hold.HoldId, count));
    }

    public async Task<RecordResult<ToolHoldResult>> ReleaseToolHoldAsync(RecordActor actor, string toolId, string holdId, string? reason, CancellationToken ct)
    {
        if (!IsToolKey(toolId)) return RecordProblem.Invalid("toolId", ToolIdHint);
        if (Required(reason, "reason", "Give the reason the hold is released.") is { } invalid) return invalid;
        if ((await tools.GetAsync(toolId, ct)).Holds.All(h => h.HoldId != holdId))
            return new RecordProblem(StatusCodes.Status404NotFound, "No such hold", $"Tool '{RecordProblem.Clip(toolId)}' has no hold '{RecordProblem.Clip(holdId)}'.");
        await tools.UpdateAsync(toolId, f => f with { Holds = [.. f.Holds.Where(h => h.HoldId != holdId)] }, ct);
        var count = await ForEachRecordAsync(toolId, () => new ReleaseHold(holdId, actor.Email, reason!.Trim(), clock.GetUtcNow()), ct);
        await AppendAsync(actor, "tool_hold_released", "allowed", null, $"Tool {toolId}, hold {holdId} released on {count} records: {reason}", null, ct);
        return RecordResult<ToolHoldResult>.Ok(new ToolHoldResult(toolId, holdId, count));
    }

    public Task<ToolRecordFacts> ToolAsync(string toolId, CancellationToken ct) => tools.GetAsync(toolId, ct);

    public const string ToolIdHint = "Enter a tool id such as tool-casenotes.";

    /// <summary>A tool id is a table key: anything else (a slash, '#', '?', a control character) is refused before storage sees it.</summary>
    public static bool IsToolKey(string? toolId) =>
        toolId is { Length: <= 100 } && AIWorkflows.Storage.Tables.TableKeys.IsValid(toolId, out _) && toolId.Trim() == toolId;

    /// <summary>
    /// An event that starts retention clocks for a tool's records (the tool retired). Other workflows
    /// send it through <see cref="RecordToolEventEffectHandler"/>; records kept later read it from the tool.
    /// </summary>
    public async Task<int> ToolRetiredAsync(string toolId, DateTimeOffset retiredAt, CancellationToken ct)
    {
        var facts = await tools.UpdateAsync(toolId, f => f.RetiredAt is null ? f with { RetiredAt = retiredAt } : f, ct);
        return await ForEachRecordAsync(toolId, () => new StartRetention(RetentionTriggers.ToolRetired, facts.RetiredAt!.Value, clock.GetUtcNow()), ct);
    }

    // One commit per record, a few at a time: each record is its own instance (and partition).
    private async Task<int> ForEachRecordAsync(string toolId, Func<RecordCommand> command, CancellationToken ct)
    {
        var records = (await archive.SearchAsync(new RecordQuery(ToolId: toolId), ct)).Where(r => r.Status != "disposed").ToList();
        var changed = 0;
        await Parallel.ForEachAsync(records, new ParallelOptions { MaxDegreeOfParallelism = FanOut, CancellationToken = ct }, async (r, c) =>
        {
            if ((await retention.HandleAsync(r.RecordId, command(), c)).Changed) Interlocked.Increment(ref changed);
        });
        return changed;
    }

    private async Task<RecordResult<RecordEntry>> ActAsync(RecordActor actor, string recordId, string action, RecordCommand command, CancellationToken ct)
    {
        var snapshot = RecordArchive.ToolIdOf(recordId) is null ? null : await retention.LoadAsync(recordId, includeEvents: false, ct);
        if (snapshot is null) return RecordProblem.NotFound(recordId);
        var decision = await retention.HandleAsync(recordId, command, ct);
        if (!decision.Changed)
            return new RecordProblem(StatusCodes.Status409Conflict, "Nothing was changed",
                RecordRetentionDecider.Refusal(command, decision.State) ?? "The record is already in that state.");
        await AppendAsync(actor, action, "allowed", recordId, Summary(command), null, ct);
        return RecordResult<RecordEntry>.Ok(RecordProjection.From(decision.State)!);
    }

    private static string Summary(RecordCommand c) => c switch
    {
        PlaceHold h => $"Hold {h.HoldId}: {h.Reason}",
        ReleaseHold r => $"Hold {r.HoldId} released: {r.Reason}",
        Dispose d => $"Disposed: {d.Reason}",
        Extend x => $"Extended to {x.Until:yyyy-MM-dd}: {x.Reason}",
        _ => c.GetType().Name,
    };

    private static RecordProblem? Required(string? value, string field, string message) =>
        string.IsNullOrWhiteSpace(value) ? RecordProblem.Invalid(field, message)
        : value.Length > 2000 ? RecordProblem.Invalid(field, "Keep it under 2,000 characters.")
        : null;

    private static string NewHoldId() => "hold-" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(6));
}

public sealed record ToolHoldResult(string ToolId, string HoldId, int Records);
