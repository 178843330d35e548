using System.Globalization;
using System.Text.RegularExpressions;

namespace AIWorkflows.App.Development;

/// <summary>
/// An ISO 8601 duration (<c>PnYnMnDTnHnMnS</c> or <c>PnW</c>), non-negative. Years and months
/// are kept as calendar units and applied to a date, because "P1M" from 31 January is not
/// a fixed number of days.
/// </summary>
public readonly partial record struct IsoDuration(
    int Years, int Months, int Weeks, int Days, int Hours, int Minutes, decimal Seconds)
{
    // Only the lowest-order unit (seconds) may carry a fraction; ISO 8601 allows '.' or ','.
    [GeneratedRegex(
        @"^P(?:(?<w>\d{1,6})W|(?:(?<y>\d{1,4})Y)?(?:(?<mo>\d{1,6})M)?(?:(?<d>\d{1,7})D)?" +
        @"(?:T(?=\d)(?:(?<h>\d{1,8})H)?(?:(?<mi>\d{1,9})M)?(?:(?<s>\d{1,10}(?:[.,]\d{1,7})?)S)?)?)$",
        RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture, matchTimeoutMilliseconds: 100)]
    private static partial Regex Pattern();

    public static bool TryParse(string? text, out IsoDuration duration)
    {
        duration = default;
        if (string.IsNullOrEmpty(text))
            return false;

        var match = Pattern().Match(text);
        // Every unit is optional in the pattern, so "P" alone matches; it must name at least one.
        if (!match.Success || !Units.Any(u => match.Groups[u].Success))
            return false;

        duration = new IsoDuration(
            Int(match, "y"), Int(match, "mo"), Int(match, "w"), Int(match, "d"), Int(match, "h"), Int(match, "mi"),
            match.Groups["s"].Success
                ? decimal.Parse(match.Groups["s"].Value.Replace(',', '.'), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture)
                : 0m);
        return true;
    }

    /// <summary>The instant this duration after <paramref name="start"/>; false if that is past the calendar's end.</summary>
    public bool TryAddTo(DateTimeOffset start, out DateTimeOffset end)
    {
        end = start;
        var days = (Weeks * 7m) + Days;
        var seconds = (days * 86_400m) + (Hours * 3_600m) + (Minutes * 60m) + Seconds;
        var ticks = seconds * TimeSpan.TicksPerSecond;
        if (ticks > DateTimeOffset.MaxValue.Ticks)
            return false;

        var maxMonths = (DateTimeOffset.MaxValue.Year - start.Year) * 12;
        var months = (Years * 12) + Months;
        if (months > maxMonths)
            return false;
        var afterMonths = start.AddMonths(months);
        if ((long)ticks > (DateTimeOffset.MaxValue - afterMonths).Ticks)
            return false;

        end = afterMonths.AddTicks((long)ticks);
        return true;
    }

    private static readonly string[] Units = ["y", "mo", "w", "d", "h", "mi", "s"];

    private static int Int(Match match, string group) =>
        match.Groups[group].Success ? int.Parse(match.Groups[group].Value, CultureInfo.InvariantCulture) : 0;
}
