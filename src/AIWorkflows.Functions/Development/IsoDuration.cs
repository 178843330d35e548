using NodaTime;
using NodaTime.Text;

namespace AIWorkflows.App.Development;

/// <summary>
/// An ISO 8601 duration (<c>P90D</c>, <c>P2W</c>, <c>PT36H</c>), read by NodaTime's ISO period pattern and
/// refused when negative. Years and months stay calendar units, applied to a date in its own offset,
/// because "P1M" from 31 January is not a fixed number of days.
/// </summary>
public readonly record struct IsoDuration(Period Period)
{
    // Longer than any duration a person types: the parser never sees an arbitrarily long string.
    private const int MaxLength = 64;

    public static bool TryParse(string? text, out IsoDuration duration)
    {
        duration = default;
        if (string.IsNullOrEmpty(text) || text.Length > MaxLength) return false;
        var parsed = PeriodPattern.NormalizingIso.Parse(text);
        if (!parsed.Success || !IsNonNegative(parsed.Value)) return false;
        duration = new IsoDuration(parsed.Value);
        return true;
    }

    /// <summary>The instant this duration after <paramref name="start"/>; false if that is past the calendar's end.</summary>
    public bool TryAddTo(DateTimeOffset start, out DateTimeOffset end)
    {
        end = start;
        try
        {
            var local = LocalDateTime.FromDateTime(start.DateTime) + Period;
            end = new DateTimeOffset(local.ToDateTimeUnspecified(), start.Offset);
            return true;
        }
        catch (Exception e) when (e is OverflowException or ArgumentOutOfRangeException)
        {
            return false;
        }
    }

    private static bool IsNonNegative(Period p) =>
        p.Years >= 0 && p.Months >= 0 && p.Weeks >= 0 && p.Days >= 0 && p.Hours >= 0 && p.Minutes >= 0 && p.Seconds >= 0
        && p.Milliseconds >= 0 && p.Ticks >= 0 && p.Nanoseconds >= 0;
}
