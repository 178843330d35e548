namespace AIWorkflows.App.Inventory;

/// <summary>The register as one listing: every tool, how many by status, the ones a filter keeps.</summary>
public sealed record RegisterListing(
    int Total,
    IReadOnlyDictionary<string, int> ByStatus,
    IReadOnlyList<string> Departments,
    IReadOnlyList<InventoryEntry> Matching);

/// <summary>
/// Reads the public register (Albuquerque 6.7, Sacramento IV.D): every approved, pilot, suspended and
/// retired tool, and every planned one under review (Albuquerque 6.2), ordered by department and name.
/// One partition query per 1,000 tools.
/// </summary>
public sealed class PublicRegister(InventoryTable table)
{
    public async Task<RegisterListing> ListAsync(RegisterFilter filter, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var all = (await table.ListAsync(ct))
            .Where(e => RegisterFilter.Statuses.Contains(e.Status))
            .OrderBy(e => e.Department, StringComparer.OrdinalIgnoreCase)
            .ThenBy(e => e.Name, StringComparer.OrdinalIgnoreCase)
            .ThenBy(e => e.ToolId, StringComparer.Ordinal)
            .ToList();
        var byStatus = RegisterFilter.Statuses.ToDictionary(s => s, s => all.Count(e => e.Status == s));
        var departments = all.Select(e => e.Department).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        return new RegisterListing(all.Count, byStatus, departments, [.. all.Where(filter.Matches)]);
    }

    public async Task<InventoryEntry?> GetAsync(string toolId, CancellationToken ct)
    {
        var entry = await table.GetAsync(toolId, ct);
        return entry is not null && RegisterFilter.Statuses.Contains(entry.Status) ? entry : null;
    }
}
