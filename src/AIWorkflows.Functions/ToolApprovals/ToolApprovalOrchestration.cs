using AIWorkflows.App.Workflows;
using AIWorkflows.Domain.Deciding;
using AIWorkflows.Domain.Policy;
using AIWorkflows.Domain.ToolApprovals;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask;
using static AIWorkflows.Domain.ToolApprovals.ToolApprovalCommand;

namespace AIWorkflows.App.ToolApprovals;

// Tool approval as a Durable orchestration, one instance per request (the request id): reviews by
// the roles the tier requires arrive as events, reminders and escalation are durable timers in
// business days, then the remediation loop and the union gate (Sacramento VI.A.3, V.D.1, VI.A.7;
// Albuquerque 4.2; Baltimore EO). The rules themselves are the decider's, in Domain.
public sealed class ToolApprovalOrchestration(PolicyPackVersions packs)
{
    public static readonly WorkflowRules<ToolApprovalCommand, ToolApproval, ToolApprovalEvent> Rules = new ApprovalRules();

    [Function(nameof(ToolApprovalOrchestration))]
    public Task<string> Run([OrchestrationTrigger] TaskOrchestrationContext context) => DeciderOrchestration.RunAsync(context, Rules, packs);

    private sealed class ApprovalRules : WorkflowRules<ToolApprovalCommand, ToolApproval, ToolApprovalEvent>
    {
        public override string Name => ToolApprovalEffects.Workflow;

        public override string Orchestration => nameof(ToolApprovalOrchestration);

        public override IReadOnlyList<string> EventNames { get; } = ["ReviewSubmitted", "RequesterResponded", "RequestWithdrawn", "UnionCleared", "FindingEscalationRequested", "DocumentAttached"];

        public override IDecider<ToolApprovalCommand, ToolApproval, ToolApprovalEvent> Decider(PolicyPack pack) =>
            new ToolApprovalDecider(pack, App.Policy.PolicyServiceCollectionExtensions.CalendarFor(pack));

        public override string EventName(ToolApprovalCommand command) => command switch
        {
            RecordReview => "ReviewSubmitted",
            Resubmit => "RequesterResponded",
            Withdraw => "RequestWithdrawn",
            UnionCleared => "UnionCleared",
            EscalateFinding => "FindingEscalationRequested",   // the reviewer's own act (Albuquerque 4.2)
            AttachDocument => "DocumentAttached",              // technical documentation (Sacramento VI.A.5)
            _ => throw new ArgumentException($"{command.GetType().Name} is not sent to a running approval.", nameof(command)),
        };

        public override ToolApprovalCommand At(ToolApprovalCommand command, DateTimeOffset now) => command with { Now = now };
    }
}
