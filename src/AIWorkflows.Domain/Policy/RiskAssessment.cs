using System.Text.Json.Serialization;

namespace AIWorkflows.Domain.Policy;

/// <summary>
/// A rubric rule that matched the form: it lifted the tier to at least <c>Tier</c>, for <c>Reason</c>.
/// <c>Assumed</c> lists the blank answers it matched on (null when it read only answers given);
/// <c>Reviews</c> the review steps it adds.
/// </summary>
public sealed record AppliedRule(
    string RuleId,
    string Tier,
    string Reason,
    string Source,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyList<AssumedAnswer>? Assumed = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyList<ReviewStep>? Reviews = null);

/// <summary>
/// What the pack says about one intake form: its risk tier and why, any prohibited use it falls
/// under (then it cannot be approved), the disclosure duties that come with approval, the blank
/// answers it counted as the pack declares, and the required questions left blank (then the form
/// cannot be submitted).
/// </summary>
public sealed record RiskAssessment(
    string Tier,
    IReadOnlyList<AppliedRule> Reasons,
    IReadOnlyList<ProhibitedUse> Prohibited,
    IReadOnlyList<DisclosureDuty> Disclosures,
    IReadOnlyList<AssumedAnswer> Assumed,
    IReadOnlyList<PackQuestion> Unanswered)
{
    public bool IsProhibited => Prohibited.Count > 0;

    /// <summary>A form is admitted for review only when nothing prohibits it and every required question is answered.</summary>
    public bool IsAdmissible => !IsProhibited && Unanswered.Count == 0;

    /// <summary>The blank answers that conditions such as a prohibited use's read: what to tell the requester.</summary>
    public IReadOnlyList<AssumedAnswer> AssumedBy(IEnumerable<Condition> when) => BlankAnswers.ReadBy(Assumed, when);
}
