using AIWorkflows.App.Workflows;
using AIWorkflows.Domain.Deciding;
using AIWorkflows.Domain.Policy;
using AIWorkflows.Domain.UnionNotices;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask;
using static AIWorkflows.Domain.UnionNotices.UnionNoticeCommand;

namespace AIWorkflows.App.UnionNotices;

// Union notice and meet-and-confer as a Durable orchestration, one instance per notice (union-{request}):
// answers, meetings and conclusions arrive as events, the reminder, the window, the earliest go-live and
// each case's limit are durable timers in business days (Sacramento VI.A.7, Meyers-Milias-Brown Act).
// The rules themselves are the decider's, in Domain.
public sealed class UnionNoticeOrchestration(PolicyPackVersions packs)
{
    public static readonly WorkflowRules<UnionNoticeCommand, UnionNotice, UnionNoticeEvent> Rules = new NoticeRules();

    [Function(nameof(UnionNoticeOrchestration))]
    public Task<string> Run([OrchestrationTrigger] TaskOrchestrationContext context) => DeciderOrchestration.RunAsync(context, Rules, packs);

    private sealed class NoticeRules : WorkflowRules<UnionNoticeCommand, UnionNotice, UnionNoticeEvent>
    {
        public override string Name => UnionNoticeEffects.Workflow;

        public override string Orchestration => nameof(UnionNoticeOrchestration);

        public override IReadOnlyList<string> EventNames { get; } = ["CaseOpenedOnTool", "OrganizationAnswered", "MeetingLogged", "CaseConcluded", "RequestWithdrawn"];

        public override IDecider<UnionNoticeCommand, UnionNotice, UnionNoticeEvent> Decider(PolicyPack pack) =>
            new UnionNoticeDecider(pack, App.Policy.PolicyServiceCollectionExtensions.CalendarFor(pack));

        public override string EventName(UnionNoticeCommand command) => command switch
        {
            OpenOnTool => "CaseOpenedOnTool",
            Answer => "OrganizationAnswered",
            LogMeeting => "MeetingLogged",
            Conclude => "CaseConcluded",
            Withdraw => "RequestWithdrawn",
            _ => throw new ArgumentException($"{command.GetType().Name} is not sent to a running notice.", nameof(command)),
        };

        public override UnionNoticeCommand At(UnionNoticeCommand command, DateTimeOffset now) => command with { Now = now };
    }
}
