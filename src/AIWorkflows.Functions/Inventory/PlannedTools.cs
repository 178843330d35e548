using AIWorkflows.Domain.ToolApprovals;

namespace AIWorkflows.App.Inventory;

/// <summary>
/// Albuquerque 6.2: the inventory holds planned tools as well as those in use. A request under review is a register
/// line with status <c>planned</c>, holding only what the register shows of any tool (never the requester); it is
/// replaced by the tool's own line once approved, and closed (hidden) once rejected or withdrawn.
/// </summary>
public static class PlannedTools
{
    public const string Planned = "planned";

    /// <summary>Not a register status: a line that left the register. Kept, not deleted, so a late retry of an older line cannot bring it back.</summary>
    public const string Closed = "closed";

    // Below every version a tool's own workflow writes (its stream's seq, from 1), so approval always replaces the planned
    // line; rising with the request's seq, so a resubmission's line replaces the first and a closing replaces both.
    private static long Version(long seq) => long.MinValue / 2 + seq;

    public static InventoryEntry Entry(RequestCase c, long seq)
    {
        ArgumentNullException.ThrowIfNull(c);
        var f = c.Form;
        return new InventoryEntry(c.ToolId, f.ToolName, f.Vendor, f.Department, f.Purpose, c.Tier, f.DataCategories, f.HumanOversight,
            f.PublicFacing, f.GenerativeAi, f.DecisionImpact, [.. c.Disclosures.Select(d => $"{d.Text} ({d.Source})")],
            Planned, c.SubmittedAt, null, null, "request", null, Version(seq));
    }

    public static InventoryEntry ClosedEntry(string toolId, DateTimeOffset at, long seq) =>
        new(toolId, "", "", "", "", "", [], "", false, false, "", [], Closed, at, null, null, "request", null, Version(seq));
}
