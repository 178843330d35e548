using System.Collections.Concurrent;
using System.Text.Json;
using AIWorkflows.App.Feedback;
using AIWorkflows.App.Policy;
using AIWorkflows.App.Tests.Policy;
using AIWorkflows.App.Workflows;
using AIWorkflows.Testing;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.DurableTask.Testing;

namespace AIWorkflows.App.Tests.Workflows;

/// <summary>The public feedback orchestration on the in-memory Durable host: one step that receives the comment, then it ends.</summary>
public sealed class FeedbackOrchestrationTests
{
    private static readonly DateTimeOffset Now = AIWorkflowsApp.Start;
    private static readonly JsonSerializerOptions Json = WorkflowJson.Options;

    [Fact]
    public async Task AComment_IsReceivedInOneStep_AndTheInstanceEnds()
    {
        var steps = new ConcurrentQueue<WorkflowStep>();
        // Not the constant itself: the Durable analyzer takes a second registration of one activity name in the project for a clash.
        var stepActivity = DeciderOrchestration.StepActivity;
        await using var host = await InMemoryDurable.StartAsync(r =>
        {
            r.AddOrchestratorFunc<WorkflowStart, string>(nameof(FeedbackOrchestration), (context, _) => new FeedbackOrchestration(TestPackVersions.Sacramento).Run(context));
            r.AddActivityFunc<WorkflowStep>(stepActivity, (_, step) => steps.Enqueue(step));
        });
        var note = new FeedbackNote("feedback-0123456789abcdef", "tool-1", "Minutes Drafter", "Utilities", null, null, "How is my data kept?", Now);
        var start = new WorkflowStart("submit-1", JsonSerializer.Serialize<FeedbackCommand>(new FeedbackCommand.Submit(note, Now), Json),
            JsonSerializer.Serialize(PolicyPackLoader.Load(PackFolder.RepoWorkflows, "sacramento"), Json), Now - DateTimeOffset.UtcNow);

        var id = await host.Client.ScheduleNewOrchestrationInstanceAsync(nameof(FeedbackOrchestration), start, new StartOrchestrationOptions(note.FeedbackId));
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var done = await host.Client.WaitForInstanceCompletionAsync(id, getInputsAndOutputs: true, cts.Token);

        Assert.Equal(OrchestrationRuntimeStatus.Completed, done.RuntimeStatus);
        var step = Assert.Single(steps);
        Assert.Equal(FeedbackEffects.Workflow, step.Workflow);
        Assert.Equal("submit-1:0:1", step.Answers);
        Assert.Equal(note, Assert.IsType<FeedbackEvent.FeedbackReceived>(JsonSerializer.Deserialize<FeedbackEvent>(Assert.Single(step.Events).Event, Json)).Note);
        Assert.IsType<PublicFeedback.Received>(JsonSerializer.Deserialize<PublicFeedback>(done.ReadOutputAs<string>()!, Json));
    }
}
