using AIWorkflows.Domain.ToolApprovals;

namespace AIWorkflows.Domain.Policy;

/// <summary>
/// Applies a pack's rubric, prohibited uses and disclosure duties to an intake form
/// (Sacramento VI.A.3 AI Review, Albuquerque 4.2 risk assessment). Pure: same pack and form, same answer.
/// </summary>
public static class RiskAssessor
{
    /// <summary>
    /// Assesses a request. A blank question counts as the answer the pack declares for a blank (its
    /// riskier answer), so leaving it blank never lowers the tier or skips a prohibition (issue 17).
    /// </summary>
    public static RiskAssessment Assess(PolicyPack pack, ToolRequestForm form)
    {
        ArgumentNullException.ThrowIfNull(pack);
        ArgumentNullException.ThrowIfNull(form);
        var (filled, assumed) = BlankAnswers.Fill(pack, form);
        return Evaluate(pack, filled, assumed, BlankAnswers.Missing(pack, form.Answers));
    }

    /// <summary>
    /// Reads only the answers given, assuming nothing for blanks: for a register entry imported from
    /// an inventory that never asked the city's questions (it takes its floor from that inventory).
    /// A request for approval is always assessed with <see cref="Assess"/>.
    /// </summary>
    public static RiskAssessment AssessAnswersGiven(PolicyPack pack, ToolRequestForm form)
    {
        ArgumentNullException.ThrowIfNull(pack);
        ArgumentNullException.ThrowIfNull(form);
        return Evaluate(pack, form, [], []);
    }

    private static RiskAssessment Evaluate(PolicyPack pack, ToolRequestForm form, IReadOnlyList<AssumedAnswer> assumed, IReadOnlyList<PackQuestion> unanswered)
    {
        // Null rather than empty keeps a rule that assumed nothing equal to, and stored as, one from before blanks counted.
        IReadOnlyList<AssumedAnswer>? AssumedBy(IEnumerable<Condition> when) =>
            BlankAnswers.ReadBy(assumed, when) is { Count: > 0 } used ? used : null;

        var matched = pack.Rubric.Rules
            .Where(r => ConditionEvaluator.All(r.When, form))
            .Select(r => new AppliedRule(r.Id, r.Tier, r.Reason, r.Source, AssumedBy(r.When), r.Reviews is { Count: > 0 } ? r.Reviews : null))
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
        return new RiskAssessment(tier.Id, reasons, prohibited, disclosures, assumed, unanswered);
    }
}
