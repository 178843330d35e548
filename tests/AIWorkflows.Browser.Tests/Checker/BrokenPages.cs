namespace AIWorkflows.Browser.Tests.Checker;

/// <summary>
/// A small form page served to the browser in place of the app, correct or broken on purpose, so the
/// checks can be shown to fail on what they claim to catch.
/// </summary>
public static class BrokenPages
{
    public const string Origin = "http://checker.invalid"; // .invalid never resolves: only the test's route answers

    public static string Form(bool labelled = true) => Page("Tool details", summary: "", nameField: labelled
        ? """<label for="toolName">Name of the tool</label><input id="toolName" name="toolName">"""
        : """<p>Name of the tool</p><input id="toolName" name="toolName">""");

    /// <summary>The form sent back with "Enter the tool name." in one of the ways listed in <see cref="Variants"/>.</summary>
    public static string WithError(string variant)
    {
        const string message = """<p id="toolName-error" class="error">Error: Enter the tool name.</p>""";
        const string input = """<input id="toolName" name="toolName" aria-invalid="true" aria-describedby="toolName-error">""";
        const string summary = """<div role="alert"><h2>There is a problem</h2><ul><li><a href="#toolName">Enter the tool name.</a></li></ul></div>""";
        const string label = """<label for="toolName">Name of the tool</label>""";
        return variant switch
        {
            "correct" => Page("Error: Tool details", summary, label + message + input),
            "no message by the field" => Page("Error: Tool details", summary, label + """<input id="toolName" name="toolName" aria-invalid="true">"""),
            "message not tied to the field" => Page("Error: Tool details", summary, label + message + """<input id="toolName" name="toolName" aria-invalid="true">"""),
            "message below another field" => Page("Error: Tool details", summary, label + input, afterVendor: message),
            "no error summary" => Page("Error: Tool details", "", label + message + input),
            "title without Error:" => Page("Tool details", summary, label + message + input),
            _ => throw new ArgumentOutOfRangeException(nameof(variant), variant, null),
        };
    }

    /// <summary>Each broken way, and what the check must say about it.</summary>
    public static TheoryData<string, string> Variants { get; } = new()
    {
        { "no message by the field", "toolName has no visible error message tied to it" },
        { "message not tied to the field", "toolName has no visible error message tied to it" },
        { "message below another field", "toolName's error message is not next to it" },
        { "no error summary", "there is no error summary" },
        { "title without Error:", "does not start with \"Error:\"" },
    };

    private static string Page(string title, string summary, string nameField, string afterVendor = "") => $$"""
        <!DOCTYPE html>
        <html lang="en"><head><meta charset="utf-8"><title>{{title}}</title></head>
        <body><main><h1>Tool details</h1>
        {{summary}}
        <form method="post" action="/tool">
          <div>{{nameField}}</div>
          <div><label for="vendor">Vendor</label><input id="vendor" name="vendor" value="Acme AI"></div>
          {{afterVendor}}
          <button type="submit">Send</button>
        </form></main></body></html>
        """;
}
