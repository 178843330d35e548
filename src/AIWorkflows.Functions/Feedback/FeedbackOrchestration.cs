using AIWorkflows.App.Workflows;
using AIWorkflows.Domain.Deciding;
using AIWorkflows.Domain.Policy;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask;

namespace AIWorkflows.App.Feedback;

// Public feedback as a Durable orchestration, one instance per comment (Albuquerque 6.7): its one step
// keeps the comment as a record and mails the AI officer, then it ends; nothing is sent to it after.
public sealed class FeedbackOrchestration(PolicyPackVersions packs)
{
    public static readonly WorkflowRules<FeedbackCommand, PublicFeedback, FeedbackEvent> Rules = new FeedbackRules();

    [Function(nameof(FeedbackOrchestration))]
    public Task<string> Run([OrchestrationTrigger] TaskOrchestrationContext context) => DeciderOrchestration.RunAsync(context, Rules, packs);

    private sealed class FeedbackRules : WorkflowRules<FeedbackCommand, PublicFeedback, FeedbackEvent>
    {
        public override string Name => FeedbackEffects.Workflow;

        public override string Orchestration => nameof(FeedbackOrchestration);

        public override IReadOnlyList<string> EventNames { get; } = [];

        public override IDecider<FeedbackCommand, PublicFeedback, FeedbackEvent> Decider(PolicyPack pack) => new FeedbackDecider();

        public override string EventName(FeedbackCommand command) =>
            throw new ArgumentException($"{command?.GetType().Name} is not sent to a comment: a comment is only submitted.", nameof(command));

        public override FeedbackCommand At(FeedbackCommand command, DateTimeOffset now) => command with { Now = now };
    }
}
