using AIWorkflows.App.AccessGrants.Pages;
using AIWorkflows.App.Identity;
using AIWorkflows.App.Web.Pages;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;

namespace AIWorkflows.App.AccessGrants;

/// <summary>
/// <c>/training</c>: an administrator records a course completion, or uploads the learning system's export
/// (Albuquerque 5.1: training before access); the same service as the training API. Each form answers with the page
/// again, saying what was recorded (or the import's report), or what to fix beside the field.
/// </summary>
public sealed partial class TrainingFunctions
{
    private const string RecordForm = "Record";
    private const string ImportForm = "Import";

    private static readonly ProblemView SignIn = new(StatusCodes.Status401Unauthorized, "Sign in to record training",
        "Recording training is for administrators. Sign in with your city account and open this page again.");

    private static readonly ProblemView Forbidden = new(StatusCodes.Status403Forbidden, "Administrators only",
        "Training completions are recorded by the city's administrators. Ask an administrator.");

    [Function("TrainingPage")]
    public static async Task<IResult> OpenPage([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "training")] HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var user = await request.HttpContext.AuthenticateCityAsync();
        return CityIdentity.RequirePage(user, SignIn, Forbidden, Roles.Admin) ?? Show(TrainingView.Empty);
    }

    [Function("TrainingPageForms")]
    [PageHandler(RecordForm)]
    [PageHandler(ImportForm)]
    public async Task<IResult> PostPage(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "training")] HttpRequest request,
        [DurableClient] DurableTaskClient client, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        var http = request.HttpContext;
        var user = await http.AuthenticateCityAsync();
        if (CityIdentity.RequirePage(user, SignIn, Forbidden, Roles.Admin) is { } refused) return refused;
        // The upload's limit: the export's own, plus room for the form around it.
        var posted = await PageForms.ReadAsync(http, ct, maxBodyBytes: TrainingCsv.MaxBytes + 64 * 1024);
        if (posted.Form is not { } form) return posted.Refusal!;
        var by = user.Email() ?? "an administrator";
        if (PageForms.Handler(request, RecordForm))
        {
            var input = new TrainingService.CompletionInput(Field(form, "employeeEmail"), Field(form, "courseId"), Field(form, "completedOn"));
            var (done, errors) = await training.RecordAsync(client, input, by, ct);
            return done is null ? Invalid(input, errors) : Show(TrainingView.Empty with { Recorded = done });
        }
        if (!PageForms.Handler(request, ImportForm)) return Page.Problem(PageForms.NoSuchForm);
        var file = form.Files["file"];
        if (file is null || file.Length == 0) return Invalid(null, new() { ["file"] = ["Choose the CSV file to import."] });
        if (file.Length > TrainingCsv.MaxBytes) return Invalid(null, new() { ["file"] = [$"The file is larger than {TrainingCsv.MaxBytes / (1024 * 1024)} MiB."] });
        using var buffer = new MemoryStream();
        await file.CopyToAsync(buffer, ct);
        return await training.ImportAsync(client, buffer.ToArray(), by, ct) switch
        {
            TrainingService.ImportResult.Done d => Show(TrainingView.Empty with { Report = d.Report }),
            TrainingService.ImportResult.Invalid i => Invalid(null, new() { ["file"] = [$"{i.Title}. {i.Detail}"] }),
            _ => throw new InvalidOperationException("Unknown import result."),
        };
    }

    private static PageResult<TrainingPage, TrainingView> Show(TrainingView view) => Page.Render<TrainingPage, TrainingView>(view);

    private static PageResult<TrainingPage, TrainingView> Invalid(TrainingService.CompletionInput? input, Dictionary<string, string[]> errors) =>
        Page.Render<TrainingPage, TrainingView>(TrainingView.Invalid(input ?? TrainingView.Empty.Form, errors), StatusCodes.Status400BadRequest);

    private static string? Field(IFormCollection form, string name) => PageForms.Field(form, name);
}
