namespace AIWorkflows.Domain.Calendar;

/// <summary>
/// Business days in the city's own time zone: weekends and the pack's holidays do not count.
/// Deadlines keep the local time of day they were set from, so a task opened at 10:00 on a
/// Friday with two business days is due 10:00 on Tuesday, city time, whatever the UTC offset.
/// </summary>
public sealed class BusinessCalendar(TimeZoneInfo zone, IEnumerable<DateOnly> holidays)
{
    private readonly HashSet<DateOnly> _holidays = [.. holidays];

    public TimeZoneInfo Zone { get; } = zone;

    public bool IsBusinessDay(DateOnly day) =>
        day.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday) && !_holidays.Contains(day);

    public DateOnly LocalDate(DateTimeOffset at) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(at, Zone).DateTime);

    public DateTimeOffset AddBusinessDays(DateTimeOffset from, int days)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(days);
        var local = TimeZoneInfo.ConvertTime(from, Zone).DateTime;
        var day = DateOnly.FromDateTime(local);
        for (var counted = 0; counted < days;)
        {
            day = day.AddDays(1);
            if (IsBusinessDay(day)) counted++;
        }
        return AtLocal(day, TimeOnly.FromDateTime(local));
    }

    /// <summary>Counts business days strictly after <paramref name="from"/> up to and including <paramref name="to"/>.</summary>
    public int BusinessDaysBetween(DateTimeOffset from, DateTimeOffset to)
    {
        var start = LocalDate(from);
        var end = LocalDate(to);
        var n = 0;
        for (var d = start.AddDays(1); d <= end; d = d.AddDays(1))
            if (IsBusinessDay(d)) n++;
        return n;
    }

    public DateTimeOffset AtLocal(DateOnly day, TimeOnly time)
    {
        var local = day.ToDateTime(time, DateTimeKind.Unspecified);
        // A time skipped by a spring-forward gap moves to the first valid instant after it.
        while (Zone.IsInvalidTime(local)) local = local.AddMinutes(30);
        return new DateTimeOffset(local, Zone.GetUtcOffset(local));
    }
}
