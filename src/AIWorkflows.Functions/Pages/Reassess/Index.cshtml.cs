using Microsoft.DurableTask.Client;
using AIWorkflows.App.Reassessments;
using AIWorkflows.Domain.Policy;
using AIWorkflows.Domain.Reassessments;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace AIWorkflows.App.Pages.Reassess;

/// <summary>
/// <c>/reassess/{token}</c>: the owner's attestation or the AI officer's review of a periodic
/// re-assessment (Albuquerque 4.3). GET only reads; POST acts once.
/// </summary>
// The signed token in the address is the capability; like task links, no antiforgery token.
[IgnoreAntiforgeryToken]
public sealed class IndexModel(ToolLifecycleService service, PolicyPack pack, DurableTaskClient client) : PageModel
{
    public ToolLifecycleService.TaskAccess.Granted? Access { get; private set; }

    public ProblemView? Problem { get; private set; }

    public bool Done { get; private set; }

    /// <summary>Set once the answer is recorded: the tool and whose answer it was (the officer's review or the owner's attestation).</summary>
    public ToolLifecycleService.TaskAccess.Recorded? Recorded { get; private set; }

    public FormErrors Errors { get; private set; } = FormErrors.None;

    public Dictionary<string, string?> Values { get; } = new(StringComparer.Ordinal);

    public static IReadOnlyList<string> Order { get; } = ["use", "dataChanges", "incidentsSince", "outcome", "tier", "comments"];

    public static IReadOnlyList<ChoiceOption> Outcomes { get; } =
    [
        new("continue", "Continues in service", "The review is complete; the next one is scheduled by the tier's cadence."),
        new("suspend", "Suspend", "Use stops until the problems you describe are fixed and it is reviewed again."),
        new("retire", "Retire", "The tool is taken out of service; it stays on the public register as retired."),
    ];

    public IReadOnlyList<ChoiceOption> Tiers => [new("", "Keep the current tier"), .. pack.Tiers.Select(t => new ChoiceOption(t.Id, t.Label))];

    public async Task<IActionResult> OnGetAsync(string token, CancellationToken ct)
    {
        LinkPageHeaders.Apply(this);
        return Show(await service.OpenTaskAsync(token, ct));
    }

    public async Task<IActionResult> OnPostAsync(string token, CancellationToken ct)
    {
        LinkPageHeaders.Apply(this);
        foreach (var key in Order) Values[key] = Request.Form[key].FirstOrDefault();
        var (done, errors, access) = await service.ActAsync(client, token, Values, ct);
        Done = done;
        if (errors.Count > 0)
        {
            Errors = new FormErrors(errors, Order, f => f == "outcome" ? ChoiceField.FirstInputId(f, Outcomes) : f);
            Response.StatusCode = StatusCodes.Status400BadRequest;
        }
        return Show(access);
    }

    private PageResult Show(ToolLifecycleService.TaskAccess access)
    {
        switch (access)
        {
            case ToolLifecycleService.TaskAccess.Refused r when !Done:
                Problem = new ProblemView(r.Status, r.Title, r.Detail);
                Response.StatusCode = r.Status;
                break;
            case ToolLifecycleService.TaskAccess.Granted g:
                Access = g;
                if (Done) Recorded = new(((ToolLifecycle.InService)g.Tool.State).Profile, g.IsOfficerReview);
                break;
            case ToolLifecycleService.TaskAccess.Recorded r:
                Recorded = r;
                break;
        }
        return Page();
    }
}
