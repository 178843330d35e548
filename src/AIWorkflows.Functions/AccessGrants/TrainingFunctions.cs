using AIWorkflows.App.Identity;
using AIWorkflows.App.ToolApprovals;
using AIWorkflows.App.Web;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;

namespace AIWorkflows.App.AccessGrants;

/// <summary>
/// Albuquerque 5.1: training is recorded by the administration (or imported from its learning system), as HTTP-trigger
/// functions: the API here, the <c>/training</c> page in <c>TrainingFunctions.Page.cs</c>; both call <see cref="TrainingService"/>.
/// </summary>
public sealed partial class TrainingFunctions(TrainingService training)
{
    [Function("TrainingApiRecord")]
    public async Task<IResult> ApiRecord(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/training-completions")] HttpRequest request,
        [DurableClient] DurableTaskClient client, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        var user = await request.HttpContext.AuthenticateCityAsync();
        if (CityIdentity.RequireApi(user, Roles.Admin) is { } refused) return refused;
        var body = await JsonBody.ReadAsync<TrainingService.CompletionInput>(request, ToolRequestInput.Json, ct);
        if (body.Problem is { } problem) return problem.Secured();
        var (done, errors) = await training.RecordAsync(client, body.Value!, user.Email() ?? "an administrator", ct);
        return (done is not null ? (IResult)TypedResults.Ok(done) : TypedResults.ValidationProblem(errors, title: "The completion has errors")).Secured();
    }

    /// <summary>The learning system's export as CSV; importing the same file again records nothing twice.</summary>
    [Function("TrainingApiImport")]
    public async Task<IResult> ApiImport(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/training-completions/import")] HttpRequest request,
        [DurableClient] DurableTaskClient client, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        var user = await request.HttpContext.AuthenticateCityAsync();
        if (CityIdentity.RequireApi(user, Roles.Admin) is { } refused) return refused;
        if (request.ContentType is not { } type || !(type.StartsWith("text/csv", StringComparison.OrdinalIgnoreCase) || type.StartsWith("application/csv", StringComparison.OrdinalIgnoreCase)))
            return TypedResults.Problem(statusCode: 415, title: "Send CSV", detail: $"Use Content-Type: text/csv, with the columns {TrainingCsv.Expected}.").Secured();
        if (request.ContentLength > TrainingCsv.MaxBytes || await ReadLimitedAsync(request.Body, ct) is not { } content)
            return TypedResults.Problem(statusCode: 413, title: "The file is too large", detail: $"Send at most {TrainingCsv.MaxBytes / (1024 * 1024)} MiB.").Secured();
        return (await training.ImportAsync(client, content, user.Email() ?? "an administrator", ct) switch
        {
            TrainingService.ImportResult.Done d => (IResult)TypedResults.Ok(d.Report),
            TrainingService.ImportResult.Invalid i => TypedResults.Problem(statusCode: 400, title: i.Title, detail: i.Detail),
            _ => throw new InvalidOperationException("Unknown import result."),
        }).Secured();
    }

    /// <summary>The body's bytes, or null when it is larger than an import allows.</summary>
    private static async Task<byte[]?> ReadLimitedAsync(Stream body, CancellationToken ct)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await body.ReadAsync(chunk, ct)) > 0)
        {
            if (buffer.Length + read > TrainingCsv.MaxBytes) return null;
            buffer.Write(chunk, 0, read);
        }
        return buffer.ToArray();
    }
}
