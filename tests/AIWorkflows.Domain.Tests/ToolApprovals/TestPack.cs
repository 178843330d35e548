using AIWorkflows.Domain.Calendar;
using AIWorkflows.Domain.Policy;
using AIWorkflows.Domain.ToolApprovals;

namespace AIWorkflows.Domain.Tests.ToolApprovals;

/// <summary>A small pack built in code so decider tests do not depend on the shipped JSON packs.</summary>
internal static class TestPack
{
    public static readonly TimeZoneInfo Pacific = TimeZoneInfo.FindSystemTimeZoneById("America/Los_Angeles");

    // Wednesday 2026-11-25 10:00 Pacific; Thanksgiving (26th) is a holiday in this pack.
    public static readonly DateTimeOffset Now = new(2026, 11, 25, 10, 0, 0, TimeSpan.FromHours(-8));

    private static RoleDefinition Role(string id, string title) => new(id, title, $"{id}@city.example", "city default");

    public static readonly PolicyPack Pack = new(
        "testville", "Testville", "America/Los_Angeles",
        [new Holiday(new DateOnly(2026, 11, 26), "Thanksgiving"), new Holiday(new DateOnly(2026, 11, 27), "Day after Thanksgiving")],
        [Role("ai_officer", "AI Officer"), Role("security_officer", "Information Security Officer"),
         Role("city_attorney", "City Attorney"), Role("department_director", "Department Director"), Role("cio", "Chief Information Officer")],
        [new Department("Utilities", "director.utilities@city.example")],
        [],
        new RiskRubric("low", [
            new RubricRule("pii", "high", [new Condition("dataCategories", null, ["pii"])], "Personal data", "Test 1"),
            new RubricRule("public", "medium", [new Condition("publicFacing", true, null)], "Public facing", "Test 2"),
        ]),
        [new ProhibitedUse("impersonation", "Fakes a person's appearance or voice", [new Condition("impersonation", true, null)], "Baltimore EO")],
        [
            new TierPolicy("low", "Low", 1, [Step("ai_officer", 1)], Reassess(12), "city default"),
            new TierPolicy("medium", "Medium", 2, [Step("ai_officer", 1), Step("security_officer", 1)], Reassess(6), "city default"),
            new TierPolicy("high", "High", 3,
                [Step("department_director", 1), Step("ai_officer", 2), Step("security_officer", 2), Step("city_attorney", 2)],
                Reassess(3), "city default"),
        ],
        [new DisclosureDuty("public_disclosure", "Disclose AI in public-facing services", [new Condition("publicFacing", true, null)], "Albuquerque 2.4")],
        new UnionPolicy(
            [new EmployeeOrganization("clerks", "Clerks Union", "clerks@union.example", ["Clerk"], "city default"),
             new EmployeeOrganization("analysts", "Analysts Association", "analysts@union.example", ["Analyst"], "city default")],
            "labor@city.example", 10, 3, 20, 60, true, "Sacramento VI.A.7"),
        [new RetentionClass("decision_record", "Decision record", 7, false, "tool_retired", "city default")],
        new AccessPolicy([], null, true, 30, "city default"));

    private static ReviewStep Step(string role, int stage) => new(role, stage, 3, 5, "cio", "city default");

    private static ReassessmentPolicy Reassess(int months) => new(months, 14, 7, 30, "city default");

    public static BusinessCalendar Calendar { get; } = new(Pacific, Pack.Holidays.Select(h => h.Date));

    public static ToolApprovalDecider Decider { get; } = new(Pack, Calendar);

    public static ToolRequestForm Form(bool pii = false, bool publicFacing = false, bool impersonation = false,
        bool affectsWork = false, string[]? classifications = null, string? emergency = null) => new(
        "Transcribe", "Acme", "Utilities", "requester@city.example", "Transcribe council meetings", "Clerk reviews every transcript",
        pii ? ["pii"] : ["public"], publicFacing, true, affectsWork, impersonation, false, "assistive", "pilot", classifications ?? [],
        new Dictionary<string, string>(), null, emergency is not null, emergency);
}
