using AIWorkflows.Domain.ToolApprovals;

namespace AIWorkflows.Domain.Policy;

/// <summary>
/// Tests a pack's conditions against an intake form. A list of conditions holds when every one
/// holds (an empty list always holds). Packs are validated on load, so a condition naming an unknown
/// field or the wrong operand is a programming error and throws.
/// </summary>
public static class ConditionEvaluator
{
    public static bool All(IEnumerable<Condition> when, ToolRequestForm form)
    {
        ArgumentNullException.ThrowIfNull(when);
        return when.All(c => Matches(c, form));
    }

    public static bool Matches(Condition condition, ToolRequestForm form)
    {
        ArgumentNullException.ThrowIfNull(condition);
        ArgumentNullException.ThrowIfNull(form);
        return condition.Field switch
        {
            "publicFacing" => Is(condition, form.PublicFacing),
            "generativeAi" => Is(condition, form.GenerativeAi),
            "affectsWorkingConditions" => Is(condition, form.AffectsWorkingConditions),
            "impersonation" => Is(condition, form.Impersonation),
            "lawEnforcement" => Is(condition, form.LawEnforcement),
            "dataCategories" => AnyOf(condition).Overlaps(form.DataCategories),
            "decisionImpact" => AnyOf(condition).Contains(form.DecisionImpact),
            "stage" => AnyOf(condition).Contains(form.Stage),
            "department" => AnyOf(condition).Contains(form.Department),
            var f when ConditionFields.IsAnswer(f) =>
                form.Answers.TryGetValue(ConditionFields.QuestionId(f), out var answer)
                && AnyOf(condition).Contains(answer.Trim()),
            var f => throw new ArgumentException($"Condition field '{f}' is not an intake field.", nameof(condition)),
        };
    }

    private static bool Is(Condition c, bool value) =>
        c.Is is bool expected
            ? value == expected
            : throw new ArgumentException($"Condition on '{c.Field}' needs 'is' (true or false).", nameof(c));

    // Intake values are case-insensitive: "Pii" and "pii" are the same category, "True" is "true".
    private static HashSet<string> AnyOf(Condition c) =>
        c.AnyOf is { Count: > 0 } values
            ? new HashSet<string>(values, StringComparer.OrdinalIgnoreCase)
            : throw new ArgumentException($"Condition on '{c.Field}' needs a non-empty 'anyOf'.", nameof(c));
}
