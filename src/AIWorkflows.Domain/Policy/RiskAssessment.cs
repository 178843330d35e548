namespace AIWorkflows.Domain.Policy;

/// <summary>A rubric rule that matched the form: it lifted the tier to at least <c>Tier</c>, for <c>Reason</c>.</summary>
public sealed record AppliedRule(string RuleId, string Tier, string Reason, string Source);

/// <summary>
/// What the pack says about one intake form: its risk tier and why, any prohibited use it falls
/// under (then it cannot be approved), and the disclosure duties that come with approval.
/// </summary>
public sealed record RiskAssessment(
    string Tier,
    IReadOnlyList<AppliedRule> Reasons,
    IReadOnlyList<ProhibitedUse> Prohibited,
    IReadOnlyList<DisclosureDuty> Disclosures)
{
    public bool IsProhibited => Prohibited.Count > 0;
}
