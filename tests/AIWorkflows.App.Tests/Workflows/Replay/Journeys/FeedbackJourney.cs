using AIWorkflows.App.Feedback;
using AIWorkflows.App.Workflows;

namespace AIWorkflows.App.Tests.Workflows.Replay.Journeys;

internal sealed class FeedbackJourney : RecordedJourney
{
    public override string Orchestrator => nameof(FeedbackOrchestration);

    public override string InstanceId => "feedback-0123456789abcdef";

    public override string Story => "A member of the public comments on a tool: one step receives it and the instance completes.";

    public override async Task DriveAsync(JourneyDriver drive)
    {
        var note = new FeedbackNote(InstanceId, "tool-1", "Minutes Drafter", "Utilities", null, null, "How is my data kept?", Start);
        FeedbackCommand submit = new FeedbackCommand.Submit(note, Start);
        await drive.StartAsync(new WorkflowStart("submit-1", Command(submit), Pack, AppTimeIs(Start)));
        await drive.CompletedAsync();
    }
}
