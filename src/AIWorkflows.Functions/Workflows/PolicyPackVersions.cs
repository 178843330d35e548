using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using AIWorkflows.Domain.Policy;
using AIWorkflows.Storage;
using Azure;

namespace AIWorkflows.App.Workflows;

/// <summary>
/// The policy packs instances run under, each by a content id (<c>baltimore-</c> and 16 hex digits of the
/// SHA-256 of its JSON). An instance is started with the id, not the pack: the pack (20-30 KB) in every
/// start's input went to the engine's large-message blobs, a dozen blob requests per start (issue 18).
/// Each version is kept in Blob storage for as long as instances may replay under it, so a pack edited
/// and redeployed leaves running instances on the pack they started with (DESIGN §3).
/// </summary>
public sealed class PolicyPackVersions
{
    public const string Container = "policypacks";

    private readonly ConcurrentDictionary<string, PolicyPack> _known = new(StringComparer.Ordinal);
    private readonly StorageClients? _storage;
    private readonly string _currentJson;
    private readonly Lock _storing = new();
    private Task? _stored;

    public PolicyPackVersions(PolicyPack current, StorageClients? storage)
    {
        ArgumentNullException.ThrowIfNull(current);
        _storage = storage;
        _currentJson = JsonSerializer.Serialize(current, WorkflowJson.Options);
        CurrentId = IdOf(current.Id, _currentJson);
        // As an older version would come back from storage, so the current one decides exactly as it will on a later replay.
        _known[CurrentId] = Read(_currentJson);
    }

    /// <summary>The id new instances start with.</summary>
    public string CurrentId { get; }

    public static void Register(StorageClients clients)
    {
        ArgumentNullException.ThrowIfNull(clients);
        clients.RegisterContainer(Container);
    }

    public static string IdOf(string packId, string packJson) =>
        $"{packId}-{Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(packJson)))[..16]}";

    /// <summary>
    /// The pack of <paramref name="id"/>. Orchestrators call this: a version is immutable under its content id,
    /// so reading it from storage (once per process, for an instance started by an earlier release) gives the
    /// same pack on every replay.
    /// </summary>
    public PolicyPack Get(string id)
    {
        ArgumentNullException.ThrowIfNull(id);
        return _known.GetOrAdd(id, Load);
    }

    /// <summary>Stores the current version once per process before the first instance starts with it; a version stored before is left as it is.</summary>
    public Task EnsureStoredAsync(CancellationToken cancellationToken)
    {
        if (_storage is null) return Task.CompletedTask;
        lock (_storing)
        {
            // A failed attempt (storage down) is tried again by the next start.
            if (_stored is null || _stored.IsFaulted || _stored.IsCanceled) _stored = StoreAsync(_storage, cancellationToken);
            return _stored;
        }
    }

    private async Task StoreAsync(StorageClients storage, CancellationToken cancellationToken)
    {
        try
        {
            await storage.Container(Container).GetBlobClient($"{CurrentId}.json")
                .UploadAsync(BinaryData.FromString(_currentJson), overwrite: false, cancellationToken);
        }
        catch (RequestFailedException e) when (e.Status == 409)
        {
            // Stored by an earlier start of this release: the same bytes, since the name is their hash.
        }
    }

    private PolicyPack Load(string id)
    {
        if (_storage is null) throw new InvalidOperationException($"Policy pack version '{id}' is not this process's and no storage is configured to read it from.");
        try
        {
            var json = _storage.Container(Container).GetBlobClient($"{id}.json").DownloadContent().Value.Content.ToString();
            var pack = Read(json);
            // The name promises the content: a blob edited in place would change what replays decide.
            if (IdOf(pack.Id, json) != id) throw new InvalidOperationException($"The stored policy pack '{id}' does not match its content id: it was changed after it was stored.");
            return pack;
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            throw new InvalidOperationException(
                $"Policy pack version '{id}' is not in the '{Container}' container: instances started under it cannot be replayed. Restore the blob from a backup.", e);
        }
    }

    private static PolicyPack Read(string json) =>
        JsonSerializer.Deserialize<PolicyPack>(json, WorkflowJson.Options) ?? throw new InvalidOperationException("A stored policy pack is empty.");
}
