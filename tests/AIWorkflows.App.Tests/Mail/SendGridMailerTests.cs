using System.Net;
using System.Text.Json;
using AIWorkflows.App.Mail;
using AIWorkflows.Testing.Mail;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Moq;

namespace AIWorkflows.App.Tests.Mail;

public sealed class SendGridMailerTests : IAsyncLifetime
{
    private const string ApiKey = "SG.test-key-never-logged";
    private const string TaskLink = "https://aiworkflows.city.example/tasks/AQAAAABpZG9uLXRva2Vu";
    private SendGridListener _sendGrid = null!;
    private ServiceProvider _services = null!;

    public async Task InitializeAsync()
    {
        _sendGrid = await SendGridListener.StartAsync();
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["SendGrid:ApiKey"] = ApiKey,
            ["SendGrid:FromEmail"] = "ai-governance@city.example",
            ["SendGrid:FromName"] = "City AI Governance",
            ["SendGrid:BaseUrl"] = _sendGrid.BaseUrl,
        }).Build();
        var environment = Mock.Of<IHostEnvironment>(e => e.EnvironmentName == Environments.Production);
        _services = new ServiceCollection().AddLogging().AddMail(configuration, environment).BuildServiceProvider();
    }

    public async Task DisposeAsync()
    {
        await _services.DisposeAsync();
        await _sendGrid.DisposeAsync();
    }

    private static MailMessage ReviewMail(string id = "out-0001") => new(
        id,
        "jane.doe@city.example",
        "Review requested: CaseNotes Assistant",
        $"Please review the request.\n\nReview: {TaskLink}\n",
        $"<p>Please review the request.</p><p><a href=\"{TaskLink}\">Review</a></p>",
        [new MailLink("Review", TaskLink)],
        new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero));

    [Fact]
    public async Task WithAnApiKey_TheMailerIsSendGrid_AndItPostsTheV3Payload()
    {
        var mailer = _services.GetRequiredService<IMailer>();
        Assert.IsType<SendGridMailer>(mailer);

        await mailer.SendAsync(ReviewMail(), CancellationToken.None);

        var request = Assert.Single(_sendGrid.Requests);
        Assert.Equal("/v3/mail/send", request.Path);
        Assert.Equal($"Bearer {ApiKey}", request.Authorization);
        var body = request.Body;
        var personalization = body.GetProperty("personalizations")[0];
        Assert.Equal("jane.doe@city.example", personalization.GetProperty("to")[0].GetProperty("email").GetString());
        Assert.Equal("Review requested: CaseNotes Assistant", Subject(body));
        Assert.Equal("ai-governance@city.example", body.GetProperty("from").GetProperty("email").GetString());
        Assert.All(body.GetProperty("content").EnumerateArray(), c => Assert.Contains(TaskLink, c.GetProperty("value").GetString(), StringComparison.Ordinal));
        var tracking = body.GetProperty("tracking_settings");
        Assert.False(tracking.GetProperty("click_tracking").GetProperty("enable").GetBoolean());
        Assert.False(tracking.GetProperty("click_tracking").GetProperty("enable_text").GetBoolean());
        Assert.False(tracking.GetProperty("open_tracking").GetProperty("enable").GetBoolean());
        Assert.Equal("out-0001", body.GetProperty("custom_args").GetProperty(SendGridMailer.MessageIdArg).GetString());
    }

    [Theory]
    [InlineData(500)]
    [InlineData(429)]
    [InlineData(401)]
    public async Task ANon2xxAnswerRaises_WithTheStatus_OnceWithoutRetrying_AndWithoutTheKey(int status)
    {
        _sendGrid.Status = status;
        _sendGrid.ErrorBody = $$"""{"errors":[{"message":"bad key {{ApiKey}}"}]}""";
        var mailer = _services.GetRequiredService<IMailer>();

        var failure = await Assert.ThrowsAsync<MailDeliveryException>(() => mailer.SendAsync(ReviewMail(), CancellationToken.None));

        Assert.Equal((HttpStatusCode)status, failure.StatusCode);
        Assert.Equal("out-0001", failure.MessageId);
        Assert.Contains(status.ToString(System.Globalization.CultureInfo.InvariantCulture), failure.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(ApiKey, failure.ToString(), StringComparison.Ordinal);
        Assert.Single(_sendGrid.Requests);
    }

    private static string? Subject(JsonElement body) =>
        body.TryGetProperty("subject", out var subject)
            ? subject.GetString()
            : body.GetProperty("personalizations")[0].GetProperty("subject").GetString();
}
