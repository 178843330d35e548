using System.Text.Json;
using AIWorkflows.App.Policy;
using AIWorkflows.App.Tests.Policy;
using AIWorkflows.App.UnionNotices;
using AIWorkflows.App.Workflows;
using AIWorkflows.Domain.UnionNotices;
using AIWorkflows.Testing;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.DurableTask.Testing;
using static AIWorkflows.Domain.UnionNotices.UnionNoticeEvent;

namespace AIWorkflows.App.Tests.Workflows;

/// <summary>
/// The union notice orchestration on the in-memory Durable host: the notice at start, an organization's
/// answer as an external event, the clock catch-up (every deadline due by the app's time decided in one
/// step), and a withdrawal that ends the instance.
/// </summary>
public sealed class UnionNoticeOrchestrationTests
{
    private static readonly DateTimeOffset Now = AIWorkflowsApp.Start;
    private static readonly JsonSerializerOptions Json = WorkflowJson.Options;
    private const string NoticeId = "union-0123456789abcdef";

    private static Task<(DurableTaskTestHost Host, DeciderTestHost.Steps Steps)> StartAsync() =>
        DeciderTestHost.StartAsync(nameof(UnionNoticeOrchestration), new UnionNoticeOrchestration(TestPackVersions.Sacramento).Run);

    private static NoticedTool Tool() => new("req-1", "tool-1", "Permit Triage Assistant", "Acme AI", "Utilities", "Sort permit applications.",
        "pat.lee@cityofsacramento.example", ["Administrative Analyst", "Program Manager"], new DateOnly(2027, 1, 15));

    private static WorkflowStart Start(TimeSpan skew) => new("start-1",
        JsonSerializer.Serialize<UnionNoticeCommand>(new UnionNoticeCommand.Start(NoticeId, Tool(), ["iuoe_local_39", "scxea"], null, Now), Json),
        JsonSerializer.Serialize(PolicyPackLoader.Load(PackFolder.RepoWorkflows, "sacramento"), Json), skew);

    // The app's time is the fixture's day, not the engine's: the difference travels as data, as from the gateway.
    private static TimeSpan AppTime() => Now - DateTimeOffset.UtcNow;

    private static T Read<T>(string json) => JsonSerializer.Deserialize<T>(json, Json)!;

    private static List<UnionNoticeEvent> Events(WorkflowStep step) => [.. step.Events.Select(e => Read<UnionNoticeEvent>(e.Event))];

    private static Task SendAsync(DurableTaskClient client, string id, string commandId, UnionNoticeCommand command) =>
        client.RaiseEventAsync(id, UnionNoticeOrchestration.Rules.EventName(command),
            new WorkflowCommand(commandId, JsonSerializer.Serialize(command, Json), AppTime()));

    [Fact]
    public async Task ANotice_NoticesEachOrganization_AndAnAnswerArrivesAsAnEventNamedForIt()
    {
        var (host, steps) = await StartAsync();
        await using var _ = host;
        var id = await host.Client.ScheduleNewOrchestrationInstanceAsync(nameof(UnionNoticeOrchestration), Start(AppTime()),
            new StartOrchestrationOptions(NoticeId));

        var started = await steps.NextAsync(1);
        Assert.Equal(UnionNoticeEffects.Workflow, started.Workflow);
        Assert.IsType<UnionNotice.Blocking>(Read<UnionNotice>(started.After));
        Assert.IsType<NoticeStarted>(Assert.Single(Events(started)));
        Assert.Equal("start-1:0:1", started.Answers);

        await SendAsync(host.Client, id, "answer-1", new UnionNoticeCommand.Answer("scxea", false, "Alex Rep", "No concerns", Now.AddDays(1)));
        var answered = await steps.NextAsync(2);

        Assert.Equal("scxea", Assert.IsType<NoticeWaived>(Assert.Single(Events(answered))).OrganizationId);
        Assert.EndsWith("answer-1:1:2", answered.Answers, StringComparison.Ordinal);
        Assert.Equal("OrganizationAnswered", UnionNoticeOrchestration.Rules.EventName(new UnionNoticeCommand.Answer("scxea", true, "", "", Now)));
    }

    [Fact]
    public async Task WhenTheAppClockMovesPastTheLeadTime_TheReminderTheWindowAndTheClearanceAreDecidedInOneStep_AndTheMoveIsAnswered()
    {
        var (host, steps) = await StartAsync();
        await using var _ = host;
        var id = await host.Client.ScheduleNewOrchestrationInstanceAsync(nameof(UnionNoticeOrchestration), Start(AppTime()),
            new StartOrchestrationOptions(NoticeId));
        var started = await steps.NextAsync(1);
        var clock = Read<UnionNotice>(started.After).CaseOrNull!.Clock;

        // The app's time is a day past the earliest go-live: every deadline of the notice has come.
        var skew = clock.EarliestGoLiveAt.AddDays(1) - DateTimeOffset.UtcNow;
        await host.Client.RaiseEventAsync(id, DeciderOrchestration.ClockMovedEvent, new ClockMoved("moved-1", skew));
        var caughtUp = await steps.NextAsync(2);

        var events = Events(caughtUp);
        Assert.IsType<WindowClosingReminded>(events[0]);
        Assert.Equal(["iuoe_local_39", "scxea"], events.OfType<DeemedWaived>().Select(e => e.OrganizationId).Order());
        Assert.Equal("req-1", Assert.IsType<GoLiveCleared>(events[^1]).RequestId);
        Assert.IsType<UnionNotice.Cleared>(Read<UnionNotice>(caughtUp.After));
        Assert.EndsWith($"moved-1:{started.Version}:{caughtUp.Version}", caughtUp.Answers, StringComparison.Ordinal);
        Assert.Equal(started.Answers, caughtUp.AnswersBefore);
    }

    [Fact]
    public async Task AWithdrawalDuringTheNotice_EndsTheInstance()
    {
        var (host, steps) = await StartAsync();
        await using var _ = host;
        var id = await host.Client.ScheduleNewOrchestrationInstanceAsync(nameof(UnionNoticeOrchestration), Start(AppTime()),
            new StartOrchestrationOptions(NoticeId));
        await steps.NextAsync(1);

        await SendAsync(host.Client, id, "withdraw-1", new UnionNoticeCommand.Withdraw("pat.lee@cityofsacramento.example", "Not needed", Now.AddDays(2)));

        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var done = await host.Client.WaitForInstanceCompletionAsync(id, getInputsAndOutputs: true, cts.Token);
        Assert.Equal(OrchestrationRuntimeStatus.Completed, done.RuntimeStatus);
        Assert.IsType<UnionNotice.Withdrawn>(Read<UnionNotice>(done.ReadOutputAs<string>()!));
        Assert.IsType<NoticeWithdrawn>(Assert.Single(Events(await steps.NextAsync(2))));
    }
}
