using AIWorkflows.Domain.Policy;

namespace AIWorkflows.App.Inventory;

/// <summary>What a reader of the register narrows it to, from the query string: ?department=&amp;status=&amp;tier=&amp;q=.</summary>
public sealed record RegisterFilter(string? Department, string? Status, string? Tier, string? Search)
{
    // Albuquerque 6.2: planned tools (requests under review) are listed as well as those in use.
    public static readonly IReadOnlyList<string> Statuses = ["approved", "pilot", PlannedTools.Planned, "suspended", "retired"];

    public static RegisterFilter None { get; } = new(null, null, null, null);

    public bool IsEmpty => Department is null && Status is null && Tier is null && Search is null;

    /// <summary>Reads the filter; an unknown status or tier is an error (it would silently match nothing).</summary>
    public static (RegisterFilter Filter, Dictionary<string, string[]> Errors) Read(IQueryCollection query, PolicyPack pack)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(pack);
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        string? Value(string key, int max)
        {
            var v = query[key].ToString().Trim();
            if (v.Length > max) errors[key] = [$"Use at most {max} characters."];
            return v.Length == 0 || v.Length > max ? null : v;
        }
        var status = Value("status", 20);
        if (status is not null && !Statuses.Contains(status))
        {
            errors["status"] = ["Choose a status: approved, pilot, planned, suspended or retired."];
            status = null;
        }
        var tier = Value("tier", 40);
        if (tier is not null && pack.Tiers.All(t => t.Id != tier))
        {
            errors["tier"] = [$"Choose a risk tier: {string.Join(", ", pack.Tiers.Select(t => t.Id))}."];
            tier = null;
        }
        return (new RegisterFilter(Value("department", 200), status, tier, Value("q", 100)), errors);
    }

    public bool Matches(InventoryEntry e)
    {
        ArgumentNullException.ThrowIfNull(e);
        return (Department is null || string.Equals(e.Department, Department, StringComparison.OrdinalIgnoreCase))
            && (Status is null || e.Status == Status)
            && (Tier is null || e.Tier == Tier)
            && (Search is null || e.Name.Contains(Search, StringComparison.OrdinalIgnoreCase)
                || e.Purpose.Contains(Search, StringComparison.OrdinalIgnoreCase)
                || e.Vendor.Contains(Search, StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>The query string for this filter (and a page: its number past the first, its size when not the default), for links that keep it.</summary>
    public string Query(RegisterPaging? paging = null)
    {
        var parts = new List<string>();
        void Add(string key, string? value)
        {
            if (!string.IsNullOrEmpty(value)) parts.Add($"{key}={Uri.EscapeDataString(value)}");
        }
        Add("department", Department);
        Add("status", Status);
        Add("tier", Tier);
        Add("q", Search);
        if (paging is { Page: > 1 }) parts.Add($"page={paging.Page}");
        if (paging is not null && paging.PageSize != RegisterPaging.DefaultSize) parts.Add($"pageSize={paging.PageSize}");
        return parts.Count == 0 ? "" : "?" + string.Join("&", parts);
    }
}
