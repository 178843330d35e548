namespace AIWorkflows.Storage.Records;

/// <summary>Keeps records: content in Blob storage, the index in Table storage.</summary>
public interface IRecordArchive
{
    /// <summary>
    /// Stores a record. Records are written once: storing a record id that is kept already returns the
    /// record as kept and changes nothing, so a retried effect neither duplicates nor rewrites it.
    /// </summary>
    Task<RecordEntry> ArchiveAsync(NewRecord record, CancellationToken cancellationToken);

    Task<IReadOnlyList<RecordEntry>> ListAsync(string? toolId, string? recordClass, CancellationToken cancellationToken);

    /// <summary>Record ids are "{toolId}.{name}", so a record is found by its id alone in its tool's partition.</summary>
    Task<RecordEntry?> GetAsync(string recordId, CancellationToken cancellationToken);
}
