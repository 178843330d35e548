using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text.Json;
using AIWorkflows.App.Web;
using AIWorkflows.App.Workflows;
using AIWorkflows.Storage.Records;
using Microsoft.DurableTask.Client;

namespace AIWorkflows.App.AccessGrants;

public sealed partial class TrainingService
{
    /// <summary>Imported files are records of no tool; they are filed under this id.</summary>
    public const string RecordsToolId = "training";

    public abstract record ImportResult
    {
        public sealed record Done(TrainingImportReport Report) : ImportResult;

        public sealed record Invalid(string Title, string Detail) : ImportResult;

        private ImportResult() { }
    }

    /// <summary>
    /// Imports a learning system's completions export: every row is checked and either recorded, found on
    /// file already, or refused with its reason; the file and the report are kept as a training record.
    /// </summary>
    public async Task<ImportResult> ImportAsync(DurableTaskClient client, byte[] content, string by, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(content);
        using var stream = new MemoryStream(content, writable: false);
        var (rows, problem) = await TrainingCsv.ReadAsync(stream, ct);
        if (problem is not null) return new ImportResult.Invalid("The file cannot be imported", problem);

        var refused = new ConcurrentBag<RefusedTrainingRow>();
        var first = new Dictionary<(string, string), int>();
        var accepted = new List<Completion>();
        foreach (var row in rows!)
        {
            if (row.Malformed is { } malformed) refused.Add(new(row.Row, row.Email, row.Course, malformed));
            else if (Check(row.Email, row.Course, row.CompletedOn, out var c, row.Row) is { } why) refused.Add(new(row.Row, row.Email, row.Course, why));
            else if (first.TryGetValue((c!.EmployeeKey, c.CourseId), out var earlier))
                refused.Add(new(row.Row, row.Email, row.Course, $"Duplicate of row {earlier}: the same employee and course."));
            else
            {
                first[(c.EmployeeKey, c.CourseId)] = row.Row;
                accepted.Add(c);
            }
        }

        var recordId = $"{RecordsToolId}.import-{Convert.ToHexStringLower(SHA256.HashData(content))[..16]}";
        int recorded = 0, already = 0, updated = 0;
        await Parallel.ForEachAsync(accepted.GroupBy(c => c.EmployeeKey), new ParallelOptions { MaxDegreeOfParallelism = 8, CancellationToken = ct }, async (employee, token) =>
        {
            try
            {
                var (r, a, g) = await ApplyAsync(client, employee.Key, [.. employee], $"imported by {by} ({recordId})", token);
                Interlocked.Add(ref recorded, r);
                Interlocked.Add(ref already, a);
                Interlocked.Add(ref updated, g);
            }
            catch (Exception e) when (ProblemResponses.IsStorageOutage(e))
            {
                foreach (var c in employee)
                    refused.Add(new(c.Row, c.EmployeeKey, c.CourseId, "Storage was unavailable. Import the file again: rows already recorded are not recorded twice."));
            }
        });
        var refusedRows = refused.OrderBy(r => r.Row).ToList();
        var report = new TrainingImportReport(rows.Count, rows.Count - refusedRows.Count, recorded, already, updated, refusedRows, recordId);
        await KeepAsync(recordId, content, report, by, ct);
        return new ImportResult.Done(report);
    }

    // Albuquerque 5.1: training is a condition of access; the evidence of it is kept as the pack's training record.
    private async Task KeepAsync(string recordId, byte[] content, TrainingImportReport report, string by, CancellationToken ct)
    {
        var rc = pack.RetentionClass("training_record");
        var now = clock.GetUtcNow();
        DateTimeOffset? end = rc.Permanent || rc.Years is null || rc.StartsOn != "created" ? null : now.AddYears(rc.Years.Value);
        var json = JsonSerializer.SerializeToUtf8Bytes(new { importedBy = by, importedAt = now, report }, Indented);
        await archive.ArchiveAsync(new NewRecord(recordId, "training_record",
            $"Training completions imported by {by}: {report.Accepted} of {report.Rows} rows accepted", RecordsToolId, null, "citywide", now, rc.StartsOn, end,
            [new Rendition("csv", "text/csv", content), new Rendition("json", "application/json", json)]), ct);
    }

    private static readonly JsonSerializerOptions Indented = new(WorkflowJson.Options) { WriteIndented = true };
}
