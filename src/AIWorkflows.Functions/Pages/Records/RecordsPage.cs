using AIWorkflows.App.Records;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace AIWorkflows.App.Pages.Records;

/// <summary>
/// The records pages' shared gate: records officers only; anyone else sees a 403 page and the refusal
/// is written to the access log, as for the API. The pages call the same service as the API.
/// </summary>
public abstract class RecordsPage(RecordsService service) : PageModel
{
    protected RecordsService Service { get; } = service;

    public ProblemView? Problem { get; protected set; }

    public FormErrors Errors { get; protected set; } = FormErrors.None;

    protected RecordActor Actor => RecordActor.From(HttpContext);

    /// <summary>Null when the user may go on; otherwise the refusal page, already logged.</summary>
    protected async Task<IActionResult?> RefuseUnlessOfficerAsync(string? recordId, CancellationToken ct)
    {
        var actor = Actor;
        if (actor.IsRecordsOfficer) return null;
        await Service.DenyAsync(actor, $"{Request.Method} {Request.Path}", recordId, ct);
        return Show(new ProblemView(actor.IsSignedIn ? 403 : 401,
            actor.IsSignedIn ? "Records officers only" : "Sign in to see records",
            "Searching, reading and disposing of records needs the records officer role. This attempt is recorded in the access log."));
    }

    protected PageResult Show(ProblemView problem)
    {
        ArgumentNullException.ThrowIfNull(problem);
        Problem = problem;
        Response.StatusCode = problem.Status;
        return Page();
    }

    protected PageResult Show(RecordProblem problem, IReadOnlyList<string> fieldOrder)
    {
        ArgumentNullException.ThrowIfNull(problem);
        if (problem.Errors is null) return Show(new ProblemView(problem.Status, problem.Title, problem.Detail));
        Errors = new FormErrors(problem.Errors, fieldOrder);
        Response.StatusCode = problem.Status;
        return Page();
    }
}
