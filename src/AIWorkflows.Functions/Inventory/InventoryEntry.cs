using AIWorkflows.Domain.Reassessments;

namespace AIWorkflows.App.Inventory;

/// <summary>
/// One line of the public register of AI tools (Albuquerque 6.2/6.7, Sacramento IV.D transparency):
/// what the tool does, for whom, at what risk, under what oversight, and when it was last reviewed.
/// Built from the tool's workflow state; never holds personal data beyond the department.
/// </summary>
public sealed record InventoryEntry(
    string ToolId,
    string Name,
    string Vendor,
    string Department,
    string Purpose,
    string Tier,
    IReadOnlyList<string> DataCategories,
    string HumanOversight,
    bool PublicFacing,
    bool GenerativeAi,
    string DecisionImpact,
    IReadOnlyList<string> Disclosures,
    string Status,
    DateTimeOffset RegisteredAt,
    DateTimeOffset? LastReviewedAt,
    DateTimeOffset? NextReviewDueAt,
    string Origin,
    string? ExternalId,
    long Version,
    string? WorkingConditionsImpact = null)
{
    public static InventoryEntry? From(ToolLifecycle state, long version) => state switch
    {
        ToolLifecycle.InService s => Of(s.Profile, s.Status, s.RegisteredAt, s.LastReviewedAt, s.Schedule.DueAt, version),
        ToolLifecycle.Retired r => Of(r.Profile, r.Status, r.RegisteredAt, r.LastReviewedAt, null, version),
        _ => null,
    };

    private static InventoryEntry Of(ToolProfile p, string status, DateTimeOffset registeredAt, DateTimeOffset? last, DateTimeOffset? next, long version) => new(
        p.ToolId, p.Name, p.Vendor, p.Department, p.Purpose, p.Tier, p.DataCategories, p.HumanOversight, p.PublicFacing,
        p.GenerativeAi, p.DecisionImpact, p.Disclosures, status, registeredAt, last, next, p.Origin, p.ExternalId, version, p.WorkingConditionsImpact);
}
