
namespace AIWorkflows.App.Web.Pages;

/// <summary>
/// The service's errors (keyed by field name, e.g. "toolName", "answers.q1") laid out for a form:
/// a summary that links to each field in page order, and a message next to each field that the
/// field names in its aria-describedby.
/// </summary>
public sealed class FormErrors
{
    private readonly IReadOnlyDictionary<string, string[]> _errors;
    private readonly IReadOnlyList<string> _order;
    private readonly Func<string, string> _target;

    /// <param name="errors">Messages by field name.</param>
    /// <param name="order">Field names in the order the form shows them.</param>
    /// <param name="target">The id of the input a summary link focuses (the first radio of a group).</param>
    public FormErrors(IReadOnlyDictionary<string, string[]>? errors, IReadOnlyList<string> order, Func<string, string>? target = null)
    {
        _errors = errors ?? new Dictionary<string, string[]>();
        _order = order;
        _target = target ?? IdOf;
    }

    public static FormErrors None { get; } = new(null, []);

    public bool Any => _errors.Count > 0;

    public int Count => _errors.Count;

    public bool Has(string field) => _errors.ContainsKey(field);

    /// <summary>An HTML id for a field name: "answers.q1" becomes "answers-q1".</summary>
    public static string IdOf(string field) => field.Replace('.', '-');

    public static string ErrorIdOf(string field) => IdOf(field) + "-error";

    public IEnumerable<(string Target, string Message)> Summary =>
        _errors
            .OrderBy(e => _order.IndexOf(e.Key) is var i and >= 0 ? i : int.MaxValue)
            .Select(e => (_order.IndexOf(e.Key) >= 0 ? _target(e.Key) : "form-start", string.Join(" ", e.Value)));

    /// <summary>Attribute value for aria-describedby: the hint and, if any, the error. Null omits the attribute.</summary>
    public string? DescribedBy(string field, string? hintId = null)
    {
        var ids = new[] { hintId, Has(field) ? ErrorIdOf(field) : null }.Where(id => id is not null);
        var value = string.Join(" ", ids);
        return value.Length == 0 ? null : value;
    }

    /// <summary>The field's messages as one text, or null when it has none (a component renders it next to the field).</summary>
    public string? MessageOf(string field) => _errors.TryGetValue(field, out var messages) ? string.Join(" ", messages) : null;

    public string GroupClass(string field) => Has(field) ? "field field--error" : "field";

    public string? InputClass(string field) => Has(field) ? "input--error" : null;

}

internal static class ListExtensions
{
    public static int IndexOf(this IReadOnlyList<string> list, string value)
    {
        for (var i = 0; i < list.Count; i++)
            if (string.Equals(list[i], value, StringComparison.Ordinal)) return i;
        return -1;
    }
}
