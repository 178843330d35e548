using AIWorkflows.Domain.Deciding;
using AIWorkflows.Domain.Policy;
using AIWorkflows.Domain.Records;
using AIWorkflows.Domain.Tests.ToolApprovals;
using static AIWorkflows.Domain.Records.RecordCommand;

namespace AIWorkflows.Domain.Tests.Records;

/// <summary>Given / When / Then over the real retention decider, with a schedule built in code.</summary>
internal static class RecordRetentionSpec
{
    // Monday 2026-11-23 09:00 Pacific.
    public static readonly DateTimeOffset Now = new(2026, 11, 23, 9, 0, 0, TimeSpan.FromHours(-8));

    public static readonly PolicyPack Pack = TestPack.Pack with
    {
        Retention =
        [
            new RetentionClass("incident", "AI incident report", 5, false, "created", "Test VII.B"),
            new RetentionClass("decision_record", "Decision record", 10, false, "tool_retired", "Test 3.2"),
            new RetentionClass("reassessment", "Re-assessment", 3, false, "superseded", "Test 4.3"),
            new RetentionClass("disposition_certificate", "Certificate of destruction", null, true, "created", "Test default"),
        ],
    };

    public static RecordRetentionDecider D { get; } = new(Pack);

    public static RecordFacts Facts(string recordClass = "incident", string name = "incident-1") => new(
        $"tool-1.{name}", recordClass, "Incident report", "tool-1", "req-1", "Utilities", Now,
        [new RecordContent($"tool-1/{recordClass}/tool-1.{name}.json", "application/json", 42, new string('a', 64))]);

    public static Register Register(string recordClass = "incident") => new(Facts(recordClass, recordClass + "-1"), Now);

    public static PlaceHold Hold(string id = "hold-1", string reason = "Litigation: Doe v. City", DateTimeOffset? at = null) =>
        new(id, reason, "records@city.example", HoldScopes.Record, at ?? Now.AddDays(1));

    public static RecordRetention Given(params IEnumerable<RecordCommand> commands)
    {
        var state = D.Initial;
        foreach (var c in commands) state = D.Fold(state, D.Decide(c, state));
        return state;
    }

    public static (IReadOnlyList<RecordEvent> Events, RecordRetention State) When(RecordRetention state, RecordCommand command)
    {
        var events = D.Decide(command, state);
        return (events, D.Fold(state, events));
    }

    /// <summary>The timer the store set for the state's current retention end, delivered at that time.</summary>
    public static RetentionDue DueTimer(RecordRetention state)
    {
        var end = state.ClockOrNull!.EndsAt!.Value;
        return new RetentionDue(end, end);
    }

    public static RecordRetention InReview() { var s = Given(Register()); return Given(Register(), DueTimer(s)); }

    public static T Single<T>(IReadOnlyList<RecordEvent> events) where T : RecordEvent => Assert.Single(events.OfType<T>());
}
