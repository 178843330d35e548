using AIWorkflows.Domain.ToolApprovals;

namespace AIWorkflows.Domain.Policy;

/// <summary>
/// The intake fields a pack's conditions may name. Boolean fields are tested with <c>Is</c>; choice
/// and list fields with <c>AnyOf</c>; <c>answers.{questionId}</c> tests a pack question's answer.
/// The loader checks packs against this list so a condition can never name a field that is not there.
/// </summary>
public static class ConditionFields
{
    public const string AnswersPrefix = "answers.";

    public static readonly IReadOnlyList<string> Boolean =
        ["publicFacing", "generativeAi", "affectsWorkingConditions", "impersonation", "lawEnforcement"];

    public static readonly IReadOnlyList<string> Choice = ["dataCategories", "decisionImpact", "stage", "department"];

    public static IReadOnlyList<string> All { get; } = [.. Boolean, .. Choice];

    public static bool IsBoolean(string field) => Boolean.Contains(field, StringComparer.Ordinal);

    public static bool IsAnswer(string field) =>
        field.StartsWith(AnswersPrefix, StringComparison.Ordinal) && field.Length > AnswersPrefix.Length;

    public static string QuestionId(string field) =>
        IsAnswer(field) ? field[AnswersPrefix.Length..] : throw new ArgumentException($"'{field}' is not an answers.<questionId> field.", nameof(field));

    /// <summary>The values an <c>AnyOf</c> may list for a choice field; null when the pack decides (department, answers).</summary>
    public static IReadOnlyList<string>? AllowedValues(string field) => field switch
    {
        "dataCategories" => ToolRequestForm.DataCategoryValues,
        "decisionImpact" => ToolRequestForm.DecisionImpactValues,
        "stage" => ToolRequestForm.StageValues,
        _ => null,
    };
}
