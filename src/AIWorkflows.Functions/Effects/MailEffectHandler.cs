using System.Collections.Concurrent;
using System.Text.Json;
using AIWorkflows.App.Mail;
using AIWorkflows.Storage.Effects;

namespace AIWorkflows.App.Effects;

/// <summary>Sends a mail composed at commit time; the message id travels with it so receivers can drop a repeat.</summary>
/// <remarks>
/// The engine delivers a step's activity at least once, and under load a step can even run twice at the same
/// time (an activity message sent twice when the queue write timed out and was retried): both copies would
/// send. So this process sends each message id once: a copy arriving while the first is on its way waits for
/// it, and one arriving after it was accepted is answered as sent. A send that failed may be tried again.
/// Another process (after a crash) can still send a copy; only the receiver can drop that one.
/// </remarks>
public sealed class MailEffectHandler(IMailer mailer) : IEffectHandler
{
    public const string KindName = "mail";

    // Enough to outlast any retry of a step (minutes), small enough to stay a few hundred kilobytes.
    private const int Remembered = 10_000;

    private readonly ConcurrentDictionary<string, Lazy<Task>> _sends = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<string> _order = new();

    public string Kind => KindName;

    // SendGrid accepts the same mail twice; only the receiver can drop the copy by its message id.
    public bool IsIdempotent => false;

    public async Task HandleAsync(string workflow, string instanceId, PendingEffect effect, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(effect);
        var message = JsonSerializer.Deserialize<MailMessage>(effect.Payload)
            ?? throw new InvalidOperationException($"Mail effect '{effect.Id}' has no message.");
        var send = new Lazy<Task>(() => mailer.SendAsync(message, CancellationToken.None));
        var first = _sends.GetOrAdd(message.Id, send);
        if (ReferenceEquals(first, send)) Remember(message.Id);
        try
        {
            await first.Value.WaitAsync(cancellationToken);
        }
        catch (Exception) when (first.Value.IsFaulted || first.Value.IsCanceled)
        {
            // Not sent: forget it, so the step's retry sends it.
            _sends.TryRemove(new KeyValuePair<string, Lazy<Task>>(message.Id, first));
            throw;
        }
    }

    private void Remember(string id)
    {
        _order.Enqueue(id);
        while (_order.Count > Remembered && _order.TryDequeue(out var oldest)) _sends.TryRemove(oldest, out _);
    }
}
