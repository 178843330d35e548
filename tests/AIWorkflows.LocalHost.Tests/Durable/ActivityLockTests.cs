using AIWorkflows.LocalHost.Tests.Fixtures;
using AIWorkflows.LocalHost.Tests.Samples;
using AIWorkflows.Testing;
using Microsoft.DurableTask.Client;
using Xunit.Abstractions;

namespace AIWorkflows.LocalHost.Tests.Durable;

[Collection(UsesAzurite.Name)]
public sealed class ActivityLockTests(AzuriteFixture azurite, ITestOutputHelper output)
{
    [Fact]
    public async Task An_activity_running_longer_than_the_queues_visibility_timeout_runs_once()
    {
        // Two seconds of visibility, an activity of seven: without renewal the message reappears and runs again beside it.
        await using var app = await DurableApp.StartAsync(azurite, AzuriteFixture.NewTaskHub(), output,
            o => o.ConfigureBackend = s => s.WorkItemQueueVisibilityTimeout = TimeSpan.FromSeconds(2));

        var id = await app.Client.ScheduleNewOrchestrationInstanceAsync(nameof(SampleSlowStep.SlowStepOrchestration), 7);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var done = await app.Client.WaitForInstanceCompletionAsync(id, getInputsAndOutputs: true, timeout.Token);
        // A second copy, had one started, would be running still: give it the time to show.
        await Task.Delay(TimeSpan.FromSeconds(3));

        Assert.Equal(OrchestrationRuntimeStatus.Completed, done.RuntimeStatus);
        Assert.Equal(1, done.ReadOutputAs<int>());
        Assert.Equal(1, app.Ledger.SlowSteps);
    }
}
