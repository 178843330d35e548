using AIWorkflows.App.Development;
using Microsoft.Extensions.Time.Testing;

namespace AIWorkflows.App.Tests.Development;

public sealed class DevClockTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public void NowIsTheInnerClockPlusTheOffset()
    {
        var inner = new FakeTimeProvider(Now);
        var clock = new DevClock(inner);

        Assert.Equal(Now.AddDays(90), clock.Advance(TimeSpan.FromDays(90)));
        inner.Advance(TimeSpan.FromMinutes(1));

        Assert.Equal(Now.AddDays(90).AddMinutes(1), clock.GetUtcNow());
        Assert.Equal(TimeSpan.FromDays(90), clock.Offset);
    }

    [Fact]
    public void TheClockNeverGoesBackwards()
    {
        var clock = new DevClock(new FakeTimeProvider(Now));

        Assert.Throws<ArgumentOutOfRangeException>(() => clock.Advance(TimeSpan.FromTicks(-1)));
        Assert.Equal(Now, clock.GetUtcNow());
    }

    [Fact]
    public void ConcurrentAdvancesAllCount()
    {
        var clock = new DevClock(new FakeTimeProvider(Now));

        Parallel.For(0, 1000, _ => clock.Advance(TimeSpan.FromMinutes(1)));

        Assert.Equal(Now.AddMinutes(1000), clock.GetUtcNow());
    }

    [Fact]
    public void TimestampsDoNotJumpWithTheOffset()
    {
        var inner = new FakeTimeProvider(Now);
        var clock = new DevClock(inner);
        var before = clock.GetTimestamp();

        clock.Advance(TimeSpan.FromDays(1));

        Assert.Equal(TimeSpan.Zero, clock.GetElapsedTime(before));
    }
}
