using AIWorkflows.App.Records;
using AIWorkflows.App.Workflows;
using AIWorkflows.Domain.Records;

namespace AIWorkflows.App.Tests.Workflows.Replay.Journeys;

internal sealed class RecordRetentionJourney : RecordedJourney
{
    public override string Orchestrator => nameof(RecordRetentionOrchestration);

    public override string InstanceId => "tool-1.incident-1";

    public override string Story =>
        "A kept incident report, asleep since it was registered, is woken seconds before its retention ends by a legal hold (HoldPlaced); "
        + "the end-of-retention timer fires, the disposition review is deferred by the hold, and the instance sleeps until the hold is released (it completes).";

    public override async Task DriveAsync(JourneyDriver drive)
    {
        var facts = new RecordFacts(InstanceId, "incident", "Incident report: wrong case", "tool-1", "req-1", "Utilities", Start,
            [new RecordContent("tool-1/incident/tool-1.incident-1.json", "application/json", 42, new string('a', 64))]);
        var decider = RecordRetentionOrchestration.Rules.Decider(Sacramento);
        var kept = decider.Decide(new RecordCommand.Register(facts, Start), decider.Initial).Aggregate(decider.Initial, decider.Evolve);
        var end = kept.ClockOrNull!.EndsAt!.Value;
        var skew = AppTimeIs(end.AddSeconds(-10));

        // Woken as the gateway wakes a sleeping instance: from its read model, with the command that woke it.
        RecordCommand hold = new RecordCommand.PlaceHold("hold-1", "Litigation: Doe v. City", "records@cityofsacramento.example", "record", end.AddSeconds(-10));
        await drive.StartAsync(new WorkflowStart("hold-1", Command(hold), Pack, skew, StateJson(kept), 1));
        await drive.StepAsync(1);
        await drive.StepAsync(2);
        await drive.CompletedAsync();
    }

    private static string StateJson(RecordRetention state) => System.Text.Json.JsonSerializer.Serialize(state, Json);
}
