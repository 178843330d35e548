using System.Net;
using System.Text.Json.Nodes;
using AIWorkflows.App.Tests.Fixtures;
using AIWorkflows.App.Tests.Inventory;
using AIWorkflows.Storage;
using AIWorkflows.Storage.Records;
using AIWorkflows.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace AIWorkflows.App.Tests.Feedback;

/// <summary>The public feedback form on a tool's page (Albuquerque 6.7): stored, sent to the AI officer, acknowledged, limited, encoded.</summary>
[Collection(OnAzurite.Name)]
public class PublicFeedbackTests(AzuriteFixture azurite)
{
    private const string Script = "<script>alert('owned')</script>";

    [Fact]
    public async Task Comment_IsKeptAsARecord_MailedEncodedToTheOfficer_AndAcknowledgedAfterA303()
    {
        await using var app = new AIWorkflowsApp(azurite);
        using var http = app.Http();
        var tool = await app.RegisterAsync(RegisterFixtures.Profile("tool-permits"));
        var page = $"/inventory/{tool.ToolId}";

        using var sent = await http.SubmitFormAsync(page, page, ("name", "Ana <b>Ruiz</b>"), ("email", "ana@example.org"), ("comment", $"Why does it answer in English only? {Script}"));
        Assert.Equal(HttpStatusCode.SeeOther, sent.StatusCode);
        var location = sent.Headers.Location!.OriginalString;
        Assert.Matches($"^{page}\\?feedback=feedback-[0-9a-f]{{16}}#feedback-received$", location);
        var reference = location.Split('=')[1].Split('#')[0];

        var acknowledged = await http.GetStringAsync(location);
        Assert.Contains("your comment was sent", acknowledged, StringComparison.Ordinal);
        Assert.Contains(reference, acknowledged, StringComparison.Ordinal);
        Assert.DoesNotContain("<script>alert", acknowledged, StringComparison.Ordinal);
        Assert.DoesNotContain("<b>Ruiz", acknowledged, StringComparison.Ordinal);

        var mail = await http.SingleMailAsync(RegisterFixtures.Officer, "Public feedback on Permit Helper");
        Assert.Contains("&lt;script&gt;alert(&#x27;owned&#x27;)&lt;/script&gt;", mail.HtmlBody, StringComparison.Ordinal);
        Assert.Contains("Ana &lt;b&gt;Ruiz&lt;/b&gt;", mail.HtmlBody, StringComparison.Ordinal);
        Assert.DoesNotContain("<script>", mail.HtmlBody, StringComparison.Ordinal);
        Assert.DoesNotContain("<b>", mail.HtmlBody, StringComparison.Ordinal);
        Assert.Contains(Script, mail.TextBody, StringComparison.Ordinal);
        Assert.Contains(mail.Links, l => l.Url.EndsWith(page, StringComparison.Ordinal));

        var record = Assert.Single(await app.Services.GetRequiredService<IRecordArchive>().ListAsync(tool.ToolId, "feedback", default));
        Assert.Equal($"{tool.ToolId}.{reference}", record.RecordId);
        Assert.Equal(app.Clock.GetUtcNow().AddYears(2), record.RetentionEnd); // the pack's "feedback" class
        var blob = app.Services.GetRequiredService<StorageClients>().Container("records").GetBlobClient(record.Renditions[0].BlobName);
        var stored = JsonNode.Parse((await blob.DownloadContentAsync()).Value.Content.ToString())!;
        Assert.Equal($"Why does it answer in English only? {Script}", (string)stored["comment"]!);
        Assert.Equal("ana@example.org", (string)stored["email"]!);

        // The register itself never shows comments.
        Assert.DoesNotContain("English only", await http.GetStringAsync("/inventory"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task SameFormSentTwice_IsOneComment()
    {
        await using var app = new AIWorkflowsApp(azurite);
        using var http = app.Http();
        var tool = await app.RegisterAsync(RegisterFixtures.Profile("tool-permits"));
        var page = $"/inventory/{tool.ToolId}";
        using var first = await http.SubmitFormAsync(page, page, ("formKey", "0123456789abcdef0123456789abcdef"), ("comment", "Thanks"));
        using var again = await http.SubmitFormAsync(page, page, ("formKey", "0123456789abcdef0123456789abcdef"), ("comment", "Thanks"));
        Assert.Equal(first.Headers.Location, again.Headers.Location);
        Assert.Single(await http.MailAsync(), m => m.Subject.Contains("Public feedback", StringComparison.Ordinal));
    }

    [Fact]
    public async Task InvalidComment_ShowsMessagesNextToTheFields_AndEchoesOnlyEncoded()
    {
        await using var app = new AIWorkflowsApp(azurite);
        using var http = app.Http();
        var tool = await app.RegisterAsync(RegisterFixtures.Profile("tool-permits"));
        var page = $"/inventory/{tool.ToolId}";

        using var bad = await http.SubmitFormAsync(page, page, ("name", Script), ("email", "not-an-email"), ("comment", "  "));
        var html = await bad.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Contains("id=\"email-error\"", html, StringComparison.Ordinal);
        Assert.Contains("id=\"comment-error\"", html, StringComparison.Ordinal);
        Assert.Contains("aria-describedby=\"comment-hint comment-error\"", html, StringComparison.Ordinal);
        Assert.Contains("href=\"#email\"", html, StringComparison.Ordinal); // the summary links to the field
        Assert.Contains("value=\"&lt;script&gt;alert(&#x27;owned&#x27;)&lt;/script&gt;\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script>alert", html, StringComparison.Ordinal);

        using var tooLong = await http.SubmitFormAsync(page, page, ("comment", new string('x', 2001)));
        Assert.Equal(HttpStatusCode.BadRequest, tooLong.StatusCode);
        Assert.Contains("at most 2000 characters", await tooLong.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.DoesNotContain(await http.MailAsync(), m => m.Subject.Contains("Public feedback", StringComparison.Ordinal));
    }

    [Fact]
    public async Task PastTheLimitFromOneAddress_Is429WithRetryAfter_ButReadingGoesOn()
    {
        await using var app = new AIWorkflowsApp(azurite);
        using var http = app.Http();
        var tool = await app.RegisterAsync(RegisterFixtures.Profile("tool-permits"));
        var page = $"/inventory/{tool.ToolId}";
        for (var i = 1; i <= 5; i++)
        {
            using var ok = await http.SubmitFormAsync(page, page, ("comment", $"Comment {i}"));
            Assert.Equal(HttpStatusCode.SeeOther, ok.StatusCode);
        }

        using var limited = await http.SubmitFormAsync(page, page, ("comment", "One too many"));
        Assert.Equal(HttpStatusCode.TooManyRequests, limited.StatusCode);
        var retryAfter = int.Parse(Assert.Single(limited.Headers.GetValues("Retry-After")), System.Globalization.CultureInfo.InvariantCulture);
        Assert.InRange(retryAfter, 1, 600);
        Assert.Equal("text/html", limited.Content.Headers.ContentType!.MediaType);
        Assert.Contains("You have sent several comments in a short time", await limited.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(5, (await http.MailAsync()).Count(m => m.Subject.Contains("Public feedback", StringComparison.Ordinal)));

        using var read = await http.GetAsync(page);
        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
    }
}
