using AIWorkflows.App.Web.Pages;
using AIWorkflows.Domain.Reassessments;
using static AIWorkflows.App.Reassessments.ToolLifecycleService;

namespace AIWorkflows.App.Reassessments.Pages;

/// <summary>
/// <c>/reassess/{token}</c>: the re-assessment task the link opens (<see cref="Access"/>: the owner's attestation or the
/// AI officer's review), the answer recorded (<see cref="Recorded"/>), or why the link is refused (<see cref="Problem"/>);
/// the answer as sent and its errors.
/// </summary>
public sealed record ReassessView(
    TaskAccess.Granted? Access, TaskAccess.Recorded? Recorded, ProblemView? Problem, FormErrors Errors,
    IReadOnlyDictionary<string, string?> Values, IReadOnlyList<ChoiceOption> Tiers)
{
    public static IReadOnlyList<string> Order { get; } = ["use", "dataChanges", "incidentsSince", "outcome", "tier", "comments"];

    public static IReadOnlyList<ChoiceOption> Outcomes { get; } =
    [
        new("continue", "Continues in service", "The review is complete; the next one is scheduled by the tier's cadence."),
        new("suspend", "Suspend", "Use stops until the problems you describe are fixed and it is reviewed again."),
        new("retire", "Retire", "The tool is taken out of service; it stays on the public register as retired."),
    ];

    public int Status => Problem?.Status ?? (Errors.Any ? StatusCodes.Status400BadRequest : StatusCodes.Status200OK);

    /// <summary>The tiers the officer may set, and keeping the current one.</summary>
    public static IReadOnlyList<ChoiceOption> TiersOf(Domain.Policy.PolicyPack pack)
    {
        ArgumentNullException.ThrowIfNull(pack);
        return [new("", "Keep the current tier"), .. pack.Tiers.Select(t => new ChoiceOption(t.Id, t.Label))];
    }

    /// <summary>What a link opens, or (after a post that recorded it) what was recorded.</summary>
    public static ReassessView Of(TaskAccess access, bool done, IReadOnlyList<ChoiceOption> tiers, IReadOnlyDictionary<string, string?>? values = null)
    {
        var v = values ?? new Dictionary<string, string?>();
        return access switch
        {
            TaskAccess.Granted g when done => new(null, new(((ToolLifecycle.InService)g.Tool.State).Profile, g.IsOfficerReview), null, FormErrors.None, v, tiers),
            TaskAccess.Granted g => new(g, null, null, FormErrors.None, v, tiers),
            TaskAccess.Recorded r => new(null, r, null, FormErrors.None, v, tiers),
            TaskAccess.Refused r => new(null, null, new ProblemView(r.Status, r.Title, r.Detail), FormErrors.None, v, tiers),
            _ => throw new InvalidOperationException("Unknown task access."),
        };
    }

    public static FormErrors ErrorsOf(Dictionary<string, string[]> errors) =>
        new(errors, Order, f => f == "outcome" ? ChoiceField.FirstInputId(f, Outcomes) : f);
}
