using AIWorkflows.App.Workflows;
using AIWorkflows.Domain.Deciding;
using AIWorkflows.Domain.Policy;
using AIWorkflows.Domain.Reassessments;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask;
using static AIWorkflows.Domain.Reassessments.ToolLifecycleCommand;

namespace AIWorkflows.App.Reassessments;

// A tool in service as a Durable orchestration, one instance per tool (the tool id): its re-assessment
// cycle by tier (Albuquerque 4.3), incidents and their triage (Sacramento VII.B), retirement. A tool
// waits months between reviews, so between them its instance sleeps: it finishes, the wake index keeps
// its next deadline, and a timer trigger starts it again from its read model a day before (or a command
// does, at once). Idle tools cost the engine nothing, and the federal import starts no orchestration.
public sealed class ToolLifecycleOrchestration(PolicyPackVersions packs)
{
    public static readonly WorkflowRules<ToolLifecycleCommand, ToolLifecycle, ToolLifecycleEvent> Rules = new LifecycleRules();

    [Function(nameof(ToolLifecycleOrchestration))]
    public Task<string> Run([OrchestrationTrigger] TaskOrchestrationContext context) => DeciderOrchestration.RunAsync(context, Rules, packs);

    private sealed class LifecycleRules : WorkflowRules<ToolLifecycleCommand, ToolLifecycle, ToolLifecycleEvent>
    {
        public override string Name => ToolLifecycleEffects.Workflow;

        public override string Orchestration => nameof(ToolLifecycleOrchestration);

        public override IReadOnlyList<string> EventNames { get; } =
            ["ToolRegistered", "AttestationSubmitted", "ReassessmentDecided", "IncidentReported", "IncidentTriaged", "ToolRetired", "ImpactClassified"];

        public override IDecider<ToolLifecycleCommand, ToolLifecycle, ToolLifecycleEvent> Decider(PolicyPack pack) => new ToolLifecycleDecider(pack);

        public override string EventName(ToolLifecycleCommand command) => command switch
        {
            Register => "ToolRegistered",
            Attest => "AttestationSubmitted",
            CompleteReassessment => "ReassessmentDecided",
            ReportIncident => "IncidentReported",
            TriageIncident => "IncidentTriaged",
            Retire => "ToolRetired",
            ClassifyImpact => "ImpactClassified",
            _ => throw new ArgumentException($"{command.GetType().Name} is not sent to a tool.", nameof(command)),
        };

        public override ToolLifecycleCommand At(ToolLifecycleCommand command, DateTimeOffset now) => command with { Now = now };

        // Two days: an open review's clocks (reminder to escalation, escalation to suspension) are days or weeks apart.
        public override TimeSpan? SleepBeyond => TimeSpan.FromDays(2);
    }
}
