using AIWorkflows.App.Inventory;
using CsvHelper;

namespace AIWorkflows.App.AccessGrants;

/// <summary>One data row of a learning-system export, as read: <c>Row</c> is the file's line (the header is line 1).</summary>
public sealed record TrainingCsvRow(int Row, string Email, string Course, string CompletedOn, string? Malformed);

/// <summary>
/// Reads a learning system's completions export: RFC 4180 CSV with a header naming the employee's
/// email, the course (id or title) and the completion date, in any order and common spellings.
/// </summary>
public static class TrainingCsv
{
    public const int MaxBytes = 5 * 1024 * 1024;
    public const int MaxRows = 50_000;

    private static readonly string[] EmailNames = ["employee_email", "email", "employee", "learner_email", "user_email", "email_address"];
    private static readonly string[] CourseNames = ["course", "course_id", "course_title", "course_name", "course_code"];
    private static readonly string[] DateNames = ["completed_on", "completion_date", "completed", "date_completed", "completed_at", "completion_date_time"];

    public static readonly string Expected = "employee_email, course, completed_on";

    public static async Task<(List<TrainingCsvRow>? Rows, string? Problem)> ReadAsync(Stream csv, CancellationToken ct)
    {
        await using var reader = CsvReader.Create(csv, CsvCells.Reading with { TrackLineNumbers = true, TrimWhitespace = true }, leaveOpen: true);
        await reader.ReadHeaderAsync(ct);
        var header = reader.Headers.Select(Canonical).ToArray();
        if (header.Length == 0 || header.All(h => h.Length == 0)) return (null, $"The file is empty. Send a CSV file whose first row names its columns: {Expected}.");
        int Find(string[] names) => Array.FindIndex(header, h => names.Contains(h));
        var (email, course, date) = (Find(EmailNames), Find(CourseNames), Find(DateNames));
        var missing = new[] { (email, "employee email"), (course, "course"), (date, "completed on") }.Where(c => c.Item1 < 0).Select(c => c.Item2).ToList();
        if (missing.Count > 0)
            return (null, $"The header has no {string.Join(" or ", missing)} column. Name the columns {Expected} (the course by its id or title).");

        var rows = new List<TrainingCsvRow>();
        while (await reader.ReadAsync(ct))
        {
            if (rows.Count == MaxRows) return (null, $"The file has more than {MaxRows} rows; import it in parts.");
            string Cell(int i) => i < reader.FieldCount ? CsvCells.Unguard(reader.GetString(i) ?? "") : "";
            var malformed = reader.FieldCount > header.Length ? $"The row has {reader.FieldCount} cells but the header has {header.Length}: check its quotes and commas." : null;
            rows.Add(new TrainingCsvRow((int)reader.LineNumber, Cell(email), Cell(course), Cell(date), malformed));
        }
        return (rows, null);
    }

    private static string Canonical(string? name) =>
        (name ?? "").Trim().Trim('\uFEFF').ToLowerInvariant().Replace(' ', '_').Replace('-', '_');
}
