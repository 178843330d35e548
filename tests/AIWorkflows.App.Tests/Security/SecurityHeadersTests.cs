using System.Net;
using System.Text;
using AIWorkflows.App.Tests.Fixtures;
using AIWorkflows.App.Tests.Inventory;
using AIWorkflows.Storage.Records;
using AIWorkflows.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace AIWorkflows.App.Tests.Security;

/// <summary>
/// Issue 19.5: every page and download says how a browser may use it: a Content-Security-Policy that forbids
/// framing (pages load only the app's own files; a download runs nothing, sandboxed), nosniff and a
/// Referrer-Policy. A request's status page and API, whose address is the requester's link, are not cached and
/// send no Referer, as task pages. In Development and in Production.
/// </summary>
[Collection(OnAzurite.Name)]
public class SecurityHeadersTests(AzuriteFixture azurite)
{
    private const string ToolId = "tool-permits";

    /// <summary>What every response must carry; null when it does, else what is missing.</summary>
    public static string? Missing(HttpResponseMessage response)
    {
        ArgumentNullException.ThrowIfNull(response);
        var csp = response.Headers.TryGetValues("Content-Security-Policy", out var c) ? string.Join(",", c) : "";
        var missing = new List<string>();
        if (!csp.Contains("frame-ancestors 'none'", StringComparison.Ordinal)) missing.Add($"CSP frame-ancestors 'none' (CSP: '{csp}')");
        if (!csp.Contains("default-src 'self'", StringComparison.Ordinal) && !csp.Contains("default-src 'none'", StringComparison.Ordinal)) missing.Add("CSP default-src");
        if (!response.Headers.TryGetValues("X-Content-Type-Options", out var n) || n.Single() != "nosniff") missing.Add("X-Content-Type-Options: nosniff");
        if (!response.Headers.TryGetValues("Referrer-Policy", out var r) || r.Single() is not ("no-referrer" or "same-origin")) missing.Add("Referrer-Policy");
        return missing.Count == 0 ? null : string.Join("; ", missing);
    }

    private static string Header(HttpResponseMessage r, string name) => r.Headers.TryGetValues(name, out var v) ? string.Join(",", v) : "";

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task EveryPageAndDownload_ForbidsFramingAndSniffing_AndTellsOtherSitesNothing(bool production)
    {
        await using var mode = await ModeApp.StartAsync(azurite, production);
        await mode.App.RegisterAsync(RegisterFixtures.Profile(ToolId));
        // A kept record whose content is a document someone uploaded, with a script in it.
        await mode.App.Services.GetRequiredService<IRecordArchive>().ArchiveAsync(new NewRecord(
            $"{ToolId}.minutes-1", "incident", "Minutes", ToolId, null, "Utilities", mode.App.Clock.GetUtcNow(), "created", null,
            [new Rendition("html", "text/html", Encoding.UTF8.GetBytes("<p>Minutes</p><script>alert(1)</script>"))]), default);
        using var anonymous = mode.As(null);
        using var staff = mode.As(AppClient.Staff);
        using var officer = mode.As("rita.records@cityofsacramento.example", "records_officer");
        var created = await staff.SubmitAsync(AppClient.HighRiskRequest());
        var requestId = (string)created["id"]!;

        (HttpClient, string)[] pages =
        [
            (anonymous, "/"), (anonymous, "/inventory"), (anonymous, $"/inventory/{ToolId}"), (anonymous, "/incidents/new"),
            (anonymous, "/requests"), (staff, "/requests/new"), (anonymous, "/requests/new"), (officer, "/records"),
            (anonymous, "/no-such-page"), (anonymous, "/tasks/not-a-token"), (anonymous, "/api/inventory"), (anonymous, "/api/policy"),
            (anonymous, "/css/site.css"), (anonymous, $"/requests/{requestId}"), (anonymous, $"/api/requests/{requestId}"),
        ];
        var wrong = new List<string>();
        foreach (var (http, path) in pages)
        {
            using var response = await http.GetAsync(path);
            if (Missing(response) is { } missing) wrong.Add($"{path} ({(int)response.StatusCode}): {missing}");
            else if (!Header(response, "Content-Security-Policy").StartsWith(AIWorkflows.App.Web.SecurityHeaders.PagePolicy, StringComparison.Ordinal))
                wrong.Add($"{path}: not the page policy");
        }
        // Downloads: whatever they hold runs nothing, even opened in a tab.
        foreach (var (http, path) in new[] { (anonymous, "/inventory.csv"), (anonymous, "/api/inventory/export.csv"), (officer, $"/api/records/{Uri.EscapeDataString($"{ToolId}.minutes-1")}/content") })
        {
            using var response = await http.GetAsync(path);
            if (response.StatusCode != HttpStatusCode.OK) wrong.Add($"{path}: {(int)response.StatusCode}");
            else if (Missing(response) is { } missing) wrong.Add($"{path}: {missing}");
            else if (!Header(response, "Content-Security-Policy").Contains("sandbox", StringComparison.Ordinal)) wrong.Add($"{path}: not sandboxed");
        }
        Assert.True(wrong.Count == 0, string.Join("\n", wrong));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task ARequestsStatusPageAndApi_AreNotCached_AndSendNoReferer_AsTaskPages(bool production)
    {
        await using var mode = await ModeApp.StartAsync(azurite, production);
        using var staff = mode.As(AppClient.Staff);
        var id = (string)(await staff.SubmitAsync(AppClient.HighRiskRequest()))["id"]!;
        using var anonymous = mode.As(null);

        foreach (var path in new[] { $"/requests/{id}", $"/api/requests/{id}", $"/requests?id={id}" })
        {
            using var response = await anonymous.GetAsync(path);
            Assert.True(response.Headers.CacheControl?.NoStore, path);
            Assert.Equal("no-referrer", Header(response, "Referrer-Policy"));
        }
        var page = await anonymous.GetStringAsync($"/requests/{id}");
        Assert.Contains("<meta name=\"referrer\" content=\"no-referrer\">", page, StringComparison.Ordinal);
        Assert.Contains("<meta name=\"robots\" content=\"noindex, nofollow\">", page, StringComparison.Ordinal);
    }
}
