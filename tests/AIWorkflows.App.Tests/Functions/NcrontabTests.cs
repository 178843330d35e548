using AIWorkflows.App.Functions;

namespace AIWorkflows.App.Tests.Functions;

public class NcrontabTests
{
    [Theory]
    [InlineData("0 */5 * * * *")]
    [InlineData("0 0 * * * *")]
    [InlineData("0 30 9 * * 1-5")]
    [InlineData("0 0 6 1 JAN,jul *")]
    [InlineData("15,45 0-10/2 8-17 1-31 * SUN-SAT")]
    [InlineData("  0   0   12  *  *  MON ")]
    public void SixFieldSchedules_AreValid(string schedule) => Assert.Null(Ncrontab.Validate(schedule));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("*/5 * * * *")] // five-field Unix cron: the host needs seconds first
    [InlineData("0 */5 * * * * *")]
    [InlineData("00:05:00")] // TimeSpan schedules only work on dedicated plans, never on Flex Consumption
    [InlineData("60 * * * * *")]
    [InlineData("0 60 * * * *")]
    [InlineData("0 0 24 * * *")]
    [InlineData("0 0 0 0 * *")]
    [InlineData("0 0 0 * 13 *")]
    [InlineData("0 0 0 * * 7")]
    [InlineData("0 */0 * * * *")]
    [InlineData("0 10-5 * * * *")]
    [InlineData("0 1/2/3 * * * *")]
    [InlineData("0 a * * * *")]
    [InlineData("0 -5 * * * *")]
    [InlineData("0 , * * * *")]
    [InlineData("0 0 0 * FOO *")]
    public void AnythingElse_IsRefused_SayingWhy(string? schedule)
    {
        var error = Ncrontab.Validate(schedule);

        Assert.NotNull(error);
        Assert.False(Ncrontab.IsValid(schedule));
    }

    [Fact]
    public void TheErrorNamesTheField() =>
        Assert.Contains("the hour field '24'", Ncrontab.Validate("0 0 24 * * *"), StringComparison.Ordinal);
}
