using System.Net;
using AIWorkflows.App.Tests.Fixtures;
using AIWorkflows.App.Tests.Inventory;
using AIWorkflows.App.Tests.Security;
using AIWorkflows.Testing;

namespace AIWorkflows.App.Tests.Pages;

/// <summary>
/// A page's form post is checked for antiforgery in the function itself (no middleware in Azure): without the
/// token, or with another user's, it is refused with a 400 page that says what to do, and nothing is done.
/// </summary>
[Collection(OnAzurite.Name)]
public class PageFormsTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task AFeedbackPost_WithoutItsAntiforgeryToken_IsA400Page_AndSendsNothing()
    {
        await using var app = new AIWorkflowsApp(azurite);
        var tool = await app.RegisterAsync(RegisterFixtures.Profile("tool-permits"));
        using var http = app.Http();

        using var forged = await http.PostAsync(new Uri($"/inventory/{tool.ToolId}", UriKind.Relative),
            new FormUrlEncodedContent([new("comment", "Sent from another site")]));

        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        Assert.Equal("text/html", forged.Content.Headers.ContentType!.MediaType);
        Assert.Contains("This form could not be accepted", await forged.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Null(SecurityHeadersTests.Missing(forged));
        Assert.DoesNotContain(await http.MailAsync(), m => m.Subject.Contains("Public feedback", StringComparison.Ordinal));
    }

    [Fact]
    public async Task AnImport_WithATokenIssuedToSomeoneElse_IsRefused_BeforeAnythingIsImported()
    {
        await using var app = new AIWorkflowsApp(azurite);
        var (cookie, token) = await SecurityWorld.AntiforgeryAsync(app, null); // an anonymous visitor's form
        using var officer = app.As("aio@cityofsacramento.example; ai_officer");
        using var request = new HttpRequestMessage(HttpMethod.Post, "/inventory/import")
        {
            Content = new MultipartFormDataContent
            {
                { new StringContent("use_case_name,use_case_id\r\nChatbot,UC-1\r\n"), "file", "inventory.csv" },
                { new StringContent(token), "__RequestVerificationToken" },
            },
        };
        request.Headers.Add("Cookie", cookie);

        using var refused = await officer.SendAsync(request);

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("This form could not be accepted", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var register = System.Text.Json.Nodes.JsonNode.Parse(await officer.GetStringAsync(new Uri("/api/inventory", UriKind.Relative)))!;
        Assert.Equal(0, (int)register["total"]!);
    }
}
