namespace AIWorkflows.App.Web.Pages;

public sealed record ChoiceOption(string Value, string Label, string? Hint = null);

/// <summary>A radio group in a fieldset whose legend is the question. The input ids are "{name}-{value}".</summary>
public sealed record ChoiceField(
    string Name, string Legend, string? Hint, IReadOnlyList<ChoiceOption> Options, string? Value, FormErrors Errors, bool Inline = false)
{
    public static readonly IReadOnlyList<ChoiceOption> YesNo = [new("true", "Yes"), new("false", "No")];

    public string Id => FormErrors.IdOf(Name);

    public static string FirstInputId(string name, IReadOnlyList<ChoiceOption> options) =>
        $"{FormErrors.IdOf(name)}-{(options.Count > 0 ? options[0].Value : "none")}";
}

/// <summary>
/// A labelled text input or textarea; the input's id is the field name with dots as dashes, or
/// <paramref name="FieldId"/> where one page has several forms with a field of the same name.
/// </summary>
public sealed record TextField(
    string Name, string Label, string? Hint, string? Value, FormErrors Errors,
    bool Multiline = false, string Type = "text", string? Autocomplete = null, int Rows = 5, bool Spellcheck = true, string? FieldId = null)
{
    public string Id => FieldId ?? FormErrors.IdOf(Name);
}
