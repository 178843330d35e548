using AIWorkflows.App.Tests.Workflows.Replay.Journeys;
using AIWorkflows.App.ToolApprovals;
using Microsoft.DurableTask;

namespace AIWorkflows.App.Tests.Workflows.Replay;

/// <summary>
/// DESIGN §3, versioning: instances live for years, so each orchestration's recorded history must replay on
/// today's code as the Functions host replays it, deciding what it decided when recorded. A failure here means
/// in-flight instances would break: ship the change as README "Versioning" says, not by re-recording.
/// </summary>
public sealed class OrchestrationReplayTests
{
    public static TheoryData<string> Recorded => [.. RecordedHistory.Recorded()];

    [Theory]
    [MemberData(nameof(Recorded))]
    public void ARecordedHistory_ReplaysOnTodaysCode_DecidingWhatItDecidedWhenRecorded(string file)
    {
        var history = RecordedHistory.Load(file);

        var differences = HistoryReplay.Differences(history, AppOrchestrators.Named(history.Orchestrator));

        Assert.True(differences.Count == 0,
            $"{history.Orchestrator} no longer replays its recorded history ({history.Journey}):\n{string.Join("\n", differences.Take(3))}\n"
            + (differences.Count > 3 ? $"(and {differences.Count - 3} later episodes)\n" : "")
            + "In-flight instances would fail or decide differently: ship the change under a new orchestrator name or a ctx.Version branch (README, Versioning).");
    }

    [Fact]
    public void EveryOrchestration_HasAJourney_AndARecordedHistory()
    {
        Assert.Equal(AppOrchestrators.Names, RecordedJourney.All.Select(j => j.Orchestrator).Distinct().Order(StringComparer.Ordinal));
        Assert.Equal(RecordedJourney.All.Select(j => j.File).Order(StringComparer.Ordinal), RecordedHistory.Recorded());
    }

    [Fact]
    public void AnOrchestratorThatCallsOneMoreActivityBeforeItsFirstStep_FailsTheReplay_AsNonDeterministic()
    {
        var history = RecordedHistory.Load(nameof(ToolApprovalOrchestration));
        // Not a literal: the Durable analyzer would look for an activity of that name in the project.
        var audit = "AuditRequestOpened";
        async Task<string> Changed(TaskOrchestrationContext ctx)
        {
            await ctx.CallActivityAsync(audit, ctx.InstanceId);
            return await new ToolApprovalOrchestration(TestPackVersions.Sacramento).Run(ctx);
        }

        var differences = HistoryReplay.Differences(history, Changed);

        Assert.NotEmpty(differences);
        Assert.Contains(differences, d => d.Contains("NonDeterministicOrchestrationException", StringComparison.Ordinal));
    }

    [Fact]
    public void AnOrchestratorThatDecidesDifferently_FailsTheReplay_ThoughTheEngineWouldReplayIt()
    {
        // Same calls in the same order, other inputs (a decider rule changed under in-flight instances): the engine
        // does not compare inputs, but the recorded steps and output no longer match what the code decides.
        var history = RecordedHistory.Load(nameof(ToolApprovalOrchestration));
        async Task<string> Changed(TaskOrchestrationContext ctx) => await new ToolApprovalOrchestration(TestPackVersions.Sacramento).Run(ctx) + " ";

        var differences = HistoryReplay.Differences(history, Changed);

        Assert.Contains(differences, d => d.Contains("complete", StringComparison.Ordinal));
    }
}
