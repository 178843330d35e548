using System.Collections.Concurrent;
using AIWorkflows.Testing.Mail;

namespace AIWorkflows.Bench;

/// <summary>
/// The listener's mails by the unique token in their subject (each load requester names its tool uniquely), parsed
/// once each as they arrive, so many clients can look for their own mail without re-reading every mail each time.
/// </summary>
internal sealed class MailIndex(SendGridListener sendGrid, Func<string, string?> tokenOf)
{
    private readonly ConcurrentDictionary<string, ConcurrentQueue<SentMail>> _byToken = new(StringComparer.Ordinal);
    private readonly Lock _reading = new();
    private int _read;

    public IReadOnlyList<SentMail> For(string token)
    {
        lock (_reading)
        {
            var all = sendGrid.Requests.ToArray();
            for (; _read < all.Length; _read++)
            {
                var mail = SentMail.From(_read, all[_read].Body);
                if (tokenOf(mail.Subject) is { } t) _byToken.GetOrAdd(t, _ => new()).Enqueue(mail);
            }
        }
        return _byToken.TryGetValue(token, out var mails) ? [.. mails] : [];
    }
}
