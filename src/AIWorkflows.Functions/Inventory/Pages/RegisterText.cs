using System.Globalization;
using AIWorkflows.App.Inventory;
using AIWorkflows.App.Web.Pages;
using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace AIWorkflows.App.Inventory.Pages;

/// <summary>How the register reads to a resident: short dates, statuses, clipped long texts.</summary>
public static class RegisterText
{
    /// <summary>A day in the city's zone, "2 Dec 2026", in a machine-readable &lt;time&gt;; a dash when there is none.</summary>
    public static IHtmlContent Day(DateTimeOffset? at, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(zone);
        if (at is not { } value) return new HtmlString("&mdash;");
        var local = TimeZoneInfo.ConvertTime(value, zone);
        var time = new TagBuilder("time");
        time.Attributes["datetime"] = local.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        time.InnerHtml.Append(local.ToString("d MMM yyyy", CultureInfo.InvariantCulture));
        return time;
    }

    public static string Status(string status) => status switch
    {
        "approved" => "Approved, in use",
        "pilot" => "Pilot",
        "planned" => "Planned — under review",
        "suspended" => "Suspended",
        "retired" => "Retired",
        _ => Words.Humanize(status),
    };

    public static string StatusTone(string status) => status switch
    {
        "approved" => "good",
        "suspended" => "bad",
        "pilot" => "warn",
        _ => "neutral", // planned, retired
    };

    public static string StatusMeaning(string status) => status switch
    {
        "approved" => "The city approved this tool and it is in regular use.",
        "pilot" => "The tool is used in a limited trial (or, for an imported tool, is not yet in full service).",
        "suspended" => "Use of the tool is stopped until the city re-assesses it.",
        "retired" => "The tool is no longer used. It stays listed so its history remains public.",
        // Albuquerque 6.2: the inventory lists planned tools, not only those in use.
        "planned" => "A department asked to use this tool and the city is reviewing the request. It is not in use; it leaves the register if the request is rejected or withdrawn.",
        _ => "",
    };

    public static string DataCategories(InventoryEntry e)
    {
        ArgumentNullException.ThrowIfNull(e);
        return e.DataCategories.Count == 0 ? "Not stated" : string.Join("; ", e.DataCategories.Select(Words.DataCategory));
    }

    public static string Clip(string text, int max = 180) => text.Length <= max ? text : text[..(max - 1)].TrimEnd() + "…";
}
