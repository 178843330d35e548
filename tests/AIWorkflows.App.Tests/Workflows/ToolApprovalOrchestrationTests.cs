using System.Text.Json;
using AIWorkflows.App.Policy;
using AIWorkflows.App.Tests.Policy;
using AIWorkflows.App.ToolApprovals;
using AIWorkflows.App.Workflows;
using AIWorkflows.Domain.ToolApprovals;
using AIWorkflows.Testing;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.DurableTask.Testing;

namespace AIWorkflows.App.Tests.Workflows;

/// <summary>
/// The tool approval orchestration on the in-memory Durable host: what each step hands its activity,
/// the reviews as external events, and the clock catch-up (a deadline due by the app's time decided at once).
/// </summary>
public sealed class ToolApprovalOrchestrationTests
{
    private static readonly DateTimeOffset Now = AIWorkflowsApp.Start;
    private static readonly JsonSerializerOptions Json = WorkflowJson.Options;

    private static ToolRequestForm Form() => new(
        "CaseNotes Assistant", "Acme AI", "Utilities", "pat.lee@cityofsacramento.example", "Summarize case notes.", "A supervisor reads each.",
        ["internal"], PublicFacing: false, GenerativeAi: false, AffectsWorkingConditions: false, Impersonation: false, LawEnforcement: false,
        DecisionImpact: "assistive", Stage: "pilot", AffectedClassifications: [], Answers: AppClient.SacramentoAnswers());

    private static Task<(DurableTaskTestHost Host, DeciderTestHost.Steps Steps)> StartAsync() =>
        DeciderTestHost.StartAsync(nameof(ToolApprovalOrchestration), new ToolApprovalOrchestration(TestPackVersions.Sacramento).Run);

    private static WorkflowStart Start(TimeSpan skew) => new("submit-1",
        JsonSerializer.Serialize<ToolApprovalCommand>(new ToolApprovalCommand.Submit("req-1", "tool-1", Form(), Now), Json),
        null, skew, PackId: TestPackVersions.Sacramento.CurrentId);

    // The app's time is the fixture's day, not the engine's: the difference travels as data, as from the gateway.
    private static TimeSpan AppTime() => Now - DateTimeOffset.UtcNow;

    private static T Read<T>(string json) => JsonSerializer.Deserialize<T>(json, Json)!;

    [Fact]
    public async Task ASubmission_OpensItsReviews_AndTheReviewersDecisions_ApproveIt()
    {
        var (host, steps) = await StartAsync();
        await using var _ = host;
        var id = await host.Client.ScheduleNewOrchestrationInstanceAsync(nameof(ToolApprovalOrchestration), Start(AppTime()),
            new StartOrchestrationOptions("req-1"));

        var submitted = await steps.NextAsync(1);
        Assert.IsType<ToolApproval.InReview>(Read<ToolApproval>(submitted.After));
        Assert.Equal("submit-1:0:" + submitted.Version, submitted.Answers);
        Assert.Equal("", submitted.AnswersBefore);
        Assert.Contains(submitted.Events, e => Read<ToolApprovalEvent>(e.Event) is ToolApprovalEvent.ReviewOpened);

        // Each open review is decided in turn; a stage's last approval opens the next stage's reviews.
        var reviews = 1;
        while (Read<ToolApproval>(steps.All.Last().After) is ToolApproval.InReview open)
        {
            var task = open.Case.Tasks.First(t => t.IsOpen);
            var review = new ToolApprovalCommand.RecordReview(task.TaskId, task.ReviewerEmail, Verdict.Approve, "ok", Now);
            await host.Client.RaiseEventAsync(id, "ReviewSubmitted",
                new WorkflowCommand($"review-{reviews}", JsonSerializer.Serialize<ToolApprovalCommand>(review, Json), AppTime()));
            var step = await steps.NextAsync(++reviews);
            Assert.EndsWith($"review-{reviews - 1}:{step.Version - step.Events.Count}:{step.Version}", step.Answers, StringComparison.Ordinal);
        }

        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var done = await host.Client.WaitForInstanceCompletionAsync(id, getInputsAndOutputs: true, cts.Token);
        Assert.Equal(OrchestrationRuntimeStatus.Completed, done.RuntimeStatus);
        Assert.IsType<ToolApproval.Approved>(Read<ToolApproval>(done.ReadOutputAs<string>()!));
    }

    [Fact]
    public async Task WhenTheAppClockMovesPastTheReminderAndTheEscalation_BothAreDecidedInOneStep_AndTheMoveIsAnswered()
    {
        var (host, steps) = await StartAsync();
        await using var _ = host;
        var id = await host.Client.ScheduleNewOrchestrationInstanceAsync(nameof(ToolApprovalOrchestration), Start(AppTime()),
            new StartOrchestrationOptions("req-1"));
        var submitted = await steps.NextAsync(1);
        var task = Assert.IsType<ToolApproval.InReview>(Read<ToolApproval>(submitted.After)).Case.Tasks.First(t => t.IsOpen);

        // The app's time is a month ahead of the engine's: past the reminder and the escalation.
        var skew = task.EscalateAt.AddDays(30) - DateTimeOffset.UtcNow;
        await host.Client.RaiseEventAsync(id, DeciderOrchestration.ClockMovedEvent, new ClockMoved("moved-1", skew));
        var caughtUp = await steps.NextAsync(2);

        var events = caughtUp.Events.Select(e => Read<ToolApprovalEvent>(e.Event)).ToList();
        Assert.Contains(events, e => e is ToolApprovalEvent.ReviewReminded r && r.TaskId == task.TaskId);
        Assert.Contains(events, e => e is ToolApprovalEvent.ReviewEscalated x && x.TaskId == task.TaskId);
        Assert.EndsWith($"moved-1:{submitted.Version}:{caughtUp.Version}", caughtUp.Answers, StringComparison.Ordinal);
        Assert.Equal(submitted.Answers, caughtUp.AnswersBefore);
    }
}
