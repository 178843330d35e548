using AIWorkflows.Domain.Policy;
using AIWorkflows.Domain.Records;
using AIWorkflows.Storage.Records;

namespace AIWorkflows.App.Records;

/// <summary>
/// The archive every workflow keeps its records through: the content goes to blobs, and the record
/// enters the retention workflow (its own instance, id = record id), whose step writes the index and
/// protects the blobs. Records are written once (Albuquerque 3.2: kept as made, for the scheduled period).
/// </summary>
public sealed class RetainedRecordArchive(
    RecordRetentionWorkflow retention, RecordArchive storage, RecordTools tools, RecordSyncEffectHandler sync, PolicyPack pack, TimeProvider clock)
    : IRecordArchive
{
    public async Task<RecordEntry> ArchiveAsync(NewRecord record, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(record);
        _ = pack.RetentionClass(record.RecordClass); // an unknown class is a wiring bug: fail the effect, loudly
        // The blobs are written only if new; if they exist, the record was kept before (return it as kept),
        // or a first attempt died between upload and registration (upload again, then register).
        var stored = await storage.UploadNewAsync(record, cancellationToken);
        if (stored is null && await KeptAsync(record.RecordId, cancellationToken) is { } kept) return kept;
        stored ??= await storage.UploadAsync(record, cancellationToken);

        var register = new RecordCommand.Register(RecordProjection.Facts(record, stored), clock.GetUtcNow());
        // Lost a race with another keeper of the same record (ids come from content), or it was disposed of
        // before and its content is gone: what its state says stands.
        var registered = await retention.RegisterAsync(record.RecordId, register, cancellationToken);
        if (registered is null && await KeptAsync(record.RecordId, cancellationToken) is { } existing) return existing;
        var state = await CatchUpWithToolAsync(record.RecordId, record.ToolId, cancellationToken) ?? registered;
        return (state is null ? null : RecordProjection.From(state)) ?? RecordArchive.Entry(record, stored);
    }

    /// <summary>
    /// A record registered already: its index row and blob protection are set again, since the attempt
    /// that registered it may have died before its step's effects ran (both are idempotent). A disposed
    /// record stays disposed: content uploaded again by a late retry is deleted.
    /// </summary>
    private async Task<RecordEntry?> KeptAsync(string recordId, CancellationToken cancellationToken)
    {
        if (await retention.LoadAsync(recordId, includeEvents: false, cancellationToken) is not { } kept || RecordProjection.From(kept.State) is not { } entry)
            return null;
        await sync.SyncAsync(kept.State, protect: true, hold: kept.State.ActiveHolds.Count > 0, cancellationToken);
        if (kept.State is RecordRetention.Disposed d) await storage.DeleteContentAsync(d.Record.Contents.Select(c => c.BlobName), cancellationToken);
        return entry;
    }

    /// <summary>
    /// A record kept after its tool was put on hold or retired gets those too. Read after the record is
    /// registered and indexed, so a hold placed meanwhile is either seen here or finds the record when
    /// it is placed on the tool's records (and commands are idempotent if both happen).
    /// </summary>
    private async Task<RecordRetention?> CatchUpWithToolAsync(string recordId, string toolId, CancellationToken cancellationToken)
    {
        var tool = await tools.GetAsync(toolId, cancellationToken);
        RecordRetention? state = null;
        foreach (var h in tool.Holds)
            state = (await retention.HandleAsync(recordId, new RecordCommand.PlaceHold(h.HoldId, h.Reason, h.By, h.Scope, clock.GetUtcNow()), cancellationToken)).State;
        if (tool.RetiredAt is { } retired)
            state = (await retention.HandleAsync(recordId, new RecordCommand.StartRetention(RetentionTriggers.ToolRetired, retired, clock.GetUtcNow()), cancellationToken)).State;
        return state;
    }

    public Task<IReadOnlyList<RecordEntry>> ListAsync(string? toolId, string? recordClass, CancellationToken cancellationToken) =>
        storage.ListAsync(toolId, recordClass, cancellationToken);

    public Task<RecordEntry?> GetAsync(string recordId, CancellationToken cancellationToken) => storage.GetAsync(recordId, cancellationToken);
}
