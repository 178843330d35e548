using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;

namespace AIWorkflows.App.Mail;

/// <summary>
/// The dev mailbox as one small, accessible HTML page. Every value is HTML-encoded (mail
/// content comes from form input), and only http(s) or site-relative links become anchors,
/// so a <c>javascript:</c> URL in a mail is shown, not made clickable.
/// </summary>
public static class DevMailPage
{
    private static readonly HtmlEncoder Html = HtmlEncoder.Default;

    public static string Render(IReadOnlyList<MailMessage> mails)
    {
        ArgumentNullException.ThrowIfNull(mails);
        var page = new StringBuilder(1024);
        page.Append("""
            <!doctype html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>Development mail</title>
            </head>
            <body>
            <main>
            <h1>Development mail</h1>

            """);
        page.Append(CultureInfo.InvariantCulture, $"<p>{mails.Count} message(s), newest first. Nothing here was sent to anyone.</p>\n");
        for (var i = 0; i < mails.Count; i++)
            AppendMail(page, mails[i], i);
        page.Append("</main>\n</body>\n</html>\n");
        return page.ToString();
    }

    private static void AppendMail(StringBuilder page, MailMessage mail, int index)
    {
        var heading = $"mail-{index}";
        page.Append(CultureInfo.InvariantCulture, $"<article aria-labelledby=\"{heading}\">\n<h2 id=\"{heading}\">{E(mail.Subject)}</h2>\n");
        page.Append(CultureInfo.InvariantCulture, $"<dl>\n<dt>To</dt><dd>{E(mail.To)}</dd>\n");
        var created = mail.CreatedAt.ToString("O", CultureInfo.InvariantCulture);
        page.Append(CultureInfo.InvariantCulture, $"<dt>Created</dt><dd><time datetime=\"{E(created)}\">{E(created)}</time></dd>\n</dl>\n");
        page.Append(CultureInfo.InvariantCulture, $"<pre>{Lines(mail.TextBody)}</pre>\n");
        if (mail.Links.Count > 0)
        {
            page.Append("<h3>Links</h3>\n<ul>\n");
            foreach (var link in mail.Links)
            {
                page.Append(IsSafe(link.Url)
                    ? $"<li><a href=\"{E(link.Url)}\">{E(link.Label)}</a></li>\n"
                    : $"<li>{E(link.Label)}: {E(link.Url)}</li>\n");
            }
            page.Append("</ul>\n");
        }
        page.Append("</article>\n");
    }

    private static string E(string? value) => Html.Encode(value ?? "");

    // The encoder escapes line breaks too; keep them literal so the page source stays readable.
    private static string Lines(string text) =>
        string.Join('\n', text.ReplaceLineEndings("\n").Split('\n').Select(E));

    // Site-relative paths are checked first: on Unix "/tasks/x" also parses as an absolute file: URI.
    private static bool IsSafe(string url) =>
        url.StartsWith('/')
            ? !url.StartsWith("//", StringComparison.Ordinal) && !url.StartsWith("/\\", StringComparison.Ordinal)
            : Uri.TryCreate(url, UriKind.Absolute, out var absolute)
                && (absolute.Scheme == Uri.UriSchemeHttps || absolute.Scheme == Uri.UriSchemeHttp);
}
