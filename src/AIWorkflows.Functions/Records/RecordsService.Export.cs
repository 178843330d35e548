using System.IO.Compression;
using System.Text.Json;
using AIWorkflows.Domain.Records;
using AIWorkflows.Storage.Records;

namespace AIWorkflows.App.Records;

public sealed partial class RecordsService
{
    public const int MaxExport = 200;

    /// <summary>
    /// One zip for a public-records request: each chosen record's files, verified, and manifest.json with
    /// their ids and SHA-256. All or nothing: a record missing, destroyed or failing its check stops it.
    /// </summary>
    public async Task<RecordResult<RecordExport>> ExportAsync(RecordActor actor, IReadOnlyList<string>? recordIds, string? reference, CancellationToken ct)
    {
        // A form posts an empty "recordIds=" as a null element: skip it like a blank one.
        var ids = (recordIds ?? []).OfType<string>().Select(i => i.Trim()).Where(i => i.Length > 0).Distinct(StringComparer.Ordinal).ToList();
        if (ids.Count == 0) return RecordProblem.Invalid("recordIds", "Choose at least one record to export.");
        if (ids.Count > MaxExport) return RecordProblem.Invalid("recordIds", $"Export at most {MaxExport} records at a time.");
        if (Required(reference, "reference", "Give the public-records request this export answers.") is { } invalid) return invalid;

        var states = await Task.WhenAll(ids.Select(async id => (Id: id,
            State: RecordArchive.ToolIdOf(id) is null ? null : (await retention.LoadAsync(id, includeEvents: false, ct))?.State)));
        var unavailable = states.Where(s => s.State is null or RecordRetention.Disposed).Select(s => s.Id).ToList();
        if (unavailable.Count > 0)
            return new RecordProblem(StatusCodes.Status422UnprocessableEntity, "Some records cannot be exported",
                $"Not kept (unknown or disposed of): {string.Join(", ", unavailable.Select(RecordProblem.Clip))}.",
                new Dictionary<string, string[]> { ["recordIds"] = [.. unavailable] });

        var files = new List<RecordFile>();
        foreach (var (_, state) in states)
            foreach (var content in state!.RecordOrNull!.Contents)
            {
                var file = await VerifiedAsync(actor, state.RecordOrNull!, content, "export", ct);
                if (file.Problem is { } problem) return problem;
                files.Add(file.Value!);
            }

        var now = clock.GetUtcNow();
        var manifest = new ExportManifest(now, actor.Email, reference!.Trim(), [.. states.Select(s => s.State!.RecordOrNull!).Select(r => new ExportManifest.Item(
            r.RecordId, r.Title, r.RecordClass, r.ToolId, r.RequestId, r.CreatedAt,
            [.. r.Contents.Select(c => new ExportManifest.File($"{r.RecordId}/{Path.GetFileName(c.BlobName)}", c.ContentType, c.Size, c.Sha256))]))]);
        using var zip = new MemoryStream();
        using (var archiveZip = new ZipArchive(zip, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var f in files)
                await using (var entry = await archiveZip.CreateEntry($"{f.RecordId}/{f.FileName}", CompressionLevel.Optimal).OpenAsync(ct))
                    await entry.WriteAsync(f.Content, ct);
            await using var m = await archiveZip.CreateEntry("manifest.json").OpenAsync(ct);
            await JsonSerializer.SerializeAsync(m, manifest, DecisionRecord.Json, ct);
        }
        // One entry per record exported, all of one month's entries in one transaction.
        await log.AppendManyAsync([.. manifest.Records.Select(r => new AccessLogEntry(now, actor.Email, actor.Roles, "export", "allowed", r.RecordId, r.ToolId,
            $"Exported for {manifest.Reference}: {string.Join(", ", r.Files.Select(f => f.Path))}", r.Files[0].Sha256, actor.TraceId))], ct);
        return RecordResult<RecordExport>.Ok(new RecordExport($"records-export-{now:yyyyMMdd-HHmmss}.zip", zip.ToArray(), manifest));
    }
}

public sealed record RecordExport(string FileName, byte[] Zip, ExportManifest Manifest);

public sealed record ExportManifest(DateTimeOffset ExportedAt, string ExportedBy, string Reference, IReadOnlyList<ExportManifest.Item> Records)
{
    public sealed record Item(string RecordId, string Title, string RecordClass, string ToolId, string? RequestId, DateTimeOffset CreatedAt, IReadOnlyList<File> Files);

    public sealed record File(string Path, string ContentType, long Size, string Sha256);
}
