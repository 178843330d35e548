using Microsoft.Extensions.Options;
using SendGrid;
using SendGrid.Helpers.Mail;

namespace AIWorkflows.App.Mail;

/// <summary>Sends through SendGrid's v3 mail API with the official client.</summary>
public sealed partial class SendGridMailer(
    IHttpClientFactory httpClients, IOptions<SendGridOptions> options, ILogger<SendGridMailer> logger) : IMailer
{
    public const string HttpClientName = "SendGrid";

    /// <summary>Custom arg carrying <see cref="MailMessage.Id"/>, echoed in SendGrid's event webhook.</summary>
    public const string MessageIdArg = "message_id";

    private const int MaxDetailChars = 500;

    public async Task SendAsync(MailMessage message, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(message);
        var settings = options.Value;
        var client = new SendGridClient(httpClients.CreateClient(HttpClientName), new SendGridClientOptions
        {
            ApiKey = settings.ApiKey,
            Host = string.IsNullOrEmpty(settings.BaseUrl) ? "https://api.sendgrid.com" : settings.BaseUrl.TrimEnd('/'),
            // A refusal comes back as a response we turn into our own exception (status, no key);
            // no retries in here: the outbox owns retrying, with the same message id.
            HttpErrorAsException = false,
        });

        var mail = MailHelper.CreateSingleEmail(
            new EmailAddress(settings.FromEmail, settings.FromName), new EmailAddress(message.To),
            message.Subject, message.TextBody, message.HtmlBody);
        // Task links carry their signed token; click tracking would rewrite them through a tracker
        // domain (and its scanner would prefetch them), so it stays off. Open tracking adds a pixel
        // we have no use for.
        mail.SetClickTracking(enable: false, enableText: false);
        mail.SetOpenTracking(enable: false, substitutionTag: null);
        mail.CustomArgs = new Dictionary<string, string> { [MessageIdArg] = message.Id };

        var response = await client.SendEmailAsync(mail, ct);
        if (!response.IsSuccessStatusCode)
        {
            var detail = await response.Body.ReadAsStringAsync(ct);
            throw new MailDeliveryException(message.Id, response.StatusCode, Redact(detail, settings.ApiKey));
        }
        LogAccepted(logger, message.Id, (int)response.StatusCode);
    }

    // SendGrid's error bodies do not echo the key, but the exception ends up in logs, so be sure.
    private static string Redact(string detail, string? apiKey)
    {
        var text = string.IsNullOrEmpty(apiKey) ? detail : detail.Replace(apiKey, "[redacted]", StringComparison.Ordinal);
        return text.Length <= MaxDetailChars ? text : text[..MaxDetailChars];
    }

    // Recipients are personal data; the message id is enough to trace a mail.
    [LoggerMessage(Level = LogLevel.Information, Message = "Mail {MessageId} accepted by SendGrid (HTTP {Status})")]
    private static partial void LogAccepted(ILogger logger, string messageId, int status);
}
