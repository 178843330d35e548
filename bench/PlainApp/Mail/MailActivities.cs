using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Options;
using SendGrid;
using SendGrid.Helpers.Mail;

namespace PlainApp.Mail;

/// <summary>A mail to send, one activity call per mail; its link is a path of this app (the activity knows the app's address, an orchestrator reads no settings).</summary>
public sealed record PlainMail(string To, string Subject, string Text, string? LinkPath = null);

/// <summary>Sends one mail through SendGrid's v3 API with the official client.</summary>
public sealed class MailActivities(ISendGridClient sendGrid, IOptions<SendGridSettings> settings, IOptions<PlainOptions> app)
{
    [Function(nameof(SendMail))]
    public async Task SendMail([ActivityTrigger] PlainMail mail, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(mail);
        var text = mail.LinkPath is null ? mail.Text : $"{mail.Text}\n\n{new Uri(new Uri(app.Value.BaseUrl), mail.LinkPath)}";
        var message = MailHelper.CreateSingleEmail(new EmailAddress(settings.Value.FromEmail), new EmailAddress(mail.To), mail.Subject, text, null);
        var response = await sendGrid.SendEmailAsync(message, ct);
        // A refused mail fails the activity, and the orchestration with it: no retry policy in a first version.
        if (!response.IsSuccessStatusCode) throw new InvalidOperationException($"SendGrid answered {(int)response.StatusCode}.");
    }
}

public sealed class SendGridSettings
{
    public string ApiKey { get; set; } = "";

    public string FromEmail { get; set; } = "ai-governance@city.example";

    /// <summary>SendGrid's API, or a local listener in the bench.</summary>
    public string BaseUrl { get; set; } = "https://api.sendgrid.com";
}

public static class MailServiceCollectionExtensions
{
    public static IServiceCollection AddPlainMail(this IServiceCollection services, IConfiguration config)
    {
        services.Configure<SendGridSettings>(config.GetSection("SendGrid"));
        services.AddSingleton<ISendGridClient>(sp =>
        {
            var s = sp.GetRequiredService<IOptions<SendGridSettings>>().Value;
            return new SendGridClient(new SendGridClientOptions { ApiKey = s.ApiKey, Host = s.BaseUrl.TrimEnd('/') });
        });
        return services;
    }
}
