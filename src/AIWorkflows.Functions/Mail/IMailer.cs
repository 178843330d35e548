namespace AIWorkflows.App.Mail;

/// <summary>
/// Sends one mail. Throws when the mail was not accepted, so the outbox keeps the effect and
/// retries; implementations are idempotent by <see cref="MailMessage.Id"/> where they can be.
/// </summary>
public interface IMailer
{
    Task SendAsync(MailMessage message, CancellationToken ct);
}
