using AIWorkflows.LocalHost.Tests.Fixtures;
using AIWorkflows.LocalHost.Tests.Samples;
using AIWorkflows.Testing;
using Microsoft.DurableTask.Client;
using Xunit.Abstractions;

namespace AIWorkflows.LocalHost.Tests.Durable;

[Collection(UsesAzurite.Name)]
public sealed class DurableStorageCountTests(AzuriteFixture azurite, ITestOutputHelper output)
{
    [Fact]
    public async Task The_backends_blob_queue_and_table_requests_are_counted()
    {
        var hub = AzuriteFixture.NewTaskHub();
        await using var app = await DurableApp.StartAsync(azurite, hub, output);
        var before = app.Counter.Snapshot();

        var id = await app.Client.ScheduleNewOrchestrationInstanceAsync(nameof(SampleApproval.SampleEcho), "hello");
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var done = await app.Client.WaitForInstanceCompletionAsync(id, getInputsAndOutputs: true, timeout.Token);
        Assert.Equal("hello", done.ReadOutputAs<string>());

        var spent = app.Counter.Since(before);
        output.WriteLine(spent.ToString());
        var hubLower = hub.ToLowerInvariant();
        Assert.True(spent.ForResource(hub + "Instances") > 0, "instance table");
        Assert.True(spent.ForResource(hub + "History") > 0, "history table");
        Assert.True(spent.ByOperation.ContainsKey(new("POST", hub + "History/$batch")), "history rows are written in batches, attributed to their table");
        Assert.True(spent.ForResource(hubLower + "-control-00") > 0, "control queue");
        Assert.True(spent.ForResource(hubLower + "-workitems") > 0, "work-item queue (polled)");
        // Partition leases live in a table (the backend's table partition manager), the app lease in a blob.
        var all = app.Counter.Snapshot();
        Assert.True(all.ForResource(hub + "Partitions") > 0, "partition table");
        Assert.True(all.ForResource(hubLower + "-applease") > 0, "app lease blob container");
    }
}
