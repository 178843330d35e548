using System.Text.Json;
using AIWorkflows.App.Workflows;
using AIWorkflows.Domain.Records;
using AIWorkflows.Storage.Effects;
using AIWorkflows.Storage.Records;

namespace AIWorkflows.App.Records;

/// <summary>
/// Brings a record's index row and its blobs' immutability in line with its retention state after a
/// step. Repeatable: it sets, never toggles, so running it twice (an activity retried) changes nothing.
/// </summary>
public sealed class RecordSyncEffectHandler(RecordArchive archive, IRecordImmutability immutability, TimeProvider clock) : IEffectHandler
{
    // Version-level immutability needs an expiry: a permanent record is protected for a century and re-protected on change.
    private static readonly TimeSpan PermanentHorizon = TimeSpan.FromDays(365.25 * 100);

    public string Kind => RecordRetentionEffects.SyncKind;

    public bool IsIdempotent => true;

    public Task HandleAsync(string workflow, string instanceId, PendingEffect effect, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(effect);
        var payload = JsonSerializer.Deserialize<RecordRetentionEffects.SyncPayload>(effect.Payload, WorkflowJson.Options)!;
        return SyncAsync(payload.State, payload.Protect, payload.Hold, cancellationToken);
    }

    public async Task SyncAsync(RecordRetention state, bool protect, bool hold, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(state);
        if (RecordProjection.From(state) is not { } entry) return;
        await archive.IndexAsync(entry, cancellationToken);
        if (state is RecordRetention.Disposed) return;

        var until = ProtectUntil(state.ClockOrNull!, entry.CreatedAt);
        foreach (var blob in entry.Renditions.Select(r => r.BlobName))
        {
            if (protect && until is { } u) await immutability.ProtectUntilAsync(blob, u, cancellationToken);
            if (hold) await immutability.SetLegalHoldAsync(blob, state.ActiveHolds.Count > 0, cancellationToken);
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
