using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using AIWorkflows.App.Mail;
using AIWorkflows.App.Tests.Development;
using AIWorkflows.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace AIWorkflows.App.Tests.Mail;

public sealed class DevMailEndpointTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    private static readonly DateTimeOffset Now = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);

    private Task<WebApplication> DevelopmentApp() =>
        TestHost.StartAsync(Environments.Development, builder =>
        {
            builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Storage:ConnectionString"] = azurite.ConnectionString,
                ["Storage:TablePrefix"] = AzuriteFixture.NewTablePrefix(),
            });
            builder.Services.AddMail(builder.Configuration, builder.Environment);
        }, app => app.MapFunctions(typeof(DevMailFunctions)));

    private static async Task SendTwoAsync(WebApplication app)
    {
        var mailer = app.Services.GetRequiredService<IMailer>();
        await mailer.SendAsync(new MailMessage("m-1", "ana@city.example", "First", "one", "<p>one</p>",
            [new MailLink("Review", "http://127.0.0.1/tasks/t1")], Now), CancellationToken.None);
        await mailer.SendAsync(new MailMessage("m-2", "bo@city.example", "Second <b>", "two", "<p>two</p>",
            [new MailLink("Respond", "http://127.0.0.1/respond/t2")], Now.AddMinutes(1)), CancellationToken.None);
    }

    [Fact]
    public async Task ApiListsMailNewestFirst_WithLinks()
    {
        await using var app = await DevelopmentApp();
        await SendTwoAsync(app);

        var mails = await app.GetTestClient().GetFromJsonAsync<List<MailMessage>>("/api/dev/mail", JsonSerializerOptions.Web)
            ?? throw new InvalidOperationException("no body");

        Assert.Equal(["m-2", "m-1"], mails.Select(m => m.Id));
        Assert.Equal(new MailLink("Review", "http://127.0.0.1/tasks/t1"), Assert.Single(mails[1].Links));
        Assert.Equal(Now, mails[1].CreatedAt);
    }

    [Fact]
    public async Task PageShowsMailNewestFirst_WithEncodedTextAndRealAnchors()
    {
        await using var app = await DevelopmentApp();
        await SendTwoAsync(app);

        var response = await app.GetTestClient().GetAsync("/dev/mail");
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.True(html.IndexOf("Second", StringComparison.Ordinal) < html.IndexOf("First", StringComparison.Ordinal));
        Assert.Contains("Second &lt;b&gt;", html, StringComparison.Ordinal);
        Assert.Contains("<a href=\"http://127.0.0.1/respond/t2\">Respond</a>", html, StringComparison.Ordinal);
        Assert.Contains("default-src 'none'", response.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
    }
}
