using System.Globalization;

namespace AIWorkflows.App.Web.Pages;

/// <summary>Times as people in the city read them: "Wed 2 Dec 2026, 10:00 PT", in a machine-readable &lt;time&gt;.</summary>
public static class CityTime
{
    // The invariant culture has no zone abbreviations; the packs' zones are ones people know by name.
    private static readonly Dictionary<string, string> Abbreviations = new(StringComparer.OrdinalIgnoreCase)
    {
        ["America/Los_Angeles"] = "PT", ["Pacific Standard Time"] = "PT",
        ["America/Denver"] = "MT", ["Mountain Standard Time"] = "MT", ["America/Phoenix"] = "MT",
        ["America/Chicago"] = "CT", ["Central Standard Time"] = "CT",
        ["America/New_York"] = "ET", ["Eastern Standard Time"] = "ET",
        ["UTC"] = "UTC", ["Etc/UTC"] = "UTC",
    };

    public static string Text(DateTimeOffset at, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(zone);
        var local = TimeZoneInfo.ConvertTime(at, zone);
        var suffix = Abbreviations.TryGetValue(zone.Id, out var abbreviation)
            ? abbreviation
            : "UTC" + local.ToString("zzz", CultureInfo.InvariantCulture);
        return local.ToString("ddd d MMM yyyy, HH:mm", CultureInfo.InvariantCulture) + " " + suffix;
    }

    /// <summary>The same time for machines (a &lt;time&gt;'s datetime): ISO 8601 with the city's offset.</summary>
    public static string Machine(DateTimeOffset at, TimeZoneInfo zone) =>
        TimeZoneInfo.ConvertTime(at, zone).ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);
}
