using AIWorkflows.App.Development;
using NodaTime;

namespace AIWorkflows.App.Tests.Development;

public sealed class IsoDurationTests
{
    [Theory]
    [InlineData("P90D", 0, 0, 0, 90, 0, 0, 0)]
    [InlineData("P2W", 0, 0, 2, 0, 0, 0, 0)]
    [InlineData("P1Y", 1, 0, 0, 0, 0, 0, 0)]
    [InlineData("P3M", 0, 3, 0, 0, 0, 0, 0)]
    [InlineData("PT36H", 0, 0, 0, 0, 36, 0, 0)]
    [InlineData("PT5M", 0, 0, 0, 0, 0, 5, 0)]
    [InlineData("PT1.5S", 0, 0, 0, 0, 0, 0, 1.5)]
    [InlineData("PT0,25S", 0, 0, 0, 0, 0, 0, 0.25)]
    [InlineData("P1Y2M3DT4H5M6S", 1, 2, 0, 3, 4, 5, 6)]
    [InlineData("P0D", 0, 0, 0, 0, 0, 0, 0)]
    public void ValidDurationsParse(string text, int y, int mo, int w, int d, int h, int mi, double s)
    {
        var expected = new PeriodBuilder { Years = y, Months = mo, Weeks = w, Days = d, Hours = h, Minutes = mi, Milliseconds = (long)(s * 1000) }.Build();

        Assert.True(IsoDuration.TryParse(text, out var duration));

        Assert.Equal(expected.Normalize(), duration.Period.Normalize());
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("P")]
    [InlineData("PT")]
    [InlineData("-P1D")]
    [InlineData("P-1D")]
    [InlineData("p90d")]
    [InlineData("90D")]
    [InlineData("P1.5D")]
    [InlineData("P1H")]
    [InlineData("PT1D")]
    [InlineData("P1D2Y")]
    [InlineData(" P1D")]
    [InlineData("P1D ")]
    [InlineData("P99999999999D")]
    [InlineData("ninety days")]
    public void InvalidOrNegativeDurationsAreRefused(string? text) =>
        Assert.False(IsoDuration.TryParse(text, out _));

    // NodaTime's ISO pattern is lenient where the meaning is plain: weeks beside days, an empty time part.
    [Theory]
    [InlineData("P1W2D", 9)]
    [InlineData("P1DT", 1)]
    public void LenientFormsMeanWhatTheySay(string text, int days)
    {
        Assert.True(IsoDuration.TryParse(text, out var d));

        Assert.True(d.TryAddTo(new DateTimeOffset(2026, 3, 1, 0, 0, 0, TimeSpan.Zero), out var end));

        Assert.Equal(new DateTimeOffset(2026, 3, 1 + days, 0, 0, 0, TimeSpan.Zero), end);
    }

    [Theory]
    [InlineData("2026-01-31T00:00:00Z", "P1M", "2026-02-28T00:00:00Z")]
    [InlineData("2026-01-31T00:00:00Z", "P90D", "2026-05-01T00:00:00Z")]
    [InlineData("2024-02-29T12:00:00Z", "P1Y", "2025-02-28T12:00:00Z")]
    [InlineData("2026-03-01T00:00:00Z", "P1W", "2026-03-08T00:00:00Z")]
    [InlineData("2026-03-01T00:00:00Z", "P1DT12H30M", "2026-03-02T12:30:00Z")]
    public void YearsAndMonthsFollowTheCalendar(string start, string duration, string expected)
    {
        Assert.True(IsoDuration.TryParse(duration, out var d));

        Assert.True(d.TryAddTo(DateTimeOffset.Parse(start, System.Globalization.CultureInfo.InvariantCulture), out var end));

        Assert.Equal(DateTimeOffset.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), end);
    }

    [Fact]
    public void GoingPastTheEndOfTheCalendarIsRefused()
    {
        Assert.True(IsoDuration.TryParse("P9999Y", out var d));

        Assert.False(d.TryAddTo(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero), out _));
    }
}
