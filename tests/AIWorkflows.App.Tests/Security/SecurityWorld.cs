using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using AIWorkflows.App.AccessGrants;
using AIWorkflows.App.Reassessments;
using AIWorkflows.App.Tests.Records;
using AIWorkflows.App.Tokens;
using AIWorkflows.Domain.Reassessments;
using AIWorkflows.Testing;
using AIWorkflows.Testing.AccessGrants;
using AIWorkflows.Testing.UnionNotices;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace AIWorkflows.App.Tests.Security;

/// <summary>
/// One app with something of every kind to act on, reached the way people reach it: a request in review
/// (its reviewer's and requester's links), a tool in the register with an open re-assessment (its link),
/// an access request (the employee's, the department head's and DTI's links), a union notice (an
/// organization's link), an incident reported by someone not signed in (the AI officer's triage link),
/// a kept record and a grant. Links are paths; ids are as the API spells them.
/// </summary>
public sealed partial class SecurityWorld
{
    public const string Actor = "sam.actor@cityofsacramento.example";

    public required string RequestId { get; init; }
    public required string TaskLink { get; init; }
    public required string RespondLink { get; init; }
    public required string ToolId { get; init; }
    public required string ReassessLink { get; init; }
    public required string SignLink { get; init; }
    public required string ConsentLink { get; init; }
    public required string GrantLink { get; init; }
    public required string GrantId { get; init; }
    public required string NoticeId { get; init; }
    public required string UnionLink { get; init; }
    public required string RecordId { get; init; }
    public required string IncidentPath { get; init; }
    public required string TriageLink { get; init; }

    /// <summary>The path of <paramref name="link"/> with a token that is well formed but signed by someone else's key.</summary>
    public static string Forged(string link)
    {
        var forger = new TaskTokenService(Options.Create(new TaskTokenOptions { SigningKey = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)) }), TimeProvider.System);
        var forged = forger.Issue("task", "req-" + new string('0', 32), "task", "someone@example.org", DateTimeOffset.UtcNow.AddDays(30));
        return link[..(link.LastIndexOf('/') + 1)] + forged;
    }

    public static async Task<SecurityWorld> BuildAsync(AIWorkflowsApp app)
    {
        ArgumentNullException.ThrowIfNull(app);
        using var http = app.Http();

        // Union notice first: its reviews spend their own links, and nothing else is open yet.
        var affecting = await http.ApproveByEveryReviewerAsync(UnionClient.AffectingRequest(["Administrative Analyst"]));
        var noticeId = (string)affecting["union"]!["noticeId"]!;
        var unionLink = Link(await http.MailAsync(), "/union/");

        var created = await http.SubmitAsync(AppClient.HighRiskRequest());
        var requestId = (string)created["id"]!;
        // The union request's mails are there too (same director, same clock): pick this request's links by what they sign.
        var mails = await http.MailAsync();
        var tokens = app.Services.GetRequiredService<TaskTokenService>();
        bool Of(string link, string purpose) => tokens.Verify(Uri.UnescapeDataString(link[(link.LastIndexOf('/') + 1)..]), purpose) is TokenVerification.Valid v
            && v.Payload.InstanceId == requestId;
        var taskLink = Link(mails, "/tasks/", l => Of(l, TokenPurposes.Task));
        var respondLink = Link(mails, "/respond/", l => Of(l, "requester"));

        // A registered tool due for re-assessment in ten days: the sweep asks its owner at once.
        var toolId = "tool-security-world";
        var profile = new ToolProfile(toolId, null, "Minutes Drafter", "Acme AI", "Utilities", "Drafts meeting minutes from notes.",
            "The clerk edits every draft.", ["internal"], false, true, "assistive", "production", "low", "clerk@cityofsacramento.example",
            [], [], "test", null);
        Assert.True(await app.Services.GetRequiredService<ToolLifecycleService>().RegisterAsync(profile, app.Clock.GetUtcNow().AddDays(10), default));
        await http.SweepAsync();
        var reassessLink = Link(await http.MailAsync(), "/reassess/");

        var grant = await http.RequestAccessAsync(toolId);
        mails = await http.MailAsync();
        var signLink = Link(mails, "/access/sign/");
        var consentLink = Link(mails, "/access/consent/");
        // DTI's link (Albuquerque 4.1) is only mailed where the pack has that step; this world's pack has not, so it is
        // signed here as the app signs it (AccessLinks.Grant): genuine, for this request's round, but not DTI's turn.
        var grantLink = "/access/grant/" + Uri.EscapeDataString(tokens.Issue(AccessLinks.GrantPurpose, (string)grant["grantId"]!,
            ((DateTimeOffset)grant["requestedAt"]!).UtcTicks.ToString(System.Globalization.CultureInfo.InvariantCulture), Actor, app.Clock.GetUtcNow().AddDays(30)));

        using var incident = await http.PostAsJsonAsync("/api/incidents", new
        {
            toolId, reporterEmail = Actor, severity = "low", description = "A draft named the wrong meeting.",
        });
        var reported = JsonNode.Parse(await incident.Content.ReadAsStringAsync())!;
        Assert.True(incident.IsSuccessStatusCode, reported.ToJsonString());
        var triageLink = Link(await http.MailAsync(), "/triage/");

        var record = await app.KeepIncidentAsync(toolId: toolId, name: "incident-sec");
        return new SecurityWorld
        {
            RequestId = requestId, TaskLink = taskLink, RespondLink = respondLink, ToolId = toolId, ReassessLink = reassessLink,
            SignLink = signLink, ConsentLink = consentLink, GrantLink = grantLink, GrantId = (string)grant["grantId"]!, NoticeId = noticeId, UnionLink = unionLink,
            RecordId = record.RecordId, IncidentPath = IncidentPage(reported), TriageLink = triageLink,
        };
    }

    private static string IncidentPage(JsonNode reported) =>
        reported["page"] is { } page ? new Uri((string)page!, UriKind.RelativeOrAbsolute).IsAbsoluteUri ? new Uri((string)page!).PathAndQuery : (string)page!
            : $"/incidents/{Uri.EscapeDataString((string)reported["toolId"]!)}/{Uri.EscapeDataString((string)reported["incidentId"]!)}";

    private static string Link(IEnumerable<App.Mail.MailMessage> mails, string part, Func<string, bool>? which = null) =>
        mails.SelectMany(m => m.Links).Select(l => new Uri(l.Url).PathAndQuery)
            .First(l => l.Contains(part, StringComparison.Ordinal) && (which is null || which(l)));

    /// <summary>GETs a page with a form as <paramref name="devUser"/> and returns its antiforgery cookie and field, as a browser holds them.</summary>
    public static async Task<(string Cookie, string Token)> AntiforgeryAsync(AIWorkflowsApp app, string? devUser)
    {
        using var http = app.As(devUser);
        using var page = await http.GetAsync("/incidents/new");
        var html = await page.Content.ReadAsStringAsync();
        var token = TokenInput().Match(html).Groups[1].Value;
        var cookie = page.Headers.GetValues("Set-Cookie").First(c => c.StartsWith(".AspNetCore.Antiforgery", StringComparison.Ordinal)).Split(';')[0];
        return (cookie, token);
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenInput();
}
