using AIWorkflows.Domain.Policy;
using AIWorkflows.Domain.Records;
using AIWorkflows.Storage.Effects;
using AIWorkflows.Storage.Records;
using RecordStore = AIWorkflows.Storage.Deciding.DeciderStore<
    AIWorkflows.Domain.Records.RecordCommand, AIWorkflows.Domain.Records.RecordRetention, AIWorkflows.Domain.Records.RecordEvent>;

namespace AIWorkflows.App.Records;

/// <summary>
/// Carries out a disposal: first the certificate is kept (a permanent record), then the content and
/// every earlier version of it are deleted. Each step is idempotent, so a retry finishes the job.
/// </summary>
public sealed class RecordDisposalEffectHandler(
    IServiceProvider services, RecordArchive archive, IRecordImmutability immutability, PolicyPack pack) : IEffectHandler
{
    public string Kind => RecordRetentionEffects.DisposeKind;

    public async Task HandleAsync(string workflow, string instanceId, PendingEffect effect, CancellationToken cancellationToken)
    {
        var snapshot = await services.GetRequiredService<RecordStore>().LoadAsync(instanceId, includeEvents: false, cancellationToken);
        if (snapshot?.State is not RecordRetention.Disposed disposed) return;
        await services.GetRequiredService<IRecordArchive>().ArchiveInEffectAsync(DispositionCertificate.From(disposed, pack.City).ToRecord(), cancellationToken);
        var blobs = disposed.Record.Contents.Select(c => c.BlobName).ToList();
        await archive.DeleteContentAsync(blobs, cancellationToken);
        foreach (var blob in blobs) await immutability.DeletePreviousVersionsAsync(blob, cancellationToken);
    }
}
