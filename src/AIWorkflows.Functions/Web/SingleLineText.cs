using System.Text;

namespace AIWorkflows.App.Web;

/// <summary>
/// Names, addresses and titles are one line. They reach mail headers (a subject, a recipient), where a CR or LF
/// would start a header of the sender's choosing (<c>Bcc:</c>, ...): typed input holding any control character
/// (CR, LF, tab, NUL, NEL) or a Unicode line or paragraph separator is refused with a message by its field. Free
/// text (a purpose, comments) keeps its line breaks: it only ever reaches a mail's body.
/// </summary>
public static class SingleLineText
{
    public const string Refusal = "Use one line: remove line breaks and other control characters.";

    public static bool IsValid(string? value) => value is null || !value.Any(Breaks);

    /// <summary>
    /// Text that did not come from a form (an imported inventory, a stored value) made fit for a header:
    /// each run of control characters and line separators becomes one space.
    /// </summary>
    public static string Fold(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        if (IsValid(value)) return value;
        var folded = new StringBuilder(value.Length);
        foreach (var c in value)
        {
            if (!Breaks(c)) folded.Append(c);
            else if (folded.Length > 0 && folded[^1] != ' ') folded.Append(' ');
        }
        return folded.ToString().Trim();
    }

    private static bool Breaks(char c) => char.IsControl(c) || c is '\u2028' or '\u2029';
}
