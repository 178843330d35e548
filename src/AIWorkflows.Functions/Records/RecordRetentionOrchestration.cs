using AIWorkflows.App.Workflows;
using AIWorkflows.Domain.Deciding;
using AIWorkflows.Domain.Policy;
using AIWorkflows.Domain.Records;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask;
using static AIWorkflows.Domain.Records.RecordCommand;

namespace AIWorkflows.App.Records;

// One kept record as a Durable orchestration, one instance per record (the record id): its retention
// clock, legal holds, the disposition review when retention ends and the records officer's decision
// (Albuquerque 3.2). A record waits years for its end, so it sleeps: a new record is registered asleep
// (no orchestration runs at all), and the wake trigger starts it a day before its end, or a command
// (a hold, a tool retired) at once. A multi-year wait is an index row, never a ten-year durable timer.
public sealed class RecordRetentionOrchestration(PolicyPackVersions packs)
{
    public static readonly WorkflowRules<RecordCommand, RecordRetention, RecordEvent> Rules = new RetentionRules();

    [Function(nameof(RecordRetentionOrchestration))]
    public Task<string> Run([OrchestrationTrigger] TaskOrchestrationContext context) => DeciderOrchestration.RunAsync(context, Rules, packs);

    private sealed class RetentionRules : WorkflowRules<RecordCommand, RecordRetention, RecordEvent>
    {
        public override string Name => RecordRetentionEffects.Workflow;

        public override string Orchestration => nameof(RecordRetentionOrchestration);

        public override IReadOnlyList<string> EventNames { get; } =
            ["RecordRegistered", "RetentionStarted", "HoldPlaced", "HoldReleased", "DispositionDecided", "RetentionExtended"];

        public override IDecider<RecordCommand, RecordRetention, RecordEvent> Decider(PolicyPack pack) => new RecordRetentionDecider(pack);

        public override string EventName(RecordCommand command) => command switch
        {
            Register => "RecordRegistered",
            StartRetention => "RetentionStarted",
            PlaceHold => "HoldPlaced",
            ReleaseHold => "HoldReleased",
            Dispose => "DispositionDecided",
            Extend => "RetentionExtended",
            _ => throw new ArgumentException($"{command.GetType().Name} is not sent to a record.", nameof(command)),
        };

        public override RecordCommand At(RecordCommand command, DateTimeOffset now) => command with { Now = now };

        // As a tool's: anything further off than two days is waited for asleep.
        public override TimeSpan? SleepBeyond => TimeSpan.FromDays(2);
    }
}
