using System.Globalization;
using CsvHelper;

namespace AIWorkflows.App.Inventory;

/// <summary>GET /inventory.csv: the register as RFC 4180 CSV, one tool per row, every cell guarded against formula injection.</summary>
public static class RegisterCsv
{
    public static readonly IReadOnlyList<string> Columns =
    [
        "tool_id", "name", "vendor", "department", "purpose", "tier", "data_categories", "human_oversight", "public_facing",
        "disclosures", "generative_ai", "decision_impact", "status", "registered_at", "last_reviewed_at", "next_review_due_at",
        "origin", "external_id",
    ];

    public static async Task WriteAsync(Stream body, IEnumerable<InventoryEntry> entries, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(entries);
        await using var csv = CsvWriter.Create(body, CsvCells.Writing, leaveOpen: true);
        csv.WriteHeader([.. Columns]);
        foreach (var e in entries)
        {
            ct.ThrowIfCancellationRequested();
            string[] cells =
            [
                e.ToolId, e.Name, e.Vendor, e.Department, e.Purpose, e.Tier, string.Join("; ", e.DataCategories), e.HumanOversight,
                Bool(e.PublicFacing), string.Join(" | ", e.Disclosures), Bool(e.GenerativeAi), e.DecisionImpact, e.Status,
                Time(e.RegisteredAt), Time(e.LastReviewedAt), Time(e.Status == "retired" ? null : e.NextReviewDueAt), e.Origin, e.ExternalId ?? "",
            ];
            csv.WriteRecord(cells);
            await csv.FlushAsync(ct);
        }
    }

    private static string Bool(bool b) => b ? "true" : "false";

    private static string Time(DateTimeOffset? t) => t?.ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture) ?? "";
}
