using AIWorkflows.App.Inventory;
using AIWorkflows.App.Web.Pages;
using static AIWorkflows.App.AccessGrants.AccessGrantService;

namespace AIWorkflows.App.AccessGrants.Pages;

/// <summary>
/// <c>/access/new</c>: the tools in service and the departments to choose from, the form as sent and its errors; or,
/// once asked, where the request stands (<see cref="Result"/>), and whether it was asked before.
/// </summary>
public sealed record NewAccessView(
    IReadOnlyList<InventoryEntry> Tools, IReadOnlyList<string> Departments, RequestInput Form, FormErrors Errors,
    AccessGrantView? Result = null, bool AlreadyAsked = false)
{
    public static IReadOnlyList<string> Order { get; } = ["toolId", "employeeEmail", "department"];
}

/// <summary>
/// An emailed link's page (sign, consent, grant): the grant the link may act on (<see cref="Access"/>), what its post
/// did (<see cref="Done"/>), or why it is refused (<see cref="Problem"/>, with the grant when there is one to show);
/// the answer as sent and its errors.
/// </summary>
public sealed record AccessLinkView(
    LinkAccess.Granted? Access, AccessGrantView? Done, ProblemView? Problem, AccessGrantView? Grant, FormErrors Errors,
    string? Decision = null, string? Comments = null)
{
    public static IReadOnlyList<string> ConsentOrder { get; } = ["decision", "comments"];

    public static IReadOnlyList<ChoiceOption> ConsentDecisions { get; } =
    [
        new("consent", "Consent", "The employee may use the tool once trained and once the agreement is signed."),
        new("refuse", "Refuse", "The request is closed; the employee is told your reasons."),
    ];

    public static IReadOnlyList<string> GrantOrder { get; } = ["decision", "note"];

    public static IReadOnlyList<ChoiceOption> GrantDecisions { get; } =
    [
        new("grant", "Grant access", "The employee may use the tool from now on; IT's list and CSV include them."),
        new("refuse", "Refuse", "The request is closed; the employee is told your reasons."),
    ];

    /// <summary>The refusal's status (404 forged, 409 not ready, 410 spent), 400 for errors by field, otherwise 200.</summary>
    public int Status => Problem?.Status ?? (Errors.Any ? StatusCodes.Status400BadRequest : StatusCodes.Status200OK);

    /// <summary>What a link opens: the form, or why not.</summary>
    public static AccessLinkView Of(LinkAccess access) => access switch
    {
        LinkAccess.Refused r => new(null, null, new ProblemView(r.Status, r.Title, r.Detail), r.Grant, FormErrors.None),
        LinkAccess.Granted g => new(g, null, null, null, FormErrors.None),
        _ => throw new InvalidOperationException("Unknown link access."),
    };

    /// <summary>The page after a post: done, the form again with its errors beside the fields, or refused.</summary>
    public static AccessLinkView After(ActResult result, Func<Dictionary<string, string[]>, FormErrors> errors, string? decision = null, string? comments = null)
    {
        ArgumentNullException.ThrowIfNull(errors);
        return result switch
        {
            ActResult.Done d => new(null, d.Grant, null, null, FormErrors.None),
            ActResult.Invalid i => Of(i.Access) with { Errors = errors(i.Errors), Decision = decision, Comments = comments },
            ActResult.Refused r => Of(r.Why),
            _ => throw new InvalidOperationException("Unknown result."),
        };
    }

    /// <summary>Errors in the form's order; the summary's link for the decision focuses its first radio.</summary>
    public static FormErrors ErrorsOf(Dictionary<string, string[]> errors, IReadOnlyList<string> order, IReadOnlyList<ChoiceOption> decisions) =>
        new(errors, order, f => f == "decision" ? ChoiceField.FirstInputId(f, decisions) : f);
}

/// <summary>
/// <c>/training</c>: the completion form as sent and its errors, and what the last post did: a completion recorded
/// (<see cref="Recorded"/>) or an export imported (<see cref="Report"/>).
/// </summary>
public sealed record TrainingView(TrainingService.CompletionInput Form, FormErrors Errors, TrainingService.Recorded? Recorded = null, TrainingImportReport? Report = null)
{
    public static IReadOnlyList<string> Order { get; } = ["employeeEmail", "courseId", "completedOn", "file"];

    public static TrainingView Empty { get; } = new(new TrainingService.CompletionInput(null, null, null), FormErrors.None);

    public static TrainingView Invalid(TrainingService.CompletionInput form, Dictionary<string, string[]> errors) => new(form, new FormErrors(errors, Order));
}
