using AIWorkflows.App.Workflows;
using AIWorkflows.Domain.AccessGrants;
using AIWorkflows.Domain.Deciding;
using AIWorkflows.Domain.Policy;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask;
using static AIWorkflows.Domain.AccessGrants.AccessGrantCommand;

namespace AIWorkflows.App.AccessGrants;

// Access to an approved tool as a Durable orchestration, one instance per employee and tool (the grant
// id): training, the signed agreement, the department head's consent and DTI's grant arrive as events, the renewal
// reminder and the expiry are durable timers (Albuquerque 4.1, 5.1; Sacramento VI.B). A grant that ended
// may be asked for again, so its instance keeps listening. The rules themselves are the decider's, in Domain.
public sealed class AccessGrantOrchestration(PolicyPackVersions packs)
{
    public static readonly WorkflowRules<AccessGrantCommand, AccessGrant, AccessGrantEvent> Rules = new GrantRules();

    [Function(nameof(AccessGrantOrchestration))]
    public Task<string> Run([OrchestrationTrigger] TaskOrchestrationContext context) => DeciderOrchestration.RunAsync(context, Rules, packs);

    private sealed class GrantRules : WorkflowRules<AccessGrantCommand, AccessGrant, AccessGrantEvent>
    {
        public override string Name => AccessGrantEffects.Workflow;

        public override string Orchestration => nameof(AccessGrantOrchestration);

        public override IReadOnlyList<string> EventNames { get; } =
            ["AccessRequestedAgain", "TrainingCompleted", "AgreementSigned", "DepartmentHeadAnswered", "GrantDecided", "ToolStatusChanged", "AccessRevoked"];

        public override IDecider<AccessGrantCommand, AccessGrant, AccessGrantEvent> Decider(PolicyPack pack) => new AccessGrantDecider();

        public override string EventName(AccessGrantCommand command) => command switch
        {
            RequestAccess => "AccessRequestedAgain",
            RecordTraining => "TrainingCompleted",
            SignAgreement => "AgreementSigned",
            GiveConsent => "DepartmentHeadAnswered",
            DecideGrant => "GrantDecided",
            ToolStatusChanged => "ToolStatusChanged",
            Revoke => "AccessRevoked",
            _ => throw new ArgumentException($"{command.GetType().Name} is not sent to a running grant.", nameof(command)),
        };

        public override AccessGrantCommand At(AccessGrantCommand command, DateTimeOffset now) => command with { Now = now };
    }
}
