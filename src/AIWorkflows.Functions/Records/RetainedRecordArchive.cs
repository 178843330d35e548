using AIWorkflows.Domain.Policy;
using AIWorkflows.Domain.Records;
using AIWorkflows.Storage.Deciding;
using AIWorkflows.Storage.Records;
using RecordStore = AIWorkflows.Storage.Deciding.DeciderStore<
    AIWorkflows.Domain.Records.RecordCommand, AIWorkflows.Domain.Records.RecordRetention, AIWorkflows.Domain.Records.RecordEvent>;

namespace AIWorkflows.App.Records;

/// <summary>
/// The archive every workflow keeps its records through: the content goes to blobs, and the record
/// enters the retention workflow (its own decider instance, id = record id), which writes the index
/// and sets its timers. Records are written once (Albuquerque 3.2: kept as made, for the scheduled period).
/// </summary>
public sealed class RetainedRecordArchive(
    IServiceProvider services, RecordArchive storage, RecordTools tools, PolicyPack pack, TimeProvider clock) : IRecordArchive
{
    // Resolved on use: the store needs the dispatcher, whose handlers archive through this class.
    private RecordStore Store => services.GetRequiredService<RecordStore>();

    public Task<RecordEntry> ArchiveAsync(NewRecord record, CancellationToken cancellationToken) =>
        ArchiveAsync(record, inEffect: false, cancellationToken);

    /// <summary>
    /// From an effect handler: a new record's index row and retention timer are written before it is
    /// registered, and its registration has no outbox rows to delete (DeciderStore.HandleNewInEffectAsync).
    /// </summary>
    public Task<RecordEntry> ArchiveInEffectAsync(NewRecord record, CancellationToken cancellationToken) =>
        ArchiveAsync(record, inEffect: true, cancellationToken);

    private async Task<RecordEntry> ArchiveAsync(NewRecord record, bool inEffect, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(record);
        _ = pack.RetentionClass(record.RecordClass); // an unknown class is a wiring bug: fail the effect, loudly
        // The blobs are written only if new; if they exist, the record was kept before (return it as kept),
        // or a first attempt died between upload and registration (upload again, then register).
        var stored = await storage.UploadNewAsync(record, cancellationToken);
        var isNew = stored is not null;
        if (stored is null)
        {
            if (await Store.LoadAsync(record.RecordId, includeEvents: false, cancellationToken) is { } kept && RecordProjection.From(kept.State) is { } entry)
                return entry;
            stored = await storage.UploadAsync(record, cancellationToken);
        }
        var register = new RecordCommand.Register(RecordProjection.Facts(record, stored), clock.GetUtcNow());
        // Blobs that did not exist mean a record never registered: no read before the add (a disposed
        // record, whose content is gone, is found by the add failing and re-decided on a read).
        var decision = !isNew ? await Store.HandleAsync(record.RecordId, register, cancellationToken)
            : inEffect ? await Store.HandleNewInEffectAsync(record.RecordId, register, cancellationToken)
            : await Store.HandleNewAsync(record.RecordId, register, cancellationToken);
        // New blobs but a record that exists: it was disposed of (content gone). Its index row may have been
        // overwritten by the effects run before the add that failed; put back what its state says.
        if (isNew && inEffect && !decision.Changed && RecordProjection.From(decision.State) is { } existing)
            await storage.IndexAsync(existing, cancellationToken);
        await CatchUpWithToolAsync(record.RecordId, record.ToolId, cancellationToken);
        return RecordProjection.From(decision.State) ?? RecordArchive.Entry(record, stored);
    }

    /// <summary>
    /// A record kept after its tool was put on hold or retired gets those too. Read after the record is
    /// registered and indexed, so a hold placed meanwhile is either seen here or finds the record when
    /// it is placed on the tool's records (and commands are idempotent if both happen).
    /// </summary>
    private async Task CatchUpWithToolAsync(string recordId, string toolId, CancellationToken cancellationToken)
    {
        var tool = await tools.GetAsync(toolId, cancellationToken);
        foreach (var h in tool.Holds)
            await Store.HandleAsync(recordId, new RecordCommand.PlaceHold(h.HoldId, h.Reason, h.By, h.Scope, clock.GetUtcNow()), cancellationToken);
        if (tool.RetiredAt is { } retired)
            await Store.HandleAsync(recordId, new RecordCommand.StartRetention(RetentionTriggers.ToolRetired, retired, clock.GetUtcNow()), cancellationToken);
    }

    public Task<IReadOnlyList<RecordEntry>> ListAsync(string? toolId, string? recordClass, CancellationToken cancellationToken) =>
        storage.ListAsync(toolId, recordClass, cancellationToken);

    public Task<RecordEntry?> GetAsync(string recordId, CancellationToken cancellationToken) => storage.GetAsync(recordId, cancellationToken);
}
