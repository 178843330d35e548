using System.Collections.Concurrent;
using System.Text.Json;
using AIWorkflows.App.AccessGrants;
using AIWorkflows.App.Policy;
using AIWorkflows.App.Tests.Policy;
using AIWorkflows.App.Workflows;
using AIWorkflows.Domain.AccessGrants;
using AIWorkflows.Testing;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Testing;
using static AIWorkflows.Domain.AccessGrants.AccessGrantCommand;

namespace AIWorkflows.App.Tests.Workflows;

/// <summary>
/// The access grant orchestration on the in-memory Durable host: training, the signature and the consent
/// as external events, the renewal reminder as a durable timer, and the clock catch-up to the expiry.
/// </summary>
public sealed class AccessGrantOrchestrationTests
{
    private static readonly DateTimeOffset Now = AIWorkflowsApp.Start;
    private static readonly JsonSerializerOptions Json = WorkflowJson.Options;
    private const string Employee = "sam.ortiz@cityofsacramento.example";
    private const string Sha = "ab12";
    private static readonly DateOnly Trained = DateOnly.FromDateTime(Now.UtcDateTime.AddDays(-3));

    private static readonly Requirements Required = new([new RequiredCourse("ethics", "AI fundamentals and ethics", 12)], "Ethical Use of AI", Sha, true, 30);

    private sealed class Steps
    {
        public ConcurrentQueue<WorkflowStep> All { get; } = new();

        public async Task<WorkflowStep> NextAsync(int count)
        {
            for (var i = 0; i < 300 && All.Count < count; i++) await Task.Delay(100);
            return All.ElementAt(count - 1);
        }
    }

    private static async Task<(DurableTaskTestHost Host, Steps Steps)> StartAsync()
    {
        var steps = new Steps();
        // Not the constant itself: the Durable analyzer takes a second registration of one activity name in the project for a clash.
        var stepActivity = DeciderOrchestration.StepActivity;
        var host = await InMemoryDurable.StartAsync(r =>
        {
            r.AddOrchestratorFunc<WorkflowStart, string>(nameof(AccessGrantOrchestration), (context, _) => new AccessGrantOrchestration(TestPackVersions.Sacramento).Run(context));
            r.AddActivityFunc<WorkflowStep>(stepActivity, (_, step) => steps.All.Enqueue(step));
        });
        return (host, steps);
    }

    private static WorkflowStart Start(Dictionary<string, DateOnly> completions, TimeSpan skew) => new("request-1",
        Command(new RequestAccess("grant-1", "tool-1", "Minutes Drafter", Employee, "Utilities", Required, completions, true, Now)),
        JsonSerializer.Serialize(PolicyPackLoader.Load(PackFolder.RepoWorkflows, "sacramento"), Json), skew);

    private static string Command(AccessGrantCommand command) => JsonSerializer.Serialize(command, Json);

    private static Task RaiseAsync(DurableTaskTestHost host, string commandId, AccessGrantCommand command, TimeSpan skew) =>
        host.Client.RaiseEventAsync("grant-1", AccessGrantOrchestration.Rules.EventName(command), new WorkflowCommand(commandId, Command(command), skew));

    // The app's time is the fixture's day, not the engine's: the difference travels as data, as from the gateway.
    private static TimeSpan AppTime() => Now - DateTimeOffset.UtcNow;

    private static T Read<T>(string json) => JsonSerializer.Deserialize<T>(json, Json)!;

    private static async Task<(DurableTaskTestHost Host, Steps Steps, AccessGrant.Granted Granted)> GrantedAsync(TimeSpan skew)
    {
        var (host, steps) = await StartAsync();
        await host.Client.ScheduleNewOrchestrationInstanceAsync(nameof(AccessGrantOrchestration), Start(new() { ["ethics"] = Trained }, skew),
            new StartOrchestrationOptions("grant-1"));
        await steps.NextAsync(1);
        await RaiseAsync(host, "sign-1", new SignAgreement(Employee, Sha, Now), skew);
        await steps.NextAsync(2);
        await RaiseAsync(host, "consent-1", new GiveConsent("director@cityofsacramento.example", true, "", Now), skew);
        var granted = await steps.NextAsync(3);
        return (host, steps, Assert.IsType<AccessGrant.Granted>(Read<AccessGrant>(granted.After)));
    }

    [Fact]
    public async Task ARequest_WaitsOnTrainingSignatureAndConsent_AndEachArrivesAsAnEvent_ThenAccessIsGranted()
    {
        var (host, steps) = await StartAsync();
        await using var _ = host;
        await host.Client.ScheduleNewOrchestrationInstanceAsync(nameof(AccessGrantOrchestration), Start([], AppTime()), new StartOrchestrationOptions("grant-1"));

        var requested = await steps.NextAsync(1);
        Assert.IsType<AccessGrant.Pending>(Read<AccessGrant>(requested.After));
        Assert.Equal("request-1:0:1", requested.Answers);
        Assert.Equal(AccessGrantEffects.Workflow, requested.Workflow);

        await RaiseAsync(host, "training-1", new RecordTraining("ethics", Trained, Now), AppTime());
        await RaiseAsync(host, "sign-1", new SignAgreement(Employee, Sha, Now), AppTime());
        await RaiseAsync(host, "consent-1", new GiveConsent("director@cityofsacramento.example", true, "", Now), AppTime());
        var last = await steps.NextAsync(4);

        var granted = Assert.IsType<AccessGrant.Granted>(Read<AccessGrant>(last.After));
        Assert.Equal(new DateTimeOffset(Trained.AddMonths(12).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero), granted.ExpiresAt);
        Assert.Contains(last.Events, e => Read<AccessGrantEvent>(e.Event) is AccessGrantEvent.AccessGranted);
        Assert.EndsWith($"consent-1:{last.Version - last.Events.Count}:{last.Version}", last.Answers, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WhenTheReminderFallsDue_TheDurableTimerReminds_WithoutAnyEvent()
    {
        // The app's time runs so that the renewal reminder falls due a few seconds after the grant.
        var reminderDue = Trained.AddMonths(12).AddDays(-30).ToDateTime(TimeOnly.MinValue);
        var skew = new DateTimeOffset(reminderDue, TimeSpan.Zero) - DateTimeOffset.UtcNow.AddSeconds(6);
        var (host, steps, granted) = await GrantedAsync(skew);
        await using var _ = host;

        var reminded = await steps.NextAsync(4);

        Assert.IsType<AccessGrantEvent.ExpiryReminded>(Read<AccessGrantEvent>(Assert.Single(reminded.Events).Event));
        Assert.True(Assert.IsType<AccessGrant.Granted>(Read<AccessGrant>(reminded.After)).Reminded);
        // Decided when due by the app's time: the timer was set at the reminder less the skew.
        Assert.InRange(reminded.At, granted.RemindAt, granted.RemindAt.AddMinutes(1));
        Assert.Equal(reminded.AnswersBefore, reminded.Answers);
    }

    [Fact]
    public async Task WhenTheAppClockMovesPastTheReminderAndTheExpiry_BothAreDecidedInOneStep_AndTheMoveIsAnswered()
    {
        var (host, steps, granted) = await GrantedAsync(AppTime());
        await using var _ = host;

        var skew = granted.ExpiresAt.AddDays(1) - DateTimeOffset.UtcNow;
        await host.Client.RaiseEventAsync("grant-1", DeciderOrchestration.ClockMovedEvent, new ClockMoved("moved-1", skew));
        var caughtUp = await steps.NextAsync(4);

        var events = caughtUp.Events.Select(e => Read<AccessGrantEvent>(e.Event)).ToList();
        Assert.IsType<AccessGrantEvent.ExpiryReminded>(events[0]);
        Assert.Contains("expired", Assert.IsType<AccessGrantEvent.AccessLapsed>(events[1]).Reason, StringComparison.Ordinal);
        Assert.IsType<AccessGrant.Pending>(Read<AccessGrant>(caughtUp.After));
        Assert.EndsWith($"moved-1:{caughtUp.Version - 2}:{caughtUp.Version}", caughtUp.Answers, StringComparison.Ordinal);
    }
}
