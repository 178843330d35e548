namespace AIWorkflows.App.Records;

/// <summary>What a records operation gives back: a value, or a problem a person or the API can explain.</summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Design", "CA1000", Justification = "The conversion from a problem is what keeps the service's returns short.")]
public sealed record RecordResult<T>(T? Value, RecordProblem? Problem)
{
    public static implicit operator RecordResult<T>(RecordProblem problem) => new(default, problem);

    public static RecordResult<T> Ok(T value) => new(value, null);
}

public sealed record RecordProblem(int Status, string Title, string Detail, IReadOnlyDictionary<string, string[]>? Errors = null)
{
    public static RecordProblem NotFound(string id) => new(StatusCodes.Status404NotFound, "No such record", $"There is no record '{Clip(id)}'.");

    public static RecordProblem Invalid(string field, string message) =>
        new(StatusCodes.Status400BadRequest, "The request has errors", message, new Dictionary<string, string[]> { [field] = [message] });

    public static string Clip(string s) => s.Length > 80 ? s[..80] + "…" : s;
}
