using System.Globalization;
using AIWorkflows.Storage;
using AIWorkflows.Storage.Tables;
using Azure;
using Azure.Data.Tables;

namespace AIWorkflows.App.AccessGrants;

/// <summary>A course an employee completed, as recorded: when, from where, and the row's ETag for a guarded update.</summary>
public sealed record CompletionOnFile(string CourseId, DateOnly CompletedOn, string Source, DateTimeOffset RecordedAt, ETag ETag);

public sealed record GrantPointer(string GrantId, string ToolId);

/// <summary>What is on file for one employee: training completions and the grants they asked for.</summary>
public sealed record EmployeeFile(string EmployeeKey, IReadOnlyDictionary<string, CompletionOnFile> Completions, IReadOnlyList<GrantPointer> Grants)
{
    public IReadOnlyDictionary<string, DateOnly> CompletedOn => Completions.ToDictionary(c => c.Key, c => c.Value.CompletedOn, StringComparer.Ordinal);
}

/// <summary>
/// Table AccessEmployees, one partition per employee (the lower-case address): rows <c>course-{id}</c>
/// hold completions, rows <c>grant-{id}</c> point at the employee's grants. A new request reads its
/// completions, and a new completion finds the grants to tell, in one partition query.
/// </summary>
public sealed class EmployeeFiles(StorageClients clients)
{
    public const string Name = "AccessEmployees";
    private const string CoursePrefix = "course-";
    private const string GrantPrefix = "grant-";

    private TableClient Table => clients.Table(Name);

    public async Task<EmployeeFile> ReadAsync(string employeeKey, CancellationToken ct)
    {
        TableKeys.Require(employeeKey, "employee");
        var completions = new Dictionary<string, CompletionOnFile>(StringComparer.Ordinal);
        var grants = new List<GrantPointer>();
        await foreach (var row in Table.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {employeeKey}"), cancellationToken: ct))
        {
            if (row.RowKey.StartsWith(CoursePrefix, StringComparison.Ordinal))
            {
                var course = row.RowKey[CoursePrefix.Length..];
                completions[course] = new CompletionOnFile(course, DateOnly.ParseExact(row.GetString("CompletedOn"), "yyyy-MM-dd", CultureInfo.InvariantCulture),
                    row.GetString("Source") ?? "", row.GetDateTimeOffset("RecordedAt") ?? default, row.ETag);
            }
            else if (row.RowKey.StartsWith(GrantPrefix, StringComparison.Ordinal))
                grants.Add(new GrantPointer(row.RowKey, row.GetString("ToolId") ?? ""));
        }
        return new EmployeeFile(employeeKey, completions, grants);
    }

    /// <summary>Points the employee's partition at a grant; written once, a repeat is a no-op.</summary>
    public async Task AddGrantAsync(string employeeKey, string grantId, string toolId, CancellationToken ct)
    {
        try
        {
            await Table.AddEntityAsync(new TableEntity(employeeKey, grantId) { ["ToolId"] = toolId }, ct);
        }
        catch (RequestFailedException e) when (e.Status == 409)
        {
        }
    }

    /// <summary>
    /// Writes newer completions in one transaction: new rows are added, known rows replaced under the
    /// ETag they were read with, so a concurrent import fails this one (409/412) instead of undoing it.
    /// </summary>
    public Task SaveAsync(EmployeeFile file, IEnumerable<(string CourseId, DateOnly CompletedOn)> newer, string source, DateTimeOffset at, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(file);
        var actions = newer.Select(n =>
        {
            var row = new TableEntity(file.EmployeeKey, CoursePrefix + n.CourseId)
            {
                ["CompletedOn"] = n.CompletedOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), ["Source"] = source, ["RecordedAt"] = at,
            };
            return file.Completions.TryGetValue(n.CourseId, out var known)
                ? new TableTransactionAction(TableTransactionActionType.UpdateReplace, row, known.ETag)
                : new TableTransactionAction(TableTransactionActionType.Add, row);
        }).ToList();
        return actions.Count == 0 ? Task.CompletedTask : TableBatches.SubmitAsync(Table, actions, ct);
    }
}
