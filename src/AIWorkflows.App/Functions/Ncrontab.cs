using System.Globalization;

namespace AIWorkflows.App.Functions;

/// <summary>
/// Checks the six-field NCRONTAB expressions the Functions timer trigger takes:
/// <c>{second} {minute} {hour} {day} {month} {day-of-week}</c>, each field <c>*</c>, a value, a range
/// or a list of them, with an optional <c>/step</c>. The host refuses a bad schedule only once
/// deployed, so packaging checks it first.
/// </summary>
public static class Ncrontab
{
    private static readonly string[] MonthNames = ["JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"];
    private static readonly string[] DayNames = ["SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT"];

    private static readonly Field[] Fields =
    [
        new("second", 0, 59, null),
        new("minute", 0, 59, null),
        new("hour", 0, 23, null),
        new("day", 1, 31, null),
        new("month", 1, 12, MonthNames),
        new("day-of-week", 0, 6, DayNames),
    ];

    public static bool IsValid(string? expression) => Validate(expression) is null;

    /// <summary>Null when <paramref name="expression"/> is a valid schedule, else what is wrong with it.</summary>
    public static string? Validate(string? expression)
    {
        var parts = (expression ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length != Fields.Length)
            return $"'{expression}' has {parts.Length} fields; NCRONTAB needs 6: second minute hour day month day-of-week";
        for (var i = 0; i < parts.Length; i++)
        {
            if (parts[i].Split(',').Any(item => !IsValidItem(item, Fields[i])))
                return $"'{expression}': the {Fields[i].Name} field '{parts[i]}' is not *, a value, a range or a list of them ({Fields[i].Min}-{Fields[i].Max}), with an optional /step";
        }
        return null;
    }

    private static bool IsValidItem(string item, Field field)
    {
        var stepParts = item.Split('/');
        if (stepParts.Length > 2)
            return false;
        if (stepParts.Length == 2 && (!TryNumber(stepParts[1], out var step) || step < 1 || step > field.Max - field.Min + 1))
            return false;
        if (stepParts[0] == "*")
            return true;
        var bounds = stepParts[0].Split('-');
        if (bounds.Length > 2 || !TryValue(bounds[0], field, out var low))
            return false;
        return bounds.Length == 1 || (TryValue(bounds[1], field, out var high) && high >= low);
    }

    private static bool TryValue(string text, Field field, out int value)
    {
        if (field.Names is { } names && Array.FindIndex(names, n => n.Equals(text, StringComparison.OrdinalIgnoreCase)) is var index and >= 0)
        {
            value = index + field.Min;
            return true;
        }
        return TryNumber(text, out value) && value >= field.Min && value <= field.Max;
    }

    private static bool TryNumber(string text, out int value) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out value);

    private sealed record Field(string Name, int Min, int Max, string[]? Names);
}
