using System.Globalization;
using AIWorkflows.App.Inventory;
using CsvHelper;

namespace AIWorkflows.App.AccessGrants;

/// <summary>
/// GET /api/access-grants.csv: who may use which tool, one grant per row, for IT to sync each tool's
/// group in the identity provider (Albuquerque 4.1: access is granted by DTI). Cells guarded against formulas.
/// </summary>
public static class AccessGrantCsv
{
    public static readonly IReadOnlyList<string> Columns =
        ["tool_id", "tool_name", "employee_email", "department", "status", "granted_at", "expires_at", "grant_id"];

    public static async Task WriteAsync(Stream body, IEnumerable<GrantLine> lines, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(lines);
        await using var csv = CsvWriter.Create(body, CsvCells.Writing, leaveOpen: true);
        csv.WriteHeader([.. Columns]);
        foreach (var l in lines)
        {
            ct.ThrowIfCancellationRequested();
            csv.WriteRecord([l.ToolId, l.ToolName, l.EmployeeEmail, l.Department, l.Status, Time(l.GrantedAt), Time(l.ExpiresAt), l.GrantId]);
        }
        await csv.FlushAsync(ct);
    }

    private static string Time(DateTimeOffset? t) => t?.ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture) ?? "";
}
