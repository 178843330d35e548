using System.Collections.Concurrent;
using System.Text.Json;
using AIWorkflows.App.Policy;
using AIWorkflows.App.Reassessments;
using AIWorkflows.App.Tests.Policy;
using AIWorkflows.App.Workflows;
using AIWorkflows.Domain.Reassessments;
using AIWorkflows.Testing;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.DurableTask.Testing;

namespace AIWorkflows.App.Tests.Workflows;

/// <summary>
/// The tool lifecycle orchestration on the in-memory Durable host: an instance sleeps (finishes, its next
/// deadline handed to the wake index) when that deadline is more than the sleep horizon away, and a woken
/// one decides what fell due while it slept before it sleeps again.
/// </summary>
public sealed class ToolLifecycleOrchestrationTests
{
    private static readonly DateTimeOffset Now = AIWorkflowsApp.Start;
    private static readonly JsonSerializerOptions Json = WorkflowJson.Options;
    private static readonly string Pack = JsonSerializer.Serialize(PolicyPackLoader.Load(PackFolder.RepoWorkflows, "sacramento"), Json);

    private static ToolProfile Profile() => new(
        "tool-1", "req-1", "Transcribe", "Acme", "Utilities", "Transcribe meetings", "Clerk reviews", ["pii"], false, true,
        "assistive", "production", "high", "owner@cityofsacramento.example", [], [], "approval", null);

    private static async Task<(DurableTaskTestHost Host, ConcurrentQueue<WorkflowStep> Steps)> StartAsync()
    {
        var (host, steps) = await DeciderTestHost.StartAsync(nameof(ToolLifecycleOrchestration), new ToolLifecycleOrchestration(TestPackVersions.Sacramento).Run);
        return (host, steps.All);
    }

    // The app's time is the fixture's day (or a later one), not the engine's: the difference travels as data.
    private static TimeSpan AppTime(DateTimeOffset at) => at - DateTimeOffset.UtcNow;

    private static T Read<T>(string json) => JsonSerializer.Deserialize<T>(json, Json)!;

    private static string Command(ToolLifecycleCommand command) => JsonSerializer.Serialize(command, Json);

    private static async Task<OrchestrationMetadata> FinishedAsync(DurableTaskTestHost host, string id)
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        return await host.Client.WaitForInstanceCompletionAsync(id, getInputsAndOutputs: true, cts.Token);
    }

    [Fact]
    public async Task ARegisteredTool_WhoseFirstReviewIsMonthsAway_SleepsAfterItsFirstStep_WithTheReminderAsItsWakeTime()
    {
        var (host, steps) = await StartAsync();
        await using var _ = host;
        await host.Client.ScheduleNewOrchestrationInstanceAsync(nameof(ToolLifecycleOrchestration),
            new WorkflowStart("register-1", Command(new ToolLifecycleCommand.Register(Profile(), null, Now)), Pack, AppTime(Now)),
            new StartOrchestrationOptions("tool-1"));

        var done = await FinishedAsync(host, "tool-1");

        Assert.Equal(OrchestrationRuntimeStatus.Completed, done.RuntimeStatus);
        var step = Assert.Single(steps);
        var state = Assert.IsType<ToolLifecycle.InService>(Read<ToolLifecycle>(step.After));
        Assert.True(step.Sleeps);
        Assert.Equal(state.Schedule.OpenAt, step.WakeAt);
        Assert.True(step.WakeAt > Now.AddDays(30));
        Assert.Equal("register-1:0:2", step.Answers);
    }

    [Fact]
    public async Task ASleepingTool_WokenAfterItsReminderFellDue_OpensItsReview_AndSleepsAgainUntilTheEscalation()
    {
        var (host, steps) = await StartAsync();
        await using var _ = host;
        var decider = new ToolLifecycleDecider(Read<Domain.Policy.PolicyPack>(Pack));
        var registered = decider.Decide(new ToolLifecycleCommand.Register(Profile(), null, Now), decider.Initial);
        var asleep = registered.Aggregate(decider.Initial, decider.Evolve);
        var openAt = ((ToolLifecycle.InService)asleep).Schedule.OpenAt;

        await host.Client.ScheduleNewOrchestrationInstanceAsync(nameof(ToolLifecycleOrchestration),
            new WorkflowStart("wake-1", null, Pack, AppTime(openAt.AddHours(1)), JsonSerializer.Serialize(asleep, Json), registered.Count),
            new StartOrchestrationOptions("tool-1"));
        var done = await FinishedAsync(host, "tool-1");

        Assert.Equal(OrchestrationRuntimeStatus.Completed, done.RuntimeStatus);
        var step = Assert.Single(steps);
        Assert.Contains(step.Events, e => Read<ToolLifecycleEvent>(e.Event) is ToolLifecycleEvent.ReassessmentOpened);
        Assert.Equal(registered.Count + step.Events.Count, step.Version);
        var open = Assert.IsType<ToolLifecycle.InService>(Read<ToolLifecycle>(step.After));
        Assert.Equal((true, open.Schedule.EscalateAt), (step.Sleeps, step.WakeAt));
        Assert.Equal($"wake-1:{registered.Count}:{step.Version}", step.Answers);
    }

    [Fact]
    public async Task ASleepingTool_WokenByASevereIncident_DecidesItAtOnce_AndSleepsUntilItsOutOfCycleReviewEscalates()
    {
        var (host, steps) = await StartAsync();
        await using var _ = host;
        var decider = new ToolLifecycleDecider(Read<Domain.Policy.PolicyPack>(Pack));
        var registered = decider.Decide(new ToolLifecycleCommand.Register(Profile(), null, Now), decider.Initial);
        var asleep = registered.Aggregate(decider.Initial, decider.Evolve);
        var incident = new ToolLifecycleCommand.ReportIncident("inc-1", "clerk@cityofsacramento.example", null, "critical", "Leaked a name", SignedIn: true, Now.AddDays(3));

        await host.Client.ScheduleNewOrchestrationInstanceAsync(nameof(ToolLifecycleOrchestration),
            new WorkflowStart("incident-1", Command(incident), Pack, AppTime(Now.AddDays(3)), JsonSerializer.Serialize(asleep, Json), registered.Count),
            new StartOrchestrationOptions("tool-1"));
        for (var i = 0; i < 100 && steps.IsEmpty; i++) await Task.Delay(100);

        var step = Assert.Single(steps);
        Assert.Equal("suspended", Read<ToolLifecycle>(step.After).Status);
        // The out-of-cycle review's escalation is two weeks off: beyond the horizon, so it sleeps with that wake time.
        var open = Assert.IsType<ToolLifecycle.InService>(Read<ToolLifecycle>(step.After));
        Assert.Equal((true, open.Schedule.EscalateAt), (step.Sleeps, step.WakeAt));
        Assert.Equal(OrchestrationRuntimeStatus.Completed, (await FinishedAsync(host, "tool-1")).RuntimeStatus);
    }

    [Fact]
    public async Task AToolWokenADayBeforeItsEscalation_StaysAwake_AndDecidesTheEscalationWhenTheClockPassesIt()
    {
        var (host, steps) = await StartAsync();
        await using var _ = host;
        var decider = new ToolLifecycleDecider(Read<Domain.Policy.PolicyPack>(Pack));
        var state = decider.Initial;
        var version = 0;
        void Apply(ToolLifecycleCommand c) { foreach (var e in decider.Decide(c, state)) { state = decider.Evolve(state, e); version++; } }
        Apply(new ToolLifecycleCommand.Register(Profile(), null, Now));
        Apply(Assert.Single(decider.Deadlines(state)).Command);
        var escalateAt = ((ToolLifecycle.InService)state).Schedule.EscalateAt;

        await host.Client.ScheduleNewOrchestrationInstanceAsync(nameof(ToolLifecycleOrchestration),
            new WorkflowStart("wake-1", null, Pack, AppTime(escalateAt.AddDays(-1)), JsonSerializer.Serialize(state, Json), version),
            new StartOrchestrationOptions("tool-1"));
        for (var i = 0; i < 100 && steps.IsEmpty; i++) await Task.Delay(100);
        var woke = Assert.Single(steps);
        Assert.Equal((0, false), (woke.Events.Count, woke.Sleeps));
        Assert.Equal(OrchestrationRuntimeStatus.Running, (await host.Client.GetInstanceAsync("tool-1"))!.RuntimeStatus);

        await host.Client.RaiseEventAsync("tool-1", DeciderOrchestration.ClockMovedEvent, new ClockMoved("moved-1", AppTime(escalateAt.AddHours(1))));
        var done = await FinishedAsync(host, "tool-1");

        var escalated = steps.Last();
        Assert.Contains(escalated.Events, e => Read<ToolLifecycleEvent>(e.Event) is ToolLifecycleEvent.ReassessmentEscalated);
        Assert.Equal((true, ((ToolLifecycle.InService)Read<ToolLifecycle>(escalated.After)).Schedule.SuspendAt), (escalated.Sleeps, escalated.WakeAt));
        Assert.Equal(OrchestrationRuntimeStatus.Completed, done.RuntimeStatus);
    }
}
