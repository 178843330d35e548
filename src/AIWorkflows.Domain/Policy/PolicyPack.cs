using System.Text.Json.Serialization;

namespace AIWorkflows.Domain.Policy;

/// <summary>
/// A city's AI policy as data: who reviews what, how often, how long records are kept.
/// Every value that comes from a seed policy names its clause in <c>Source</c>; the rest say
/// "city default". Loaded and validated by the app; the deciders only read it.
/// </summary>
public sealed record PolicyPack(
    string Id,
    string City,
    string TimeZone,
    IReadOnlyList<Holiday> Holidays,
    IReadOnlyList<RoleDefinition> Roles,
    IReadOnlyList<Department> Departments,
    IReadOnlyList<PackQuestion> Questions,
    RiskRubric Rubric,
    IReadOnlyList<ProhibitedUse> ProhibitedUses,
    IReadOnlyList<TierPolicy> Tiers,
    IReadOnlyList<DisclosureDuty> Disclosures,
    UnionPolicy? Union,
    IReadOnlyList<RetentionClass> Retention,
    AccessPolicy Access,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyList<IncidentKind>? IncidentKinds = null,
    FindingEscalationPolicy? FindingEscalation = null)
{
    public TierPolicy Tier(string id) =>
        Tiers.FirstOrDefault(t => t.Id == id) ?? throw new KeyNotFoundException($"Tier '{id}' is not in the {City} pack.");

    public RoleDefinition Role(string id) =>
        Roles.FirstOrDefault(r => r.Id == id) ?? throw new KeyNotFoundException($"Role '{id}' is not in the {City} pack.");

    /// <summary>The kind of incident a reporter chose, or null when none was chosen or the pack has no such kind.</summary>
    public IncidentKind? IncidentKind(string? id) => id is null ? null : IncidentKinds?.FirstOrDefault(k => k.Id == id);

    public RetentionClass RetentionClass(string id) =>
        Retention.FirstOrDefault(r => r.Id == id) ?? throw new KeyNotFoundException($"Record class '{id}' is not in the {City} pack.");
}

/// <summary>A day the city is closed; business-day deadlines skip it. <c>Source</c> says where the date comes from.</summary>
public sealed record Holiday(DateOnly Date, string Name, string Source = "city default");

/// <summary>A reviewing or notified role; <c>Email</c> is the role's mailbox unless a department overrides it.</summary>
public sealed record RoleDefinition(string Id, string Title, string Email, string Source);

/// <summary>Routes the department-director role to the right person.</summary>
public sealed record Department(string Name, string DirectorEmail);

/// <summary>
/// A question a pack adds to the intake form; answers arrive as <c>answers.{Id}</c>. A question a
/// condition reads is either <c>Required</c> or names in <c>IfBlank</c> the answer a blank counts as,
/// one that every condition on it applies to, so a blank never skips a rule (<see cref="BlankAnswers"/>).
/// </summary>
public sealed record PackQuestion(
    string Id,
    string Text,
    string Kind,
    IReadOnlyList<string> Options,
    string Source,
    bool Required = false,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? IfBlank = null);

/// <summary>One condition on the intake answers: a boolean field is <c>Is</c>, a choice or list field meets <c>AnyOf</c>.</summary>
public sealed record Condition(string Field, bool? Is, IReadOnlyList<string>? AnyOf);

/// <summary>Tiers are ranked; each matching rule lifts the tier to at least its own, and says why.</summary>
public sealed record RiskRubric(string DefaultTier, IReadOnlyList<RubricRule> Rules);

/// <summary>A reason to put a tool in a tier; <c>Reviews</c> are review steps the rule adds when it matches.</summary>
public sealed record RubricRule(
    string Id,
    string Tier,
    IReadOnlyList<Condition> When,
    string Reason,
    string Source,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyList<ReviewStep>? Reviews = null);

/// <summary>A use the city forbids outright; all conditions must hold for it to apply.</summary>
public sealed record ProhibitedUse(string Id, string Description, IReadOnlyList<Condition> When, string Source);

public sealed record TierPolicy(
    string Id,
    string Label,
    int Rank,
    IReadOnlyList<ReviewStep> Reviews,
    ReassessmentPolicy Reassessment,
    string Source);

/// <summary>
/// A role that must decide. Lower stages are engaged first; the next stage opens when every
/// review of the stage before has approved. Offsets are business days from when the task opened.
/// A <c>Checklist</c> says what the reviewer confirms by approving (a procurement step, for one); a
/// <c>RecordClass</c> keeps the review's outcome as its own record of that retention class (Albuquerque 1.2:
/// a privacy impact assessment), besides the decision record.
/// </summary>
public sealed record ReviewStep(
    string Role,
    int Stage,
    int ReminderAfterBusinessDays,
    int EscalateAfterBusinessDays,
    string EscalateTo,
    string Source,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyList<ChecklistItem>? Checklist = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? RecordClass = null);

/// <summary>One thing a reviewer confirms, with the clause that asks for it.</summary>
public sealed record ChecklistItem(string Text, string Source);

public sealed record ReassessmentPolicy(
    int EveryMonths,
    int ReminderDaysBefore,
    int EscalateDaysOverdue,
    int SuspendDaysOverdue,
    string Source);

public sealed record DisclosureDuty(string Id, string Text, IReadOnlyList<Condition> When, string Source);

/// <summary>
/// Notice to recognized employee organizations. <c>ImpactQuestion</c> is how the intake form asks
/// <c>affectsWorkingConditions</c>, in the policy's own words.
/// </summary>
public sealed record UnionPolicy(
    IReadOnlyList<EmployeeOrganization> Organizations,
    string LaborRelationsEmail,
    int RequestWindowBusinessDays,
    int ReminderBeforeWindowClosesBusinessDays,
    int MinimumLeadBusinessDays,
    int MeetAndConferLimitDays,
    bool EmergencyAdoptionAllowed,
    string Source,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? ImpactQuestion = null);

public sealed record EmployeeOrganization(string Id, string Name, string Email, IReadOnlyList<string> Classifications, string Source);

/// <summary>
/// A retention schedule line. <c>StartsOn</c> is the event that starts the clock ("created",
/// "tool_retired", "superseded"); <c>Years</c> null with <c>Permanent</c> means never disposed of.
/// </summary>
public sealed record RetentionClass(string Id, string Title, int? Years, bool Permanent, string StartsOn, string Source);

/// <remarks><c>GrantedBy</c>: who grants access as its own step once everything else holds; null when access follows from the requirements.</remarks>
public sealed record AccessPolicy(
    IReadOnlyList<Course> Courses,
    EthicalUseAgreement? Agreement,
    bool DepartmentHeadConsent,
    int ExpiryReminderDays,
    string Source,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] AccessGrantor? GrantedBy = null);

/// <summary>The office that grants access (Albuquerque 4.1: DTI), by the name the employee reads and the pack role it mails.</summary>
public sealed record AccessGrantor(string Name, string Role, string Source);

public sealed record Course(string Id, string Title, int ValidMonths, string Source);

public sealed record EthicalUseAgreement(string Title, string Text, string Source);

/// <summary>
/// A kind of incident a reporter can choose, and the roles the policy says must hear of it besides those
/// told of every incident (a cybersecurity incident reaches the information security officer, Sacramento VI.A.6).
/// </summary>
public sealed record IncidentKind(string Id, string Label, string Hint, IReadOnlyList<string> Notify, string Source);

/// <summary>
/// Where a reviewer's unresolved finding goes (Albuquerque 4.2: an escalation pathway for unresolved risks through
/// existing City governance): the role <c>To</c>, at the reviewer's request or when the finding is still unresolved
/// <c>AfterBusinessDays</c> after it was made.
/// </summary>
public sealed record FindingEscalationPolicy(string To, int AfterBusinessDays, string Source);
