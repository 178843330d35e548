using System.Globalization;
using AIWorkflows.Domain.Policy;
using CsvHelper;

namespace AIWorkflows.App.Inventory;

/// <summary>
/// GET /api/inventory/export.csv: the register in the federal schema (OMB M-25-21), so the city can
/// report or share it like an agency does. An imported tool gives back the row it came from, with the
/// city's current status and tier; a tool the city approved fills what the register holds, the rest empty.
/// </summary>
public sealed class FederalExport(PublicRegister register, FederalSources sources, PolicyPack pack)
{
    private static readonly string[] SensitiveData = ["pii", "hr", "health", "criminal_justice"];

    public async Task WriteAsync(Stream body, CancellationToken ct)
    {
        var listing = await register.ListAsync(RegisterFilter.None, ct);
        var imported = listing.Matching.Any(e => e.Origin == "import") ? await sources.ListAsync(ct) : new Dictionary<string, IReadOnlyDictionary<string, string>>();
        await using var csv = CsvWriter.Create(body, CsvCells.Writing, leaveOpen: true);
        csv.WriteHeader([.. FederalSchema.Columns]);
        foreach (var e in listing.Matching)
        {
            var row = Row(e, imported.GetValueOrDefault(e.ToolId));
            csv.WriteRecord([.. FederalSchema.Columns.Select(c => row.GetValueOrDefault(c, ""))]);
            await csv.FlushAsync(ct);
        }
    }

    public Dictionary<string, string> Row(InventoryEntry e, IReadOnlyDictionary<string, string>? source)
    {
        ArgumentNullException.ThrowIfNull(e);
        var row = source is null ? new Dictionary<string, string>(StringComparer.Ordinal) : new Dictionary<string, string>(source, StringComparer.Ordinal);
        string From(string column, string ours) => source?.GetValueOrDefault(column) ?? ours;
        var stage = (source?.GetValueOrDefault("development_stage") ?? "").Trim();

        row["agency"] = From("agency", pack.City);
        row["agency_name"] = From("agency_name", $"City of {pack.City}");
        row["id"] = e.ExternalId ?? e.ToolId;
        row["use_case_name"] = From("use_case_name", e.Name);
        row["agency_bureau"] = From("agency_bureau", e.Department);
        // The export is public: the public inquiries address that M-25-21 allows in place of a person's, the AI officer's.
        row["contact_email"] = pack.Role("ai_officer").Email;
        row["is_withheld"] = "No";
        row["development_stage"] = e.Status switch
        {
            "retired" => "Retired",
            "approved" => "Deployed",
            PlannedTools.Planned => "Pre-deployment", // Albuquerque 6.2: a request under review
            "pilot" when stage.Contains("pre-deployment", StringComparison.OrdinalIgnoreCase) => "Pre-deployment",
            "pilot" => "Pilot",
            _ => stage.Length > 0 ? stage : "Deployed",
        };
        var top = pack.Tiers.MaxBy(t => t.Rank)!.Id;
        // The city's tier speaks for now: a tool the city rates lower than its top tier is no longer reported high-impact.
        var reported = source?.GetValueOrDefault("is_high_impact");
        row["is_high_impact"] = e.Tier == top ? "High-impact"
            : reported is null || FederalRow.Normalize(reported).StartsWith("high-impact", StringComparison.Ordinal) ? "Not High-impact"
            : reported;
        row["classification"] = From("classification", e.GenerativeAi ? "Generative AI" : "");
        row["problem_solved"] = From("problem_solved", e.Purpose);
        row["operational_date"] = From("operational_date", e.RegisteredAt.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        row["vendor_name"] = From("vendor_name", e.Vendor);
        row["has_pii"] = From("has_pii", e.DataCategories.Intersect(SensitiveData).Any() ? "Yes" : "No");
        return row;
    }
}
