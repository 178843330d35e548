using System.Text.Json;
using System.Text.RegularExpressions;
using AIWorkflows.Testing.Mail;

namespace AIWorkflows.Bench;

/// <summary>A mail as the SendGrid listener received it: recipient, subject, plain text and the links in it.</summary>
internal sealed partial record SentMail(int Seq, string To, string Subject, string Text)
{
    public static IReadOnlyList<SentMail> All(SendGridListener sendGrid) =>
        [.. sendGrid.Requests.Select((r, i) => From(i, r.Body))];

    public static SentMail From(int seq, JsonElement body)
    {
        var to = body.GetProperty("personalizations")[0].GetProperty("to")[0].GetProperty("email").GetString()!;
        var subject = body.TryGetProperty("subject", out var s) ? s.GetString()! : body.GetProperty("personalizations")[0].GetProperty("subject").GetString()!;
        var text = body.GetProperty("content").EnumerateArray().First(c => c.GetProperty("type").GetString() == "text/plain").GetProperty("value").GetString()!;
        return new SentMail(seq, to, subject, text);
    }

    /// <summary>The path and query of the link whose path contains <paramref name="part"/>.</summary>
    public string LinkPath(string part) =>
        Url().Matches(Text).Select(m => new Uri(m.Value)).First(u => u.AbsolutePath.Contains(part, StringComparison.Ordinal)).PathAndQuery;

    [GeneratedRegex(@"https?://[^\s<>""]+")]
    private static partial Regex Url();
}
