using System.Text.Json.Serialization;

namespace AIWorkflows.Domain.AccessGrants;

[JsonPolymorphic(TypeDiscriminatorPropertyName = "command")]
[JsonDerivedType(typeof(RequestAccess), "request")]
[JsonDerivedType(typeof(RecordTraining), "record_training")]
[JsonDerivedType(typeof(SignAgreement), "sign")]
[JsonDerivedType(typeof(GiveConsent), "consent")]
[JsonDerivedType(typeof(DecideGrant), "decide_grant")]
[JsonDerivedType(typeof(ToolStatusChanged), "tool_status")]
[JsonDerivedType(typeof(Revoke), "revoke")]
[JsonDerivedType(typeof(Deadline), "deadline")]
public abstract record AccessGrantCommand(DateTimeOffset Now)
{
    /// <summary>An employee asks for a tool; carries what they have already completed and the tool's status now.</summary>
    public sealed record RequestAccess(
        string GrantId, string ToolId, string ToolName, string EmployeeEmail, string Department, Requirements Required,
        IReadOnlyDictionary<string, DateOnly> Completions, bool ToolInService, DateTimeOffset Now) : AccessGrantCommand(Now);

    public sealed record RecordTraining(string CourseId, DateOnly CompletedOn, DateTimeOffset Now) : AccessGrantCommand(Now);

    public sealed record SignAgreement(string By, string TextSha256, DateTimeOffset Now) : AccessGrantCommand(Now);

    public sealed record GiveConsent(string By, bool Given, string Comments, DateTimeOffset Now) : AccessGrantCommand(Now);

    /// <summary>The granting office (Albuquerque 4.1: DTI) grants, with an optional note, or refuses with a reason.</summary>
    public sealed record DecideGrant(string By, bool Grant, string Note, DateTimeOffset Now) : AccessGrantCommand(Now);

    /// <summary>The tool was suspended, retired or reinstated.</summary>
    public sealed record ToolStatusChanged(string Status, DateTimeOffset Now) : AccessGrantCommand(Now);

    public sealed record Revoke(string By, string Reason, DateTimeOffset Now) : AccessGrantCommand(Now);

    /// <summary>A timer for the expiry set at <paramref name="DueAt"/>; a renewal moves the expiry and makes it stale.</summary>
    public sealed record Deadline(GrantDeadline Kind, DateTimeOffset DueAt, DateTimeOffset Now) : AccessGrantCommand(Now);
}
