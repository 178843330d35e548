namespace PlainApp;

/// <summary>What the plain app needs to know about the city: where its links point, who reviews, how often a tool is re-assessed.</summary>
public sealed class PlainOptions
{
    public const string Section = "Plain";

    public string BaseUrl { get; set; } = "http://127.0.0.1:8080/";

    public string Director { get; set; } = "director.utilities@cityofsacramento.example";

    public string AiOfficer { get; set; } = "aio@cityofsacramento.example";

    public string SecurityOfficer { get; set; } = "iso@cityofsacramento.example";

    public string CityAttorney { get; set; } = "cityattorney@cityofsacramento.example";

    /// <summary>A high-tier tool is re-assessed quarterly. The bench shortens it to see a cycle in real time (Durable timers run on the real clock).</summary>
    public TimeSpan ReassessEvery { get; set; } = TimeSpan.FromDays(91);

    /// <summary>The owner is asked this long before the due date.</summary>
    public TimeSpan AskAhead { get; set; } = TimeSpan.FromDays(14);

    /// <summary>An imported tool's first re-assessment is due this long after its import (as ours).</summary>
    public TimeSpan FirstReviewAfterImport { get; set; } = TimeSpan.FromDays(30);

    public string ReviewerEmail(string role) => role switch
    {
        Roles.Director => Director,
        Roles.AiOfficer => AiOfficer,
        Roles.SecurityOfficer => SecurityOfficer,
        Roles.CityAttorney => CityAttorney,
        _ => throw new ArgumentOutOfRangeException(nameof(role), role, "Not a reviewer of a high-tier request."),
    };
}

/// <summary>The four reviewers of a high-tier request: the department director first, then the other three together.</summary>
public static class Roles
{
    public const string Director = "director";
    public const string AiOfficer = "aio";
    public const string SecurityOfficer = "iso";
    public const string CityAttorney = "cityattorney";

    public static readonly string[] AfterDirector = [AiOfficer, SecurityOfficer, CityAttorney];

    public static bool IsReviewer(string role) => role is Director or AiOfficer or SecurityOfficer or CityAttorney;
}
