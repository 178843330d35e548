using AIWorkflows.App.Web.Pages;
using AIWorkflows.Domain.Policy;
using AIWorkflows.Storage.Records;

namespace AIWorkflows.App.Records.Pages;

/// <summary>
/// <c>/records</c>: the search form as sent, the records found once searched, the forms' errors, and what the
/// last form did (a tool placed on hold).
/// </summary>
public sealed record SearchView(
    PolicyPack Pack, IReadOnlyDictionary<string, string?> Query, IReadOnlyList<RecordEntry>? Results, FormErrors Errors, string? Message = null)
{
    public static IReadOnlyList<string> Fields { get; } = ["toolId", "recordClass", "department", "from", "to", "q", "status"];

    public static IReadOnlyList<string> ToolHoldFields { get; } = ["holdToolId", "holdReason"];

    public static IReadOnlyList<string> ExportFields { get; } = ["recordIds", "reference"];

    public string? Q(string field) => Query.TryGetValue(field, out var v) ? v : null;
}

/// <summary>
/// <c>/records/{id}</c>: a record's metadata, files, holds and history, with the hold, release and disposition
/// forms; <see cref="Posted"/> names the form that was sent ("hold", "release-{holdId}", "disposition"): only it shows the errors.
/// </summary>
public sealed record RecordPageView(RecordDetails Details, FormErrors Errors, string? Posted = null, string? Message = null)
{
    public static IReadOnlyList<string> Fields { get; } = ["reason", "decision", "until"];

    public static IReadOnlyList<ChoiceOption> Decisions { get; } = [new("dispose", "Dispose of it"), new("extend", "Keep it until a later date")];

    /// <summary>Each form's reason field has its own id, so labels, error links and messages point at the right one.</summary>
    public static string ReasonId(string form) => form == "hold" ? "reason" : $"{form}-reason";

    public FormErrors ErrorsFor(string form) => Posted == form ? Errors : FormErrors.None;

    /// <summary>A refused form's errors: by field when the service names them, otherwise the problem at the top of the form.</summary>
    public static FormErrors ErrorsOf(RecordProblem problem, string posted)
    {
        ArgumentNullException.ThrowIfNull(problem);
        var errors = problem.Errors ?? new Dictionary<string, string[]> { ["form"] = [$"{problem.Title}. {problem.Detail}"] };
        return new FormErrors(errors, Fields, field => field switch
        {
            "reason" => ReasonId(posted),
            "decision" => ChoiceField.FirstInputId("decision", Decisions),
            _ => FormErrors.IdOf(field),
        });
    }
}

/// <summary><c>/records/reviews</c>: records whose retention ended and that are on no hold, oldest end first.</summary>
public sealed record ReviewsView(IReadOnlyList<RecordEntry> Due);

/// <summary><c>/records/access-log</c>: who searched, read, downloaded, exported or was refused, newest first.</summary>
public sealed record AccessLogView(IReadOnlyList<AccessLogEntry> Entries, string? RecordId);
