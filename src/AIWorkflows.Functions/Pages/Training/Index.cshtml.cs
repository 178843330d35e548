using AIWorkflows.App.AccessGrants;
using AIWorkflows.App.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.DurableTask.Client;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace AIWorkflows.App.Pages.Training;

/// <summary>
/// <c>/training</c>: an administrator records a course completion, or uploads the learning system's
/// export (Albuquerque 5.1: training before access); the same service as the training API.
/// </summary>
[RequestFormLimits(MultipartBodyLengthLimit = TrainingCsv.MaxBytes + 64 * 1024)]
public sealed class IndexModel(TrainingService training, DurableTaskClient client) : PageModel
{
    public static IReadOnlyList<string> Order { get; } = ["employeeEmail", "courseId", "completedOn", "file"];

    public ProblemView? Problem { get; private set; }

    public FormErrors Errors { get; private set; } = FormErrors.None;

    public TrainingService.CompletionInput Form { get; private set; } = new(null, null, null);

    public TrainingService.Recorded? Recorded { get; private set; }

    public TrainingImportReport? Report { get; private set; }

    public IActionResult OnGet() => Allowed() ? Page() : Refused();

    public async Task<IActionResult> OnPostRecordAsync([FromForm] string? employeeEmail, [FromForm] string? courseId, [FromForm] string? completedOn, CancellationToken ct)
    {
        if (!Allowed()) return Refused();
        Form = new TrainingService.CompletionInput(employeeEmail, courseId, completedOn);
        var (done, errors) = await training.RecordAsync(client, Form, User.Email() ?? "an administrator", ct);
        if (done is null) return Invalid(errors);
        Recorded = done;
        Form = new TrainingService.CompletionInput(null, null, null);
        return Page();
    }

    public async Task<IActionResult> OnPostImportAsync(IFormFile? file, CancellationToken ct)
    {
        if (!Allowed()) return Refused();
        if (file is null || file.Length == 0) return Invalid(new() { ["file"] = ["Choose the CSV file to import."] });
        if (file.Length > TrainingCsv.MaxBytes) return Invalid(new() { ["file"] = [$"The file is larger than {TrainingCsv.MaxBytes / (1024 * 1024)} MiB."] });
        using var buffer = new MemoryStream();
        await file.CopyToAsync(buffer, ct);
        switch (await training.ImportAsync(client, buffer.ToArray(), User.Email() ?? "an administrator", ct))
        {
            case TrainingService.ImportResult.Done d:
                Report = d.Report;
                return Page();
            case TrainingService.ImportResult.Invalid i:
                return Invalid(new() { ["file"] = [$"{i.Title}. {i.Detail}"] });
            default:
                throw new InvalidOperationException("Unknown import result.");
        }
    }

    private bool Allowed() => User.IsInRole(Roles.Admin);

    private PageResult Refused()
    {
        var signedIn = User.Identity?.IsAuthenticated == true;
        Problem = signedIn
            ? new ProblemView(403, "Administrators only", "Training completions are recorded by the city's administrators. Ask an administrator.")
            : new ProblemView(401, "Sign in to record training", "Recording training is for administrators. Sign in with your city account and open this page again.");
        Response.StatusCode = Problem.Status;
        return Page();
    }

    private PageResult Invalid(Dictionary<string, string[]> errors)
    {
        Errors = new FormErrors(errors, Order);
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }
}
