namespace AIWorkflows.Storage.Records;

/// <summary>
/// Write-once protection of record content. In Azure, a version-level immutability policy (time-based
/// retention until the record's retention end) and legal holds on the blob; Azurite has neither, so
/// locally the intent is only noted. Each call is idempotent: the retention workflow re-applies
/// its current state whenever it changes.
/// </summary>
public interface IRecordImmutability
{
    /// <summary>The blob cannot be changed or deleted before <paramref name="until"/> (an extension only moves it later).</summary>
    Task ProtectUntilAsync(string blobName, DateTimeOffset until, CancellationToken cancellationToken);

    Task SetLegalHoldAsync(string blobName, bool hold, CancellationToken cancellationToken);

    /// <summary>Deletes the earlier versions that versioning kept, so disposal destroys every copy.</summary>
    Task DeletePreviousVersionsAsync(string blobName, CancellationToken cancellationToken);
}
