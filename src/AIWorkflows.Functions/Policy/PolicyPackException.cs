namespace AIWorkflows.App.Policy;

/// <summary>
/// A policy pack that cannot be used. The message is one line naming the file, the JSON path and
/// the rule broken, e.g. <c>workflows/baltimore.json: $.tiers[2].reviews[0].escalateTo: must be one
/// of the pack's roles (ai_officer, cio) (line 412, position 25)</c>, so a failed start-up says what to fix.
/// </summary>
public sealed class PolicyPackException : Exception
{
    public PolicyPackException(string file, string? jsonPath, string rule, int? line = null, int? position = null, Exception? inner = null)
        : base(Format(file, jsonPath, rule, line, position), inner)
    {
        File = file;
        JsonPath = jsonPath;
        Rule = rule;
        Line = line;
        Position = position;
    }

    public PolicyPackException() : this("policy pack", null, "is invalid") { }

    public PolicyPackException(string message) : this("policy pack", null, message) { }

    public PolicyPackException(string message, Exception inner) : this("policy pack", null, message, inner: inner) { }

    /// <summary>The pack file as the message names it, e.g. <c>workflows/baltimore.json</c>.</summary>
    public string File { get; }

    /// <summary>Where in the file, e.g. <c>$.tiers[2].reviews[0].escalateTo</c>; null when the file as a whole is at fault.</summary>
    public string? JsonPath { get; }

    public string Rule { get; }

    /// <summary>1-based line and position in the file, when known.</summary>
    public int? Line { get; }

    public int? Position { get; }

    private static string Format(string file, string? jsonPath, string rule, int? line, int? position)
    {
        var at = jsonPath is null ? "" : $" {jsonPath}:";
        var where = line is int l ? position is int p ? $" (line {l}, position {p})" : $" (line {l})" : "";
        return $"{file}:{at} {rule}{where}";
    }
}
