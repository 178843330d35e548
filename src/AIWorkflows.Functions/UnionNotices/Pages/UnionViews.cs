using AIWorkflows.App.Inventory;
using AIWorkflows.App.Web.Pages;
using AIWorkflows.Domain.Policy;
using static AIWorkflows.App.UnionNotices.UnionNoticeService;

namespace AIWorkflows.App.UnionNotices.Pages;

/// <summary>
/// <c>/union/{token}</c>: the notice the organization's link may answer (<see cref="Access"/>), the answer recorded
/// (<see cref="Done"/>), or why the link is refused (<see cref="Problem"/>); the answer as sent and its errors.
/// </summary>
public sealed record UnionAnswerPageView(LinkAccess.Granted? Access, AnswerResult.Done? Done, ProblemView? Problem, FormErrors Errors, AnswerInput Input)
{
    public static IReadOnlyList<string> Order { get; } = ["answer", "name", "comments"];

    private static readonly ChoiceOption Waive = new("waive", "Waive", "The organization does not ask to meet and confer on this tool.");

    private static readonly ChoiceOption MeetAndConfer =
        new("meet_and_confer", "Request to meet and confer", "Labor relations opens a case and arranges meetings on the impacts on working conditions.");

    /// <summary>Once silence was deemed a waiver, the organization can only request to meet and confer.</summary>
    public IReadOnlyList<ChoiceOption> Answers => AnswersFor(Access);

    /// <summary>The refusal's status (404 forged, 410 expired or spent), 400 for errors by field, otherwise 200.</summary>
    public int Status => Problem?.Status ?? (Errors.Any ? StatusCodes.Status400BadRequest : StatusCodes.Status200OK);

    private static IReadOnlyList<ChoiceOption> AnswersFor(LinkAccess.Granted? access) => access is { CanWaive: false } ? [MeetAndConfer] : [Waive, MeetAndConfer];

    /// <summary>What the link opens: the notice to answer, or why not.</summary>
    public static UnionAnswerPageView Of(LinkAccess access, AnswerInput? input = null) => access switch
    {
        LinkAccess.Granted g => new(g, null, null, FormErrors.None, input ?? Blank),
        // A notice on a tool that no request noticed has no request to point to.
        LinkAccess.Refused r => new(null, null, new ProblemView(r.Status, r.Title, r.Detail, r.Notice?.RequestId is { Length: > 0 } id ? id : null), FormErrors.None, input ?? Blank),
        _ => throw new InvalidOperationException("Unknown link access."),
    };

    /// <summary>The page after a post: recorded, refused, or the form again with its errors beside the fields.</summary>
    public static UnionAnswerPageView After(AnswerResult result, AnswerInput input) => result switch
    {
        AnswerResult.Done done => new(null, done, null, FormErrors.None, input),
        AnswerResult.Invalid invalid when Of(invalid.Access, input) is { Problem: null } form =>
            form with { Errors = new FormErrors(invalid.Errors, Order, f => f == "answer" ? ChoiceField.FirstInputId(f, AnswersFor(form.Access)) : f) },
        AnswerResult.Invalid invalid => Of(invalid.Access, input),
        AnswerResult.Refused refused => Of(refused.Why, input),
        _ => throw new InvalidOperationException("Unknown answer result."),
    };

    private static AnswerInput Blank { get; } = new(null, null, null);
}

/// <summary>
/// <c>/union-cases</c>: the registered tools labor relations may notice, the organizations, the tools whose impact on
/// working conditions is unknown, and what the last form did (a message, the notice it opened) or its errors.
/// </summary>
public sealed record UnionCasesPageView(
    IReadOnlyList<InventoryEntry> Tools, IReadOnlyList<ChoiceOption> Organizations, IReadOnlyList<UnclassifiedTool> Unclassified,
    FormErrors Errors, string? Message = null, string? NoticeId = null)
{
    public static IReadOnlyList<string> Order { get; } = ["toolId", "impact", "organizationIds"];

    public static IReadOnlyList<ChoiceOption> OrganizationsOf(PolicyPack pack)
    {
        ArgumentNullException.ThrowIfNull(pack);
        return [.. (pack.Union?.Organizations ?? []).Select(o => new ChoiceOption(o.Id, o.Name, null))];
    }
}

/// <summary>
/// <c>/union-cases/{noticeId}</c>: labor relations' view of a notice, what the last form did (<see cref="Message"/>),
/// the errors of the meeting or the conclusion form, and the values sent with them.
/// </summary>
public sealed record UnionCasePageView(
    UnionNoticeView Notice, string? Message, FormErrors MeetingErrors, FormErrors ConclusionErrors, IReadOnlyDictionary<string, string?> Values)
{
    public static IReadOnlyList<string> MeetingOrder { get; } = ["meetingOrganization", "date", "attendees", "minutes"];

    public static IReadOnlyList<string> ConclusionOrder { get; } = ["conclusionOrganization", "outcome", "summary"];

    public static IReadOnlyList<ChoiceOption> Outcomes { get; } =
    [
        new("agreement", "Agreement", "The parties agreed on the impacts (record the terms in the summary)."),
        new("impasse", "Impasse", "The parties met in good faith and could not agree; needs at least one meeting logged."),
    ];

    public IReadOnlyList<ChoiceOption> OpenCases => OpenCasesOf(Notice);

    public bool AnyErrors => MeetingErrors.Any || ConclusionErrors.Any;

    public string? Value(string name) => Values.GetValueOrDefault(name);

    public static UnionCasePageView Of(UnionNoticeView notice, string? message = null) =>
        new(notice, message, FormErrors.None, FormErrors.None, new Dictionary<string, string?>());

    /// <summary>
    /// The errors of one form in its fields' order; the service's <c>organizationId</c> is the form's own organization
    /// field, and the summary's links for the radio groups focus their first radio.
    /// </summary>
    public static FormErrors ErrorsOf(UnionNoticeView notice, Dictionary<string, string[]> errors, IReadOnlyList<string> order, string organizationField)
    {
        ArgumentNullException.ThrowIfNull(errors);
        var open = OpenCasesOf(notice);
        var byField = errors.ToDictionary(e => e.Key == "organizationId" ? organizationField : e.Key, e => e.Value, StringComparer.Ordinal);
        return new FormErrors(byField, order, f => f switch
        {
            "outcome" => ChoiceField.FirstInputId(f, Outcomes),
            "meetingOrganization" or "conclusionOrganization" => ChoiceField.FirstInputId(f, open),
            _ => f,
        });
    }

    private static IReadOnlyList<ChoiceOption> OpenCasesOf(UnionNoticeView notice) =>
        [.. notice.Organizations.Where(o => o.Case is { ConcludedAt: null }).Select(o => new ChoiceOption(o.Id, o.Name))];
}

/// <summary>
/// <c>/union-requests/new</c>: the registered tools, the city's organizations, the request as sent and its errors, and
/// what the post did: received (<see cref="Done"/>) or refused for sending too many (<see cref="TooMany"/>).
/// </summary>
public sealed record UnionRequestPageView(
    IReadOnlyList<InventoryEntry> Tools, IReadOnlyList<ChoiceOption> OrganizationOptions, RequestInput Form, FormErrors Errors,
    string? Done = null, string? TooMany = null)
{
    public int Status => TooMany is not null ? StatusCodes.Status429TooManyRequests : Errors.Any ? StatusCodes.Status400BadRequest : StatusCodes.Status200OK;

    public static FormErrors ErrorsOf(Dictionary<string, string[]> errors, IReadOnlyList<ChoiceOption> organizations) =>
        new(errors, RequestFields, f => f == "organizationId" ? ChoiceField.FirstInputId(f, organizations) : FormErrors.IdOf(f));
}
