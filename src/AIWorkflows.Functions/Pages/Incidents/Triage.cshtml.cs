using Microsoft.DurableTask.Client;
using AIWorkflows.App.Reassessments;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using static AIWorkflows.App.Reassessments.ToolLifecycleService;

namespace AIWorkflows.App.Pages.Incidents;

/// <summary>
/// <c>/triage/{token}</c>: the AI officer's emailed link to an incident reported by someone not signed in
/// (Sacramento VII.B). GET only shows the report; the answer is a POST, checked for antiforgery as well as the
/// link, because confirming it can take a tool out of service.
/// </summary>
public sealed class TriageModel(ToolLifecycleService service, DurableTaskClient client) : PageModel
{
    public static IReadOnlyList<string> Order { get; } = ["decision", "comments"];

    public static IReadOnlyList<ChoiceOption> Decisions { get; } =
    [
        new("confirm", "Confirm the report", "It is acted on as the policy says: a high or critical incident suspends the tool at once and opens its re-assessment; a lower one brings the next re-assessment forward. The reporter's supervisor and the CIO are told."),
        new("dismiss", "Dismiss the report", "Nothing about the tool changes. The report and your reasons are kept as a record."),
    ];

    public TriageAccess.Granted? Access { get; private set; }

    public TriageAccess.Recorded? Recorded { get; private set; }

    public ProblemView? Problem { get; private set; }

    public FormErrors Errors { get; private set; } = FormErrors.None;

    public string? Decision { get; private set; }

    public string? Comments { get; private set; }

    public async Task<IActionResult> OnGetAsync(string token, CancellationToken ct)
    {
        LinkPageHeaders.Apply(this);
        return Show(await service.OpenTriageAsync(token, ct));
    }

    public async Task<IActionResult> OnPostAsync(string token, [FromForm] string? decision, [FromForm] string? comments, CancellationToken ct)
    {
        LinkPageHeaders.Apply(this);
        (Decision, Comments) = (decision, comments);
        var (errors, access) = await service.TriageAsync(client, token, decision, comments, ct);
        if (errors.Count > 0)
        {
            Errors = new FormErrors(errors, Order, f => f == "decision" ? ChoiceField.FirstInputId(f, Decisions) : f);
            Response.StatusCode = StatusCodes.Status400BadRequest;
        }
        return Show(access);
    }

    private PageResult Show(TriageAccess access)
    {
        switch (access)
        {
            case TriageAccess.Refused r:
                Problem = new ProblemView(r.Status, r.Title, r.Detail);
                Response.StatusCode = r.Status;
                break;
            case TriageAccess.Granted g:
                Access = g;
                break;
            case TriageAccess.Recorded r:
                Recorded = r;
                break;
        }
        return Page();
    }
}
