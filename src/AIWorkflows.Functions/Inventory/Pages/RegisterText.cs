using System.Globalization;
using AIWorkflows.App.Inventory;
using AIWorkflows.App.Web.Pages;

namespace AIWorkflows.App.Inventory.Pages;

/// <summary>How the register reads to a resident: short dates, statuses, clipped long texts.</summary>
public static class RegisterText
{
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
