using System.Collections.Concurrent;
using AIWorkflows.App.Reassessments;
using AIWorkflows.App.ToolApprovals;
using AIWorkflows.App.Web;
using CsvHelper;

namespace AIWorkflows.App.Inventory;

public sealed record RefusedRow(int Row, string? Id, string Reason);

/// <summary>What an import did, row by row: <c>row</c> is the spreadsheet row (the header is row 1).</summary>
public sealed record ImportReport(int Rows, int Accepted, int AlreadyRegistered, IReadOnlyList<RefusedRow> Refused);

/// <summary>
/// Imports an existing inventory in the federal schema (OMB M-25-21) as tools in service, each
/// pending its first re-assessment by the city (Albuquerque 6.2 inventory, 4.3 risk-based review).
/// Idempotent: a tool's id comes from its use case id, and registering a registered tool changes nothing.
/// </summary>
public sealed class FederalImporter(FederalMapping mapping, ToolLifecycleService lifecycle, FederalSources sources, TimeProvider clock)
{
    /// <summary>City default: the city reviews an imported tool within 30 days of its import.</summary>
    public static readonly TimeSpan FirstReviewWithin = TimeSpan.FromDays(30);

    public const int Parallelism = 8;
    public const int MaxRows = 20_000;
    public const int MaxBytes = 20 * 1024 * 1024;

    public abstract record Result
    {
        public sealed record Done(ImportReport Report) : Result;

        public sealed record Invalid(string Title, string Detail) : Result;
    }

    public async Task<Result> ImportAsync(Stream csv, CancellationToken ct)
    {
        var (rows, problem) = await ReadAsync(csv, ct);
        if (problem is not null) return problem;

        var refused = new ConcurrentBag<RefusedRow>();
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        var toRegister = new List<(FederalRow Row, Domain.Reassessments.ToolProfile Profile)>();
        foreach (var row in rows!)
        {
            var id = FederalMapping.UseCaseId(row);
            if (row.Malformed is { } malformed)
            {
                refused.Add(new RefusedRow(row.Row, id, malformed));
                continue;
            }
            switch (mapping.Map(row))
            {
                case FederalMapping.Outcome.Refused r:
                    refused.Add(new RefusedRow(row.Row, id, r.Reason));
                    break;
                case FederalMapping.Outcome.Mapped m when seen.TryGetValue(m.Profile.ToolId, out var first):
                    refused.Add(new RefusedRow(row.Row, id, $"The same agency and use case id as row {first}."));
                    break;
                case FederalMapping.Outcome.Mapped m:
                    seen[m.Profile.ToolId] = row.Row;
                    toRegister.Add((row, m.Profile));
                    break;
            }
        }

        var firstDue = clock.GetUtcNow() + FirstReviewWithin;
        var created = new ConcurrentBag<(string ToolId, IReadOnlyDictionary<string, string> Cells)>();
        var already = 0;
        try
        {
            await Parallel.ForEachAsync(toRegister, new ParallelOptions { MaxDegreeOfParallelism = Parallelism, CancellationToken = ct }, async (item, token) =>
            {
                try
                {
                    if (await lifecycle.RegisterAsync(item.Profile, firstDue, token)) created.Add((item.Profile.ToolId, item.Row.Cells));
                    else Interlocked.Increment(ref already);
                }
                catch (Exception e) when (ProblemResponses.IsStorageOutage(e))
                {
                    refused.Add(new RefusedRow(item.Row.Row, item.Profile.ExternalId, "Storage was unavailable. Import the file again: rows already registered are not duplicated."));
                }
            });
        }
        finally
        {
            // Even when the import stops half-way, the tools it registered keep the row they came from:
            // a later import sees them as registered and would not write it.
            await sources.SaveAsync(created, CancellationToken.None);
        }
        return new Result.Done(new ImportReport(rows.Count, created.Count, already, [.. refused.OrderBy(r => r.Row)]));
    }

    private static async Task<(List<FederalRow>? Rows, Result.Invalid? Problem)> ReadAsync(Stream csv, CancellationToken ct)
    {
        await using var reader = CsvReader.Create(csv, CsvCells.Reading, leaveOpen: true);
        await reader.ReadHeaderAsync(ct);
        var header = reader.Headers.ToArray();
        if (header.Length == 0 || header.All(string.IsNullOrWhiteSpace))
            return (null, new Result.Invalid("The file is empty", "Send a CSV file whose first row names the columns of the federal AI use case inventory."));
        var columns = header.Select(FederalSchema.Canonical).ToArray();
        var missing = FederalSchema.Required.Where(r => !columns.Contains(r)).ToList();
        if (missing.Count > 0)
            return (null, new Result.Invalid("The file is not in the federal schema",
                $"The header has no {string.Join(" or ", missing)} column. Use the columns of the OMB M-25-21 AI use case inventory (for example id, use_case_name, agency_bureau, development_stage, is_high_impact, has_pii)."));

        var rows = new List<FederalRow>();
        while (await reader.ReadAsync(ct))
        {
            if (rows.Count == MaxRows)
                return (null, new Result.Invalid("The file has too many rows", $"Import at most {MaxRows} use cases at a time."));
            var cells = new Dictionary<string, string>(StringComparer.Ordinal);
            for (var i = 0; i < columns.Length && i < reader.FieldCount; i++)
                if (columns[i] is { } column && !cells.ContainsKey(column)) cells[column] = Clip(CsvCells.Unguard(reader.GetString(i) ?? ""));
            // Fewer cells is a row whose last cells are empty; more is a broken quote or a stray comma.
            var malformed = reader.FieldCount > header.Length ? $"The row has {reader.FieldCount} cells but the header has {header.Length}: check its quotes and commas." : null;
            rows.Add(new FederalRow(rows.Count + 2, cells, malformed));
        }
        return (rows, null);
    }

    private static string Clip(string s) => s.Length <= ToolRequestValidator.MaxText ? s : s[..ToolRequestValidator.MaxText];
}
