using System.Globalization;
using System.Security.Cryptography;
using Azure.Data.Tables;

namespace AIWorkflows.Storage.Records;

/// <summary>
/// The audit log of record retrieval: every search, view, download, export and refusal. Append-only by
/// construction: this class is the only writer of its table and can only insert (a row that exists
/// fails the insert; nothing here updates or deletes). Partition = UTC month, row key = inverted
/// time, so reading a period is one range query, newest first.
/// </summary>
public sealed class RecordAccessLog(TableClient table)
{
    /// <summary>One transaction. Each entry gets a fresh row key, so nothing is ever overwritten.</summary>
    public async Task<AccessLogEntry> AppendAsync(AccessLogEntry entry, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var row = Row(entry);
        await table.AddEntityAsync(row, cancellationToken);
        return entry with { Id = $"{row.PartitionKey}.{row.RowKey}" };
    }

    private static TableEntity Row(AccessLogEntry entry)
    {
        var at = entry.At.ToUniversalTime();
        var rowKey = (DateTimeOffset.MaxValue.UtcTicks - at.UtcTicks).ToString("D19", CultureInfo.InvariantCulture)
            + "-" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(6));
        return new TableEntity(Month(at), rowKey)
        {
            ["At"] = entry.At, ["Actor"] = entry.Actor, ["Roles"] = string.Join(",", entry.Roles), ["Action"] = entry.Action,
            ["Outcome"] = entry.Outcome, ["RecordId"] = entry.RecordId, ["ToolId"] = entry.ToolId, ["Detail"] = Clip(entry.Detail),
            ["Sha256"] = entry.Sha256, ["TraceId"] = entry.TraceId,
        };
    }

    /// <summary>Several entries (an export): one transaction per month per 100 entries, instead of one each.</summary>
    public async Task AppendManyAsync(IReadOnlyList<AccessLogEntry> entries, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entries);
        foreach (var chunk in entries.Select(Row).GroupBy(r => r.PartitionKey, StringComparer.Ordinal).SelectMany(g => g.Chunk(Tables.TableTransactionGuard.MaxOperations)))
            await Tables.TableBatches.SubmitAsync(table, [.. chunk.Select(r => new TableTransactionAction(TableTransactionActionType.Add, r))], cancellationToken);
    }

    /// <summary>Entries between <paramref name="from"/> and <paramref name="to"/>, newest first; at most <paramref name="take"/>.</summary>
    public async Task<IReadOnlyList<AccessLogEntry>> ReadAsync(
        DateTimeOffset from, DateTimeOffset to, string? recordId, int take, CancellationToken cancellationToken)
    {
        var filter = TableClient.CreateQueryFilter($"PartitionKey ge {Month(from)} and PartitionKey le {Month(to)} and At ge {from} and At le {to}");
        if (!string.IsNullOrEmpty(recordId)) filter += " and " + TableClient.CreateQueryFilter($"RecordId eq {recordId}");
        var result = new List<AccessLogEntry>();
        // Months come oldest first from the service; within a month rows are newest first.
        await foreach (var e in table.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken))
            result.Add(new AccessLogEntry(
                e.GetDateTimeOffset("At") ?? default, e.GetString("Actor") ?? "", (e.GetString("Roles") ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries),
                e.GetString("Action") ?? "", e.GetString("Outcome") ?? "", e.GetString("RecordId"), e.GetString("ToolId"),
                e.GetString("Detail") ?? "", e.GetString("Sha256"), e.GetString("TraceId")) { Id = $"{e.PartitionKey}.{e.RowKey}" });
        return [.. result.OrderByDescending(e => e.At).ThenByDescending(e => e.Id, StringComparer.Ordinal).Take(take)];
    }

    private static string Month(DateTimeOffset at) => at.ToUniversalTime().ToString("yyyyMM", CultureInfo.InvariantCulture);

    // A table property holds 64 KiB; a detail is a sentence or a search, never a document.
    private static string Clip(string s) => s.Length > 4000 ? s[..4000] + "…" : s;
}

/// <summary>
/// Who did what to which record, when, and what came of it. <c>Outcome</c>: allowed, denied (no right
/// to it), refused (e.g. integrity check failed), not_found.
/// </summary>
public sealed record AccessLogEntry(
    DateTimeOffset At,
    string Actor,
    IReadOnlyList<string> Roles,
    string Action,
    string Outcome,
    string? RecordId,
    string? ToolId,
    string Detail,
    string? Sha256 = null,
    string? TraceId = null)
{
    public string Id { get; init; } = "";
}
