using System.Text.Json;
using AIWorkflows.Domain.ToolApprovals;

namespace AIWorkflows.App.ToolApprovals;

/// <summary>
/// The intake body as it arrives, every field optional so that a missing or mistyped field is
/// reported next to its name instead of failing the whole body (DESIGN §5 field names).
/// </summary>
public sealed class ToolRequestInput
{
    public string? ToolName { get; set; }
    public string? Vendor { get; set; }
    public string? Department { get; set; }
    public string? RequesterEmail { get; set; }
    public string? Purpose { get; set; }
    public string? HumanOversight { get; set; }
    public IReadOnlyList<string>? DataCategories { get; set; }
    public bool? PublicFacing { get; set; }
    public bool? GenerativeAi { get; set; }
    public bool? AffectsWorkingConditions { get; set; }
    public bool? Impersonation { get; set; }
    public bool? LawEnforcement { get; set; }
    public string? DecisionImpact { get; set; }
    public string? Stage { get; set; }
    public IReadOnlyList<string>? AffectedClassifications { get; set; }
    public Dictionary<string, string>? Answers { get; set; }
    public DateOnly? PlannedGoLive { get; set; }
    public bool? EmergencyAdoption { get; set; }
    public string? EmergencyJustification { get; set; }

    /// <summary>Set when this request moves an approved pilot into production (Albuquerque 2.2).</summary>
    public string? PilotToolId { get; set; }

    public ToolRequestForm ToForm() => new(
        ToolName!.Trim(), Vendor!.Trim(), Department!.Trim(), RequesterEmail!.Trim(), Purpose!.Trim(), HumanOversight!.Trim(),
        [.. DataCategories!.Distinct(StringComparer.Ordinal)], PublicFacing!.Value, GenerativeAi!.Value,
        AffectsWorkingConditions!.Value, Impersonation!.Value, LawEnforcement!.Value, DecisionImpact!, Stage!,
        [.. (AffectedClassifications ?? []).Select(c => c.Trim()).Where(c => c.Length > 0).Distinct(StringComparer.Ordinal)],
        (Answers ?? []).ToDictionary(kv => kv.Key, kv => kv.Value.Trim(), StringComparer.Ordinal),
        PlannedGoLive, EmergencyAdoption == true, EmergencyAdoption == true ? EmergencyJustification?.Trim() : null,
        string.IsNullOrWhiteSpace(PilotToolId) ? null : PilotToolId.Trim());

    public static ToolRequestInput FromForm(ToolRequestForm f) => new()
    {
        ToolName = f.ToolName, Vendor = f.Vendor, Department = f.Department, RequesterEmail = f.RequesterEmail,
        Purpose = f.Purpose, HumanOversight = f.HumanOversight, DataCategories = f.DataCategories,
        PublicFacing = f.PublicFacing, GenerativeAi = f.GenerativeAi, AffectsWorkingConditions = f.AffectsWorkingConditions,
        Impersonation = f.Impersonation, LawEnforcement = f.LawEnforcement, DecisionImpact = f.DecisionImpact, Stage = f.Stage,
        AffectedClassifications = f.AffectedClassifications, Answers = new Dictionary<string, string>(f.Answers),
        PlannedGoLive = f.PlannedGoLive, EmergencyAdoption = f.EmergencyAdoption, EmergencyJustification = f.EmergencyJustification,
        PilotToolId = f.PilotToolId,
    };

    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        UnmappedMemberHandling = System.Text.Json.Serialization.JsonUnmappedMemberHandling.Disallow,
    };
}
