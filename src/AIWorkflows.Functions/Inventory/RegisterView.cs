using AIWorkflows.Domain.Policy;

namespace AIWorkflows.App.Inventory;

/// <summary>A register line as the public API gives it (GET /api/inventory): no owner, no internal version.</summary>
public sealed record RegisterView(
    string ToolId,
    string Name,
    string Vendor,
    string Department,
    string Purpose,
    string Tier,
    string TierLabel,
    IReadOnlyList<string> DataCategories,
    string HumanOversight,
    bool PublicFacing,
    IReadOnlyList<string> Disclosures,
    bool GenerativeAi,
    string DecisionImpact,
    string Status,
    DateTimeOffset RegisteredAt,
    DateTimeOffset? LastReviewedAt,
    DateTimeOffset? NextReviewDueAt,
    string Origin,
    string? ExternalId,
    string Page)
{
    public static RegisterView Of(InventoryEntry e, PolicyPack pack)
    {
        ArgumentNullException.ThrowIfNull(e);
        ArgumentNullException.ThrowIfNull(pack);
        return new(e.ToolId, e.Name, e.Vendor, e.Department, e.Purpose, e.Tier,
            pack.Tiers.FirstOrDefault(t => t.Id == e.Tier)?.Label ?? e.Tier, e.DataCategories, e.HumanOversight, e.PublicFacing,
            e.Disclosures, e.GenerativeAi, e.DecisionImpact, e.Status, e.RegisteredAt, e.LastReviewedAt,
            e.Status == "retired" ? null : e.NextReviewDueAt, e.Origin, e.ExternalId, $"/inventory/{Uri.EscapeDataString(e.ToolId)}");
    }
}

/// <summary>
/// GET /api/inventory: the counts and one page of the tools the filter keeps. <c>total</c> counts the whole register and
/// <c>matching</c> the tools the filter keeps, over every page; <c>next</c> and <c>previous</c> are the links to the
/// neighbouring pages with the same filter and size, null at either end (issue 17 §4).
/// </summary>
public sealed record RegisterPage(
    int Total, int Matching, IReadOnlyDictionary<string, int> ByStatus, IReadOnlyList<RegisterView> Tools,
    int Page, int PageSize, int Pages, string? Next, string? Previous);
