using System.Text.Json;
using AIWorkflows.Domain.Records;
using AIWorkflows.Storage.Effects;
using AIWorkflows.Storage.Records;
using RecordStore = AIWorkflows.Storage.Deciding.DeciderStore<
    AIWorkflows.Domain.Records.RecordCommand, AIWorkflows.Domain.Records.RecordRetention, AIWorkflows.Domain.Records.RecordEvent>;

namespace AIWorkflows.App.Records;

/// <summary>
/// Brings a record's index row and its blobs' immutability in line with its retention state as stored
/// now (not as the effect's commit saw it), so effects that run late or out of order cannot roll it back.
/// Repeatable: before a new record's commit it syncs the state being committed (what LoadKnownAsync shows
/// it then); if that record existed after all, <see cref="RetainedRecordArchive"/> writes its row again.
/// </summary>
public sealed class RecordSyncEffectHandler(IServiceProvider services, RecordArchive archive, IRecordImmutability immutability, TimeProvider clock)
    : IRepeatableEffectHandler
{
    // Version-level immutability needs an expiry: a permanent record is protected for a century and re-protected on change.
    private static readonly TimeSpan PermanentHorizon = TimeSpan.FromDays(365.25 * 100);

    public string Kind => RecordRetentionEffects.SyncKind;

    public async Task HandleAsync(string workflow, string instanceId, PendingEffect effect, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(effect);
        var payload = JsonSerializer.Deserialize<RecordRetentionEffects.SyncPayload>(effect.Payload)!;
        var store = services.GetRequiredService<RecordStore>();
        // Usually right after this process's commit: its state is known without a read.
        var snapshot = await store.LoadKnownAsync(instanceId, includeEvents: false, cancellationToken);
        if (snapshot is null || RecordProjection.From(snapshot.State) is not { } entry) return;
        await archive.IndexAsync(entry, cancellationToken);
        if (snapshot.State is RecordRetention.Disposed) return;

        var until = ProtectUntil(snapshot.State.ClockOrNull!, entry.CreatedAt);
        foreach (var blob in entry.Renditions.Select(r => r.BlobName))
        {
            if (payload.Protect && until is { } u) await immutability.ProtectUntilAsync(blob, u, cancellationToken);
            if (payload.Hold) await immutability.SetLegalHoldAsync(blob, snapshot.State.ActiveHolds.Count > 0, cancellationToken);
        }
    }

    // A clock still waiting for its start event (tool retirement) ends no earlier than its period after creation.
    private DateTimeOffset? ProtectUntil(RetentionClock c, DateTimeOffset created) => c switch
    {
        { Permanent: true } => clock.GetUtcNow() + PermanentHorizon,
        { EndsAt: { } end } => end,
        { Years: { } years } => created.AddYears(years),
        _ => null,
    };
}
