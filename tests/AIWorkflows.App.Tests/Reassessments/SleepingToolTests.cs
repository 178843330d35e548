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
}
