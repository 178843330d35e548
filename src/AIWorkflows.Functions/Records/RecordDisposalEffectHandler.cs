using System.Text.Json;
using AIWorkflows.App.Workflows;
using AIWorkflows.Domain.Policy;
using AIWorkflows.Storage.Effects;
using AIWorkflows.Storage.Records;

namespace AIWorkflows.App.Records;

/// <summary>
/// Carries out a disposal: first the certificate is kept (a permanent record), then the content and
/// every earlier version of it are deleted. Each step is idempotent, so a retry finishes the job.
/// </summary>
public sealed class RecordDisposalEffectHandler(
    IServiceProvider services, RecordArchive archive, IRecordImmutability immutability, PolicyPack pack) : IEffectHandler
{
    public string Kind => RecordRetentionEffects.DisposeKind;

    public bool IsIdempotent => true;

    public async Task HandleAsync(string workflow, string instanceId, PendingEffect effect, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(effect);
        var disposed = JsonSerializer.Deserialize<RecordRetentionEffects.DisposePayload>(effect.Payload, WorkflowJson.Options)!.State;
        // Resolved on use: the archive sends through the workflow whose step runs this handler.
        await services.GetRequiredService<IRecordArchive>().ArchiveAsync(DispositionCertificate.From(disposed, pack.City).ToRecord(), cancellationToken);
        var blobs = disposed.Record.Contents.Select(c => c.BlobName).ToList();
        await archive.DeleteContentAsync(blobs, cancellationToken);
        foreach (var blob in blobs) await immutability.DeletePreviousVersionsAsync(blob, cancellationToken);
    }
}
