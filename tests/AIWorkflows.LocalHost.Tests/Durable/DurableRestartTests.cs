using System.Diagnostics;
using AIWorkflows.LocalHost.Tests.Fixtures;
using AIWorkflows.LocalHost.Tests.Samples;
using AIWorkflows.Testing;
using Microsoft.DurableTask.Client;
using Xunit.Abstractions;

namespace AIWorkflows.LocalHost.Tests.Durable;

[Collection(UsesAzurite.Name)]
public sealed class DurableRestartTests(AzuriteFixture azurite, ITestOutputHelper output)
{
    [Fact]
    public async Task A_second_host_on_the_same_hub_finishes_what_a_stopped_host_started()
    {
        var hub = AzuriteFixture.NewTaskHub();
        var first = await DurableApp.StartAsync(azurite, hub, output);
        var id = await first.Client.ScheduleNewOrchestrationInstanceAsync(
            nameof(SampleApproval.SampleApprovalOrchestration), new SampleRequest("r3", "cy@city.gov", DeadlineSeconds: 600));
        await DurableEndToEndTests.WaitForStatusAsync(first.Client, id, "\"waiting\"");
        var stopping = Stopwatch.StartNew();
        await first.DisposeAsync();
        output.WriteLine($"first host stopped in {stopping.ElapsedMilliseconds} ms");

        var clock = Stopwatch.StartNew();
        await using var second = await DurableApp.StartAsync(azurite, hub, output);
        await second.Client.RaiseEventAsync(id, SampleApproval.DecisionMade, new SampleDecision("reject"));
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var done = await second.Client.WaitForInstanceCompletionAsync(id, getInputsAndOutputs: true, timeout.Token);

        output.WriteLine($"second host: start to completion {clock.ElapsedMilliseconds} ms");
        Assert.Equal(OrchestrationRuntimeStatus.Completed, done.RuntimeStatus);
        Assert.Equal("MailReviewer to cy@city.gov; reject; record 1", done.ReadOutputAs<string>());
        Assert.Equal([new SampleOutcome("r3", "reject")], second.Ledger.Outcomes);
        // The first host released its partition lease when it stopped, so the second did not wait out
        // the 30 s lease interval.
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(25), $"took {clock.Elapsed}");
    }
}
