using System.Collections.Concurrent;
using Azure.Data.Tables;
using CsvHelper;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Options;
using PlainApp.Reassessments;
using PlainApp.Storage;

namespace PlainApp.Inventory;

/// <summary>
/// Imports an existing inventory in the federal schema (OMB M-25-21): each use case in service becomes a
/// register line and an eternal re-assessment orchestration, its first cycle due a month on.
/// </summary>
public sealed class InventoryImportFunctions(PlainStorage storage, IOptions<PlainOptions> options)
{
    // As many at a time as our import registers.
    private const int Parallelism = 8;

    [Function("ImportInventory")]
    public async Task<IResult> Import(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/inventory/import")] HttpRequest request, [DurableClient] DurableTaskClient client)
    {
        ArgumentNullException.ThrowIfNull(request);
        var ct = request.HttpContext.RequestAborted;
        var (rows, tools) = await ReadAsync(request.Body, ct);
        var o = options.Value;
        var due = DateTime.UtcNow + o.FirstReviewAfterImport;
        var accepted = new ConcurrentBag<string>();
        await Parallel.ForEachAsync(tools, new ParallelOptions { MaxDegreeOfParallelism = Parallelism, CancellationToken = ct }, async (tool, token) =>
        {
            var cycle = new ReassessmentCycle(tool.Id, tool.Name, tool.Owner, due, o.ReassessEvery, o.AskAhead, o.AiOfficer, 1);
            await storage.Register.UpsertEntityAsync(Register.Row(cycle, requestId: null), TableUpdateMode.Replace, token);
            await ReassessmentActivities.StartAsync(client, cycle, token);
            accepted.Add(tool.Id);
        });
        return Results.Ok(new { rows, accepted = accepted.Count });
    }

    private sealed record ImportedTool(string Id, string Name, string Owner);

    // The rows a first version would take: a use case id and a name, not withheld, not retired; the first of a repeated id.
    private static async Task<(int Rows, List<ImportedTool> Tools)> ReadAsync(Stream body, CancellationToken ct)
    {
        await using var csv = CsvReader.Create(body, CsvReaderOptions.Default with { Separator = ',' }, leaveOpen: true);
        await csv.ReadHeaderAsync(ct);
        var columns = csv.Headers.Select((h, i) => (Name: h.Trim('\uFEFF', ' '), i)).GroupBy(c => c.Name).ToDictionary(g => g.Key, g => g.First().i);
        string Cell(string column) => columns.TryGetValue(column, out var i) && i < csv.FieldCount ? (csv.GetString(i) ?? "").Trim() : "";

        var (rows, seen, tools) = (0, new HashSet<string>(StringComparer.OrdinalIgnoreCase), new List<ImportedTool>());
        while (await csv.ReadAsync(ct))
        {
            rows++;
            var (agency, id, name) = (Cell("agency"), Cell("id"), Cell("use_case_name"));
            if (id.Length == 0 || name.Length == 0) continue;
            if (Cell("is_withheld") is { Length: > 0 } withheld && !withheld.Equals("no", StringComparison.OrdinalIgnoreCase)) continue;
            if (Cell("development_stage").StartsWith("retired", StringComparison.OrdinalIgnoreCase)) continue;
            var toolId = ToolId(agency, id);
            if (seen.Add(toolId)) tools.Add(new ImportedTool(toolId, name, Cell("contact_email") is { Length: > 0 } e ? e : "owner@city.example"));
        }
        return (rows, tools);
    }

    // A Durable instance id may not hold '/', '\', '#' or '?'; the rest is kept readable.
    private static string ToolId(string agency, string id) =>
        "tool-" + new string($"{agency}-{id}".Select(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '.' ? char.ToLowerInvariant(c) : '_').ToArray());
}
