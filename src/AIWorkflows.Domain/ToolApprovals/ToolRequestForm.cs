namespace AIWorkflows.Domain.ToolApprovals;

/// <summary>
/// What a department tells the city about the AI tool it wants to use (DESIGN §5). Field names
/// are the ones the pack's conditions refer to ("publicFacing", "dataCategories", "answers.x").
/// <paramref name="SubmittedBy"/> is the signed-in city identity that sent it: the requester, or someone
/// who sent it on the requester's behalf (null on requests sent before submission needed a sign-in).
/// </summary>
public sealed record ToolRequestForm(
    string ToolName,
    string Vendor,
    string Department,
    string RequesterEmail,
    string Purpose,
    string HumanOversight,
    IReadOnlyList<string> DataCategories,
    bool PublicFacing,
    bool GenerativeAi,
    bool AffectsWorkingConditions,
    bool Impersonation,
    bool LawEnforcement,
    string DecisionImpact,
    string Stage,
    IReadOnlyList<string> AffectedClassifications,
    IReadOnlyDictionary<string, string> Answers,
    DateOnly? PlannedGoLive = null,
    bool EmergencyAdoption = false,
    string? EmergencyJustification = null,
    string? PilotToolId = null,
    string? SubmittedBy = null)
{
    public static readonly IReadOnlyList<string> DataCategoryValues =
        ["public", "internal", "confidential", "pii", "hr", "health", "criminal_justice"];

    public static readonly IReadOnlyList<string> DecisionImpactValues = ["none", "assistive", "automated"];

    public static readonly IReadOnlyList<string> StageValues = ["pilot", "production"];

    /// <summary>Sent by someone other than the requester, on the requester's behalf.</summary>
    public bool OnBehalf => SubmittedBy is { } by && !string.Equals(by.Trim(), RequesterEmail.Trim(), StringComparison.OrdinalIgnoreCase);
}
