using System.Globalization;

namespace AIWorkflows.Storage.Timers;

/// <summary>
/// Keys of the Timers table. PartitionKey = due hour <c>yyyyMMddHH</c> (UTC), so a sweep reads only the
/// hours that are due; RowKey = due instant to the tick, then instance and timer id, so rows sort by
/// due time and a "due by now" filter is one RowKey comparison.
/// </summary>
public static class TimerKeys
{
    /// <summary>The sweep cursor's partition: letters sort after every digit, so hour ranges never include it.</summary>
    public const string CursorPartition = "sweep";

    public const string CursorRow = "cursor";

    public static string Hour(DateTimeOffset at) => at.UtcDateTime.ToString("yyyyMMddHH", CultureInfo.InvariantCulture);

    public static DateTimeOffset StartOfHour(string hour) =>
        new(DateTime.ParseExact(hour, "yyyyMMddHH", CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal), TimeSpan.Zero);

    public static string RowKey(DateTimeOffset dueAt, string instanceId, string timerId) =>
        string.Create(CultureInfo.InvariantCulture, $"{Instant(dueAt)}-{instanceId}-{timerId}");

    /// <summary>Every row due at or before <paramref name="now"/> has a RowKey below this ('~' sorts after '-').</summary>
    public static string DueBound(DateTimeOffset now) => Instant(now) + "~";

    private static string Instant(DateTimeOffset at) => at.UtcDateTime.ToString("yyyyMMddHHmmssfffffff", CultureInfo.InvariantCulture);
}
