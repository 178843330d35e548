using System.Collections.Concurrent;

namespace AIWorkflows.Storage.Records;

/// <summary>
/// Azurite has no immutability policies or legal holds: this notes what would be applied in Azure,
/// so Development and tests can show that the workflow asked for it. Protects nothing.
/// </summary>
public sealed class LocalRecordImmutability : IRecordImmutability
{
    private readonly ConcurrentQueue<ImmutabilityIntent> _intents = new();

    public IReadOnlyList<ImmutabilityIntent> Intents => [.. _intents];

    public Task ProtectUntilAsync(string blobName, DateTimeOffset until, CancellationToken cancellationToken) =>
        Note(new ImmutabilityIntent(blobName, "protect_until", until, null));

    public Task SetLegalHoldAsync(string blobName, bool hold, CancellationToken cancellationToken) =>
        Note(new ImmutabilityIntent(blobName, "legal_hold", null, hold));

    public Task DeletePreviousVersionsAsync(string blobName, CancellationToken cancellationToken) =>
        Note(new ImmutabilityIntent(blobName, "delete_previous_versions", null, null));

    private Task Note(ImmutabilityIntent intent)
    {
        _intents.Enqueue(intent);
        return Task.CompletedTask;
    }
}

public sealed record ImmutabilityIntent(string BlobName, string Action, DateTimeOffset? Until, bool? Hold);
