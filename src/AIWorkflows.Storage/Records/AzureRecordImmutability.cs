using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;

namespace AIWorkflows.Storage.Records;

/// <summary>
/// Version-level immutability (WORM) and legal holds through the Blob service. The container must have
/// version-level immutability support enabled (infra); <paramref name="mode"/> Locked in production,
/// where a policy can then only be extended, Unlocked on accounts used for trials.
/// </summary>
public sealed class AzureRecordImmutability(BlobContainerClient container, BlobImmutabilityPolicyMode mode, TimeProvider time)
    : IRecordImmutability
{
    public async Task ProtectUntilAsync(string blobName, DateTimeOffset until, CancellationToken cancellationToken)
    {
        // The service refuses an expiry in the past; such a record is due for review already.
        if (until <= time.GetUtcNow()) return;
        await container.GetBlobClient(blobName).SetImmutabilityPolicyAsync(
            new BlobImmutabilityPolicy { ExpiresOn = until, PolicyMode = mode }, cancellationToken: cancellationToken);
    }

    public async Task SetLegalHoldAsync(string blobName, bool hold, CancellationToken cancellationToken) =>
        await container.GetBlobClient(blobName).SetLegalHoldAsync(hold, cancellationToken);

    public async Task DeletePreviousVersionsAsync(string blobName, CancellationToken cancellationToken)
    {
        var blob = container.GetBlobClient(blobName);
        await foreach (var item in container.GetBlobsAsync(BlobTraits.None, BlobStates.Version, blobName, cancellationToken))
        {
            if (item.Name == blobName && item.VersionId is { } version && item.IsLatestVersion != true)
                await blob.WithVersion(version).DeleteIfExistsAsync(cancellationToken: cancellationToken);
        }
    }
}
