using AIWorkflows.App.Inventory;
using AIWorkflows.App.Web.Pages;
using AIWorkflows.Domain.Policy;
using AIWorkflows.Domain.Reassessments;
using static AIWorkflows.App.Reassessments.ToolLifecycleService;

namespace AIWorkflows.App.Reassessments.Pages;

/// <summary>
/// <c>/incidents/new</c>: the tools that can be reported, the pack's kinds of incident, the form as sent and its errors,
/// and who reports (the signed-in employee, or null: someone not signed in, whose report is triaged first).
/// </summary>
public sealed record NewIncidentView(
    IReadOnlyList<InventoryEntry> Tools, IReadOnlyList<ChoiceOption> KindOptions, IncidentInput Form, FormErrors Errors, string? SignedInAs)
{
    public static IReadOnlyList<string> Order { get; } = ["toolId", "reporterEmail", "supervisorEmail", "severity", "kind", "description"];

    public static IReadOnlyList<ChoiceOption> SeverityOptions { get; } =
    [
        new("low", "Low", "A minor problem that was caught in time: an odd or wrong result that no one relied on."),
        new("medium", "Medium", "Wrong or unfair results reached a piece of work, or the tool keeps failing, but no one was harmed."),
        new("high", "High", "People or their information were harmed or put at risk, for example a wrong decision about someone or data exposed. The tool is suspended at once."),
        new("critical", "Critical", "Serious or continuing harm, such as a data breach or unsafe results in use now. Stop using the tool now: it is suspended at once."),
    ];

    /// <summary>
    /// The pack's kinds of incident (Sacramento VI.A.6: cybersecurity, which reaches the ISO), and "something else";
    /// empty when the pack names none, and then the form does not ask.
    /// </summary>
    public static IReadOnlyList<ChoiceOption> KindsOf(PolicyPack pack)
    {
        ArgumentNullException.ThrowIfNull(pack);
        return pack.IncidentKinds is { Count: > 0 } kinds ? [.. kinds.Select(k => new ChoiceOption(k.Id, k.Label, k.Hint)), new("", "Something else, or not sure")] : [];
    }

    /// <summary>Errors in the form's order; the summary's links for the radio groups focus their first radio.</summary>
    public static FormErrors ErrorsOf(Dictionary<string, string[]> errors, IReadOnlyList<ChoiceOption> kinds) =>
        new(errors, Order, f => f switch
        {
            "severity" => ChoiceField.FirstInputId(f, SeverityOptions),
            "kind" => ChoiceField.FirstInputId(f, kinds),
            _ => FormErrors.IdOf(f),
        });
}

/// <summary>
/// <c>/incidents/{toolId}/{incidentId}</c>: the confirmation after a report, from what the tool's own record holds
/// (the incident id, severity, time, the tool's status), never the report's text.
/// </summary>
public sealed record IncidentReportedView(ToolProfile Tool, IncidentNote Incident, string Status)
{
    /// <summary>Where a report held for triage stands, in words.</summary>
    public string TriageWords => Incident.Status switch
    {
        "awaiting_triage" => "Waiting for the AI officer to confirm it",
        "confirmed" => "Confirmed by the AI officer",
        "dismissed" => "Dismissed by the AI officer",
        _ => "Acted on as reported",
    };
}

/// <summary>
/// <c>/triage/{token}</c>: the report the link may triage (<see cref="Access"/>), the answer recorded (<see cref="Recorded"/>),
/// or why the link is refused (<see cref="Problem"/>); the answer as sent and its errors.
/// </summary>
public sealed record TriageView(
    TriageAccess.Granted? Access, TriageAccess.Recorded? Recorded, ProblemView? Problem, FormErrors Errors,
    string? Decision = null, string? Comments = null)
{
    public static IReadOnlyList<string> Order { get; } = ["decision", "comments"];

    public static IReadOnlyList<ChoiceOption> Decisions { get; } =
    [
        new("confirm", "Confirm the report", "It is acted on as the policy says: a high or critical incident suspends the tool at once and opens its re-assessment; a lower one brings the next re-assessment forward. The reporter's supervisor and the CIO are told."),
        new("dismiss", "Dismiss the report", "Nothing about the tool changes. The report and your reasons are kept as a record."),
    ];

    /// <summary>The refusal's status (404 forged, 409 answered otherwise, 410 expired or gone), 400 for errors by field, otherwise 200.</summary>
    public int Status => Problem?.Status ?? (Errors.Any ? StatusCodes.Status400BadRequest : StatusCodes.Status200OK);

    public static TriageView Of(TriageAccess access) => access switch
    {
        TriageAccess.Refused r => new(null, null, new ProblemView(r.Status, r.Title, r.Detail), FormErrors.None),
        TriageAccess.Granted g => new(g, null, null, FormErrors.None),
        TriageAccess.Recorded r => new(null, r, null, FormErrors.None),
        _ => throw new InvalidOperationException("Unknown triage access."),
    };

    /// <summary>The page after a post: recorded, refused, or the form again with its errors beside the fields.</summary>
    public static TriageView After(Dictionary<string, string[]> errors, TriageAccess access, string? decision, string? comments)
    {
        ArgumentNullException.ThrowIfNull(errors);
        var view = Of(access) with { Decision = decision, Comments = comments };
        return errors.Count == 0 ? view
            : view with { Errors = new FormErrors(errors, Order, f => f == "decision" ? ChoiceField.FirstInputId(f, Decisions) : f) };
    }
}
