namespace AIWorkflows.Storage.Records;

/// <summary>Keeps records: content in Blob storage, the index in Table storage.</summary>
public interface IRecordArchive
{
    /// <summary>Stores a record; storing the same record id again overwrites it with the same content (idempotent effect).</summary>
    Task<RecordEntry> ArchiveAsync(NewRecord record, CancellationToken cancellationToken);

    Task<IReadOnlyList<RecordEntry>> ListAsync(string? toolId, string? recordClass, CancellationToken cancellationToken);

    /// <summary>Record ids are "{toolId}.{name}", so a record is found by its id alone in its tool's partition.</summary>
    Task<RecordEntry?> GetAsync(string recordId, CancellationToken cancellationToken);
}
