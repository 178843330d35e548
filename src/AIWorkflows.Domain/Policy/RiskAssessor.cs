using AIWorkflows.Domain.ToolApprovals;

namespace AIWorkflows.Domain.Policy;

/// <summary>
/// Applies a pack's rubric, prohibited uses and disclosure duties to an intake form
/// (Sacramento VI.A.3 AI Review, Albuquerque 4.2 risk assessment). Pure: same pack and form, same answer.
/// </summary>
public static class RiskAssessor
{
    public static RiskAssessment Assess(PolicyPack pack, ToolRequestForm form)
    {
        ArgumentNullException.ThrowIfNull(pack);
        ArgumentNullException.ThrowIfNull(form);

        var matched = pack.Rubric.Rules
            .Where(r => ConditionEvaluator.All(r.When, form))
            .Select(r => new AppliedRule(r.Id, r.Tier, r.Reason, r.Source))
            .ToList();

        // Each matching rule lifts the tier to at least its own; nothing matched leaves the default.
        var tier = matched
            .Select(r => pack.Tier(r.Tier))
            .Append(pack.Tier(pack.Rubric.DefaultTier))
            .MaxBy(t => t.Rank)!;

        // Strongest reasons first; ties keep the pack's order (OrderBy is stable).
        var reasons = matched.OrderByDescending(r => pack.Tier(r.Tier).Rank).ToList();
        var prohibited = pack.ProhibitedUses.Where(p => ConditionEvaluator.All(p.When, form)).ToList();
        var disclosures = pack.Disclosures.Where(d => ConditionEvaluator.All(d.When, form)).ToList();
        return new RiskAssessment(tier.Id, reasons, prohibited, disclosures);
    }
}
