using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using AIWorkflows.App.Mail;

namespace AIWorkflows.App.ToolApprovals;

/// <summary>
/// Builds one email as plain text and as encoded HTML from the same parts, so the two never say
/// different things and nothing a requester typed reaches the HTML unencoded.
/// </summary>
public sealed class MailComposer(string id, string to, string subject, DateTimeOffset createdAt)
{
    private readonly List<(string Kind, string Text, string? Url)> _parts = [];

    public MailComposer Para(string text) { _parts.Add(("p", text, null)); return this; }

    public MailComposer Field(string label, string value) { _parts.Add(("f", $"{label}: {value}", null)); return this; }

    public MailComposer Link(string label, string url) { _parts.Add(("a", label, url)); return this; }

    public MailMessage Build()
    {
        var text = new StringBuilder();
        var html = new StringBuilder("<!DOCTYPE html><html lang=\"en\"><body style=\"font-family:sans-serif;line-height:1.5\">");
        var enc = HtmlEncoder.Default;
        foreach (var (kind, body, url) in _parts)
        {
            switch (kind)
            {
                case "a":
                    text.Append(body).Append(": ").AppendLine(url).AppendLine();
                    html.Append(CultureInfo.InvariantCulture, $"<p><a href=\"{enc.Encode(url!)}\">{enc.Encode(body)}</a></p>");
                    break;
                case "f":
                    text.AppendLine(body);
                    html.Append(CultureInfo.InvariantCulture, $"<div>{enc.Encode(body)}</div>");
                    break;
                default:
                    text.AppendLine().AppendLine(body).AppendLine();
                    html.Append(CultureInfo.InvariantCulture, $"<p>{enc.Encode(body).Replace("&#xA;", "<br>", StringComparison.Ordinal)}</p>");
                    break;
            }
        }
        html.Append("</body></html>");
        var links = _parts.Where(p => p.Kind == "a").Select(p => new MailLink(p.Text, p.Url!)).ToList();
        // The last guard for the headers: whatever a stored value holds, the subject and recipient are one line each.
        return new MailMessage(id, Web.SingleLineText.Fold(to), Web.SingleLineText.Fold(subject), text.ToString().Trim() + "\n", html.ToString(), links, createdAt);
    }
}
