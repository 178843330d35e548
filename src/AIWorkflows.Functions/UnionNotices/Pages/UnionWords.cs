using System.Globalization;
using AIWorkflows.App.Web.Pages;

namespace AIWorkflows.App.UnionNotices.Pages;

/// <summary>The words people read for a union notice's states (the union pages and the request status page's union section).</summary>
public static class UnionWords
{
    public static string Notice(string status) => status switch
    {
        "notice" => "Roll-out waits on the employee organizations",
        "cleared" => "Cleared for roll-out",
        "emergency" => "Adopted on an emergency basis; notice followed",
        "withdrawn" => "Withdrawn with the request",
        "in_use" => "Tool already in the register: notice after the fact, roll-out not held",
        _ => Words.Humanize(status),
    };

    public static string Organization(string status) => status switch
    {
        "noticed" => "Noticed: answer awaited",
        "waived" => "Waived",
        "deemed_waived" => "Deemed waived (no request within the window)",
        "meet_and_confer" => "Meeting and conferring",
        "agreement" => "Concluded by agreement",
        "impasse" => "Concluded at impasse",
        _ => Words.Humanize(status),
    };

    public static string Tone(string status) => status switch
    {
        "waived" or "deemed_waived" or "agreement" or "cleared" => "good",
        "impasse" => "bad",
        "noticed" or "meet_and_confer" or "notice" => "warn",
        _ => "neutral",
    };

    /// <summary>"Fri 11 Dec 2026".</summary>
    public static string Day(DateOnly day) => day.ToString("ddd d MMM yyyy", CultureInfo.InvariantCulture);
}
