using AIWorkflows.App.Reassessments;
using AIWorkflows.App.Tests.Fixtures;
using AIWorkflows.App.Workflows;
using AIWorkflows.Domain.Reassessments;
using AIWorkflows.Storage;
using AIWorkflows.Storage.Deciding;
using AIWorkflows.Testing;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.DependencyInjection;

namespace AIWorkflows.App.Tests.Reassessments;

/// <summary>
/// A tool between reviews costs the Durable engine nothing: registering it (the federal import) starts no
/// orchestration, its next deadline waits in the wake index, and the timer work wakes it near that deadline.
/// </summary>
[Collection(OnAzurite.Name)]
public class SleepingToolTests(AzuriteFixture azurite)
{
    private const string Owner = "keeper@cityofsacramento.example";

    [Fact]
    public async Task ARegisteredTool_SleepsWithoutAnOrchestration_UntilTheTimerWorkWakesItForItsReview()
    {
        await using var app = new AIWorkflowsApp(azurite);
        using var http = app.Http();
        var client = app.Services.GetRequiredService<DurableTaskClient>();
        var wakes = app.Services.GetRequiredService<WakeIndex>();
        var profile = new ToolProfile("tool-sleeper", null, "Sleep Tracker", "Acme AI", "Utilities", "Schedules crews.", "A supervisor checks.",
            ["internal"], false, false, "assistive", "production", "low", Owner, [], [], "test", null);

        Assert.True(await app.Services.GetRequiredService<ToolLifecycleService>().RegisterAsync(profile, app.Clock.GetUtcNow().AddDays(60), default));

        Assert.Null(await client.GetInstanceAsync("tool-sleeper"));
        var tool = (await app.Services.GetRequiredService<ToolLifecycleService>().GetAsync("tool-sleeper", false, default))!;
        var openAt = Assert.IsType<ToolLifecycle.InService>(tool.State).Schedule.OpenAt;
        Assert.Equal([openAt], (await wakes.DueAsync(ToolLifecycleEffects.Workflow, openAt, default)).Where(r => r.InstanceId == "tool-sleeper").Select(r => r.WakeAt));

        // Nothing near yet: the timer work leaves it asleep.
        await http.SweepAsync();
        Assert.Null(await client.GetInstanceAsync("tool-sleeper"));

        app.Clock.SetUtcNow(openAt.AddHours(1));
        await http.SweepAsync();

        await http.SingleMailAsync(Owner, "Re-assessment of");
        var woken = (await app.Services.GetRequiredService<ToolLifecycleService>().GetAsync("tool-sleeper", false, default))!;
        var open = Assert.IsType<ToolLifecycle.InService>(woken.State);
        Assert.NotNull(open.Open);
        // Its escalation is weeks away: asleep again, with that as its wake time.
        using (var patience = new CancellationTokenSource(TimeSpan.FromSeconds(30)))
            Assert.Equal(OrchestrationRuntimeStatus.Completed, (await client.WaitForInstanceCompletionAsync("tool-sleeper", patience.Token)).RuntimeStatus);
        Assert.Equal([open.Schedule.EscalateAt],
            (await wakes.DueAsync(ToolLifecycleEffects.Workflow, open.Schedule.EscalateAt, default)).Where(r => r.InstanceId == "tool-sleeper").Select(r => r.WakeAt));
    }

    [Fact]
    public async Task AnApprovedTool_IsRegisteredAsleep_WithoutAnOrchestration_AndItsRequestStartedWithThePacksIdNotThePack()
    {
        await using var app = new AIWorkflowsApp(azurite);
        using var http = app.Http();
        var client = app.Services.GetRequiredService<DurableTaskClient>();

        var request = await http.ApproveAsync(AppClient.HighRiskRequest(Owner));
        var toolId = (string)request["toolId"]!;

        // Its first re-assessment is months away: the hand-over recorded the tool asleep, the engine never ran it.
        Assert.Null(await client.GetInstanceAsync(toolId));
        var tool = (await app.Services.GetRequiredService<ToolLifecycleService>().GetAsync(toolId, false, default))!;
        var openAt = Assert.IsType<ToolLifecycle.InService>(tool.State).Schedule.OpenAt;
        Assert.Equal([openAt], (await app.Services.GetRequiredService<WakeIndex>().DueAsync(ToolLifecycleEffects.Workflow, openAt, default))
            .Where(r => r.InstanceId == toolId).Select(r => r.WakeAt));

        // The request's orchestration was started with the pack's content id; the pack itself is stored once, under that id.
        var approval = (await client.GetInstanceAsync((string)request["id"]!, getInputsAndOutputs: true))!;
        var start = approval.ReadInputAs<WorkflowStart>()!;
        var packs = app.Services.GetRequiredService<PolicyPackVersions>();
        Assert.Equal(packs.CurrentId, start.PackId);
        Assert.Null(start.Pack);
        Assert.True(approval.SerializedInput!.Length < 8_000, $"The start's input is {approval.SerializedInput.Length} characters.");
        Assert.True(await app.Services.GetRequiredService<StorageClients>().Container(PolicyPackVersions.Container).GetBlobClient($"{packs.CurrentId}.json").ExistsAsync());
    }

    [Fact]
    public async Task AHandOverRepeated_AfterACrashCutItsStepShort_FinishesTheStep_ButOneAfterTheToolMovedOnChangesNothing()
    {
        await using var app = new AIWorkflowsApp(azurite);
        var client = app.Services.GetRequiredService<DurableTaskClient>();
        var tools = app.Services.GetRequiredService<WorkflowGateway<ToolLifecycleCommand, ToolLifecycle, ToolLifecycleEvent>>();
        var wakes = app.Services.GetRequiredService<WakeIndex>();
        var profile = new ToolProfile("tool-handed", "req-handed", "Hand Over", "Acme AI", "Utilities", "Routes calls.", "A supervisor checks.",
            ["internal"], false, false, "assistive", "production", "low", Owner, [], [], "approval", null);
        // The approval's step hands the tool over as this command, and is retried until the hand-over succeeds.
        var register = new ToolLifecycleCommand.Register(profile, null, app.Clock.GetUtcNow());
        async Task<IReadOnlyList<WakeRow>> WakeRowsAsync() =>
            [.. (await wakes.DueAsync(ToolLifecycleEffects.Workflow, DateTimeOffset.MaxValue, default)).Where(r => r.InstanceId == "tool-handed")];

        var first = await tools.StartAsync(client, "tool-handed", register, mayExist: true, default);
        // A crash after the read model was written, before the wake row: the retried hand-over finds the tool at its first step.
        Assert.True(await wakes.RemoveAsync(Assert.Single(await WakeRowsAsync()), default));
        var retried = await tools.StartAsync(client, "tool-handed", register, mayExist: true, default);

        Assert.NotEmpty(first.NewEvents);
        Assert.Equal(first.Version, retried.Version);
        Assert.Single(await WakeRowsAsync());
        Assert.Null(await client.GetInstanceAsync("tool-handed"));

        // Moved on (its owner retired it): a late repeat answers the tool as it stands and records nothing.
        var retired = await tools.SendAsync(client, "tool-handed", new ToolLifecycleCommand.Retire(Owner, "Replaced.", app.Clock.GetUtcNow()), default);
        var late = await tools.StartAsync(client, "tool-handed", register, mayExist: true, default);

        Assert.True(retired.Version > first.Version);
        Assert.Empty(late.NewEvents);
        Assert.IsType<ToolLifecycle.Retired>(late.State);
        Assert.Equal(retired.Version, (await tools.LoadAsync("tool-handed", false, default))!.Version);
    }
}
