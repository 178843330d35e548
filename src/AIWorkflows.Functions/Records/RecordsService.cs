using AIWorkflows.Domain.Records;
using AIWorkflows.Storage.Deciding;
using AIWorkflows.Storage.Records;

namespace AIWorkflows.App.Records;

/// <summary>
/// What records officers do (Albuquerque 3.2; Sacramento VI.A.5): find, read and export records, hold
/// them, decide their disposition. The API and the pages both call this. Every retrieval and every
/// refusal is written to the access log first-hand here, so no caller can forget it.
/// </summary>
public sealed partial class RecordsService(
    RecordRetentionWorkflow retention,
    RecordArchive archive,
    RecordTools tools,
    RecordAccessLog log,
    TimeProvider clock,
    ILogger<RecordsService> logger)
{
    public const int MaxResults = 500;

    /// <summary>Logs a refused access (wrong role, not signed in). The caller answers 401/403.</summary>
    public Task DenyAsync(RecordActor actor, string action, string? recordId, CancellationToken ct) =>
        AppendAsync(actor, action, "denied", recordId, actor.IsSignedIn ? "The records officer role is required." : "Not signed in.", null, ct);

    public async Task<RecordResult<IReadOnlyList<RecordEntry>>> SearchAsync(RecordActor actor, RecordQuery query, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(query);
        if (query.From > query.To) return RecordProblem.Invalid("to", "The end of the date range is before its start.");
        var found = await archive.SearchAsync(query, ct);
        await AppendAsync(actor, "search", "allowed", null, $"{Describe(query)}; {found.Count} found", null, ct);
        return RecordResult<IReadOnlyList<RecordEntry>>.Ok([.. found.Take(MaxResults)]);
    }

    /// <summary>A record's metadata and its retention history (the state row and events of its instance).</summary>
    public async Task<RecordResult<RecordDetails>> GetAsync(RecordActor actor, string recordId, CancellationToken ct)
    {
        var snapshot = RecordArchive.ToolIdOf(recordId) is null ? null : await retention.LoadAsync(recordId, includeEvents: true, ct);
        if (snapshot is null || RecordProjection.From(snapshot.State) is not { } entry)
        {
            await AppendAsync(actor, "view", "not_found", recordId, "No such record.", null, ct);
            return RecordProblem.NotFound(recordId);
        }
        await AppendAsync(actor, "view", "allowed", recordId, entry.Title, null, ct);
        return RecordResult<RecordDetails>.Ok(new RecordDetails(entry, snapshot.State, [.. snapshot.Events.Select(e => RecordHistory.Describe(e.Event))]));
    }

    /// <summary>
    /// The content, verified against the SHA-256 registered when the record was kept. A mismatch is refused
    /// and raised as an integrity alert: altered content is never served.
    /// </summary>
    public async Task<RecordResult<RecordFile>> DownloadAsync(RecordActor actor, string recordId, string? format, CancellationToken ct)
    {
        var snapshot = RecordArchive.ToolIdOf(recordId) is null ? null : await retention.LoadAsync(recordId, includeEvents: false, ct);
        if (snapshot?.State.RecordOrNull is not { } record)
        {
            await AppendAsync(actor, "download", "not_found", recordId, "No such record.", null, ct);
            return RecordProblem.NotFound(recordId);
        }
        if (snapshot.State is RecordRetention.Disposed d)
        {
            await AppendAsync(actor, "download", "refused", recordId, $"Disposed of; certificate {d.Disposal.CertificateId}.", null, ct);
            return new RecordProblem(StatusCodes.Status410Gone, "The record was disposed of",
                $"Its content was destroyed on {d.Disposal.At:yyyy-MM-dd} under {d.Disposal.Authority}. The certificate is record {d.Disposal.CertificateId}.");
        }
        var content = format is null or "" ? record.Contents[0] : record.Contents.FirstOrDefault(c => c.BlobName.EndsWith("." + format, StringComparison.OrdinalIgnoreCase));
        if (content is null)
            return RecordProblem.Invalid("format", $"This record is kept as {string.Join(" and ", record.Contents.Select(Extension))}.");
        var file = await VerifiedAsync(actor, record, content, "download", ct);
        if (file.Problem is null)
            await AppendAsync(actor, "download", "allowed", recordId, $"{content.BlobName} ({content.Size} bytes)", content.Sha256, ct);
        return file;
    }

    /// <summary>The access log, newest first. Reading it is itself logged.</summary>
    public async Task<IReadOnlyList<AccessLogEntry>> AccessLogAsync(
        RecordActor actor, DateTimeOffset? from, DateTimeOffset? to, string? recordId, int take, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var entries = await log.ReadAsync(from ?? now.AddDays(-31), to ?? now, string.IsNullOrWhiteSpace(recordId) ? null : recordId.Trim(), Math.Clamp(take, 1, 1000), ct);
        await AppendAsync(actor, "read_access_log", "allowed", recordId, $"{entries.Count} entries", null, ct);
        return entries;
    }

    private async Task<RecordResult<RecordFile>> VerifiedAsync(RecordActor actor, RecordFacts record, RecordContent content, string action, CancellationToken ct)
    {
        var bytes = await archive.ReadContentAsync(content.BlobName, ct);
        var actual = bytes is null ? "missing" : RecordArchive.Sha256Of(bytes);
        if (actual == content.Sha256)
            return RecordResult<RecordFile>.Ok(new RecordFile(record.RecordId, content.BlobName, Path.GetFileName(content.BlobName), content.ContentType, bytes!, content.Sha256));
        IntegrityAlert(logger, record.RecordId, content.BlobName, content.Sha256, actual, actor.Email);
        await AppendAsync(actor, action, "integrity_failure", record.RecordId,
            $"{content.BlobName}: expected SHA-256 {content.Sha256}, found {actual}. Not served.", actual, ct);
        return new RecordProblem(StatusCodes.Status409Conflict, "The record failed its integrity check",
            $"The stored content of {record.RecordId} ({Path.GetFileName(content.BlobName)}) does not match the SHA-256 registered when it was kept "
            + $"({content.Sha256}). It was not served; the mismatch is logged as an integrity alert for the records officer and IT security.");
    }

    private async Task AppendAsync(RecordActor actor, string action, string outcome, string? recordId, string detail, string? sha, CancellationToken ct) =>
        await log.AppendAsync(new AccessLogEntry(clock.GetUtcNow(), actor.Email, actor.Roles, action, outcome, recordId,
            RecordArchive.ToolIdOf(recordId), detail, sha, actor.TraceId), ct);

    private static string Extension(RecordContent c) => Path.GetExtension(c.BlobName).TrimStart('.');

    private static string Describe(RecordQuery q) => string.Join(", ", new[]
    {
        q.ToolId is { Length: > 0 } ? $"tool={q.ToolId}" : null, q.RecordClass is { Length: > 0 } ? $"class={q.RecordClass}" : null,
        q.Department is { Length: > 0 } ? $"department={q.Department}" : null, q.Status is { Length: > 0 } ? $"status={q.Status}" : null,
        q.From is { } f ? $"from={f:O}" : null, q.To is { } t ? $"to={t:O}" : null, q.Text is { Length: > 0 } ? $"text={q.Text}" : null,
    }.Where(x => x is not null).DefaultIfEmpty("all records"));

    [LoggerMessage(LogLevel.Critical, "Record integrity alert: {RecordId} {BlobName} expected SHA-256 {Expected}, found {Actual} (requested by {Actor}); not served")]
    private static partial void IntegrityAlert(ILogger logger, string recordId, string blobName, string expected, string actual, string actor);
}

public sealed record RecordDetails(RecordEntry Entry, RecordRetention State, IReadOnlyList<RecordHistoryEntry> History);

public sealed record RecordFile(string RecordId, string BlobName, string FileName, string ContentType, byte[] Content, string Sha256);
