using System.Text.Json;
using AIWorkflows.Storage.Counting;
using AIWorkflows.Storage.Deciding;
using AIWorkflows.Storage.Tests.Fixtures;
using AIWorkflows.Testing;

namespace AIWorkflows.Storage.Tests.Deciding;

/// <summary>
/// The step activity runs at least once: the same step again rewrites the same rows, and an older step
/// delivered again after the instance moved on (a process killed before deleting its finished activity's
/// message) must not put the older state back.
/// </summary>
[Collection(UsesAzurite.Name)]
public sealed class WorkflowLogTests(AzuriteFixture azurite)
{
    private static readonly DateTimeOffset At = new(2026, 11, 23, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task AnOlderStepDeliveredAgain_WritesNothing_InThisProcessOrAnother()
    {
        var (log, other) = await TwoProcessesAsync();
        Assert.Equal(StepWrite.Written, await Step(log, 1, "opened"));
        Assert.Equal(StepWrite.Written, await Step(log, 2, "reviewed"));

        Assert.Equal(StepWrite.Stale, await Step(log, 1, "opened"));
        Assert.Equal(StepWrite.Stale, await Step(other, 1, "opened"));

        var now = (await other.LoadAsync("req-1", includeEvents: true, default))!;
        Assert.Equal((2L, "state after reviewed"), (now.Version, now.State));
        Assert.Equal(["opened", "reviewed"], now.Events.Select(e => e.Event));
    }

    [Fact]
    public async Task TheSameStepAgain_OrANewerOneFromAnotherProcess_IsWritten()
    {
        var (log, other) = await TwoProcessesAsync();
        Assert.Equal(StepWrite.Written, await Step(log, 1, "opened"));
        Assert.Equal(StepWrite.Written, await Step(log, 1, "opened")); // a retried activity
        Assert.Equal(StepWrite.Written, await Step(other, 2, "reviewed")); // the instance moved to another process
        await log.SetAnswersAsync("req-1", 2, "cmd-1:1:2", default);
        // This process's knowledge of the row is out of date: it reads, then writes the next step.
        Assert.Equal(StepWrite.Written, await Step(log, 3, "approved"));

        Assert.Equal(3L, (await other.LoadAsync("req-1", includeEvents: false, default))!.Version);
    }

    private static Task<StepWrite> Step(WorkflowLog<string, string> log, long version, string happened) =>
        log.AppendAsync("req-1", $"state after {happened}", version, [new StoredEvent<string>(version, At, happened)], "", At, default);

    private async Task<(WorkflowLog<string, string>, WorkflowLog<string, string>)> TwoProcessesAsync()
    {
        var options = azurite.NewStorageOptions();
        var clients = new StorageClients(options, new StorageTransactionCounter());
        await clients.EnsureCreatedAsync(default);
        return (new WorkflowLog<string, string>(clients, "approval", JsonSerializerOptions.Default),
            new WorkflowLog<string, string>(new StorageClients(options, new StorageTransactionCounter()), "approval", JsonSerializerOptions.Default));
    }
}
