using System.Text.Json;
using AIWorkflows.App.Mail;
using AIWorkflows.Storage.Effects;

namespace AIWorkflows.App.Effects;

/// <summary>Sends a mail composed at commit time; the message id travels with it so receivers can drop a repeat.</summary>
public sealed class MailEffectHandler(IMailer mailer) : IEffectHandler
{
    public const string KindName = "mail";

    public string Kind => KindName;

    // SendGrid accepts the same mail twice; only the receiver can drop the copy by its message id.
    public bool IsIdempotent => false;

    public Task HandleAsync(string workflow, string instanceId, PendingEffect effect, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(effect);
        var message = JsonSerializer.Deserialize<MailMessage>(effect.Payload)
            ?? throw new InvalidOperationException($"Mail effect '{effect.Id}' has no message.");
        return mailer.SendAsync(message, cancellationToken);
    }
}
