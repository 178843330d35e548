using AIWorkflows.App.Workflows;

namespace AIWorkflows.App.Tests.Workflows;

public sealed class InstanceGatesTests
{
    [Fact]
    public async Task ASecondCaller_WaitsForTheFirstsTurn_AndIsToldItWaited()
    {
        var gates = new InstanceGates();

        var first = await gates.EnterAsync("tool-1", CancellationToken.None);
        var second = gates.EnterAsync("tool-1", CancellationToken.None);
        var other = await gates.EnterAsync("tool-2", CancellationToken.None);

        Assert.False(first.Waited);
        Assert.False(other.Waited);
        Assert.False(second.IsCompleted);
        first.Dispose();
        using (var turn = await second) Assert.True(turn.Waited);
        other.Dispose();
        Assert.Equal(0, gates.Open);
    }

    [Fact]
    public async Task ACallerCancelledWhileWaiting_LeavesNoGateBehind()
    {
        var gates = new InstanceGates();
        using var cancel = new CancellationTokenSource();

        var first = await gates.EnterAsync("record-1", CancellationToken.None);
        var waiting = gates.EnterAsync("record-1", cancel.Token);
        await cancel.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => waiting);
        first.Dispose();
        Assert.Equal(0, gates.Open);
    }
}
