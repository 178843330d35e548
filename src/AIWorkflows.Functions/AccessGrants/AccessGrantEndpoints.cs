using AIWorkflows.App.Identity;
using AIWorkflows.App.ToolApprovals;
using AIWorkflows.App.Web;
using AIWorkflows.Domain.Policy;
using AIWorkflows.Storage.Tables;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.DurableTask.Client;

namespace AIWorkflows.App.AccessGrants;

/// <summary>
/// Access to approved tools as JSON and CSV: employees request access; administrators record or import
/// training; the AI officer and IT list who may use which tool.
/// </summary>
public static class AccessGrantEndpoints
{
    public static RouteGroupBuilder MapAccessGrants(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api").WithTags("Access grants");
        api.MapPost("/access-requests", RequestAsync);
        // Albuquerque 4.1: the list of authorized tools and who is granted them, for DTI and the AI officer.
        var officers = api.MapGroup("").RequireAuthorization(p => p.RequireRole(Roles.Admin, Roles.AiOfficer));
        officers.MapGet("/access-grants", ListAsync);
        officers.MapGet("/access-grants.csv", CsvAsync);
        officers.MapPost("/access-grants/{grantId}/revoke", RevokeAsync);
        // Albuquerque 5.1: training is recorded by the administration (or its learning system).
        var admin = api.MapGroup("/training-completions").RequireAuthorization(p => p.RequireRole(Roles.Admin));
        admin.MapPost("", RecordAsync);
        admin.MapPost("/import", ImportAsync);
        return api;
    }

    public sealed record GrantList(string? ToolId, string? Employee, string Status, int Count, IReadOnlyList<GrantLine> Grants);

    public static async Task<Results<Created<AccessGrantView>, Ok<AccessGrantView>, ValidationProblem, ProblemHttpResult>> RequestAsync(
        HttpContext http, AccessGrantService service, DurableTaskClient client, CancellationToken ct)
    {
        var body = await JsonBody.ReadAsync<AccessGrantService.RequestInput>(http.Request, ToolRequestInput.Json, ct);
        if (body.Problem is { } problem) return problem;
        return await service.RequestAsync(client, body.Value!, ct) switch
        {
            AccessGrantService.RequestResult.Created c => TypedResults.Created($"/api/access-grants?toolId={Uri.EscapeDataString(c.Grant.ToolId)}&employee={Uri.EscapeDataString(c.Grant.EmployeeEmail)}", c.Grant),
            AccessGrantService.RequestResult.Existing e => TypedResults.Ok(e.Grant),
            AccessGrantService.RequestResult.Invalid i => TypedResults.ValidationProblem(i.Errors, title: "The access request has errors"),
            _ => throw new InvalidOperationException("Unknown result."),
        };
    }

    public static async Task<Results<Ok<GrantList>, ValidationProblem>> ListAsync(HttpRequest request, AccessGrantService service, CancellationToken ct)
    {
        var (query, status, errors) = ReadQuery(request);
        if (errors.Count > 0) return TypedResults.ValidationProblem(errors, title: "The query has errors");
        var lines = await service.ListAsync(query!, ct);
        return TypedResults.Ok(new GrantList(query!.ToolId, query.Employee, status, lines.Count, lines));
    }

    public static async Task<Results<PushStreamHttpResult, ValidationProblem>> CsvAsync(
        HttpRequest request, AccessGrantService service, PolicyPack pack, CancellationToken ct)
    {
        var (query, _, errors) = ReadQuery(request);
        if (errors.Count > 0) return TypedResults.ValidationProblem(errors, title: "The query has errors");
        var lines = await service.ListAsync(query!, ct);
        var name = query!.ToolId is { } t ? $"{pack.Id}-access-{t}.csv" : $"{pack.Id}-access-grants.csv";
        return TypedResults.Stream(body => AccessGrantCsv.WriteAsync(body, lines, ct), "text/csv; charset=utf-8", name);
    }

    public sealed record RevokeInput(string? Reason);

    public static async Task<Results<Ok<AccessGrantView>, ValidationProblem, ProblemHttpResult>> RevokeAsync(
        string grantId, HttpContext http, AccessGrantService service, DurableTaskClient client, CancellationToken ct)
    {
        var body = await JsonBody.ReadAsync<RevokeInput>(http.Request, ToolRequestInput.Json, ct);
        if (body.Problem is { } problem) return problem;
        var reason = body.Value!.Reason?.Trim() ?? "";
        if (reason.Length is 0 or > ToolRequestValidator.MaxShort)
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["reason"] = [$"Say why, in at most {ToolRequestValidator.MaxShort} characters."] });
        return await service.RevokeAsync(client, grantId, http.User.Email() ?? "an officer", reason, ct) switch
        {
            { } view => TypedResults.Ok(view),
            null => TypedResults.Problem(statusCode: 404, title: "No such grant", detail: "Check the grant id; GET /api/access-grants lists them."),
        };
    }

    public static async Task<Results<Ok<TrainingService.Recorded>, ValidationProblem, ProblemHttpResult>> RecordAsync(
        HttpContext http, TrainingService training, DurableTaskClient client, CancellationToken ct)
    {
        var body = await JsonBody.ReadAsync<TrainingService.CompletionInput>(http.Request, ToolRequestInput.Json, ct);
        if (body.Problem is { } problem) return problem;
        var (done, errors) = await training.RecordAsync(client, body.Value!, http.User.Email() ?? "an administrator", ct);
        return done is not null ? TypedResults.Ok(done) : TypedResults.ValidationProblem(errors, title: "The completion has errors");
    }

    public static async Task<Results<Ok<TrainingImportReport>, ProblemHttpResult>> ImportAsync(HttpRequest request, TrainingService training, DurableTaskClient client, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.ContentType is not { } type || !(type.StartsWith("text/csv", StringComparison.OrdinalIgnoreCase) || type.StartsWith("application/csv", StringComparison.OrdinalIgnoreCase)))
            return TypedResults.Problem(statusCode: 415, title: "Send CSV", detail: $"Use Content-Type: text/csv, with the columns {TrainingCsv.Expected}.");
        if (request.ContentLength > TrainingCsv.MaxBytes || await ReadLimitedAsync(request.Body, ct) is not { } content)
            return TypedResults.Problem(statusCode: 413, title: "The file is too large", detail: $"Send at most {TrainingCsv.MaxBytes / (1024 * 1024)} MiB.");
        return await training.ImportAsync(client, content, request.HttpContext.User.Email() ?? "an administrator", ct) switch
        {
            TrainingService.ImportResult.Done d => TypedResults.Ok(d.Report),
            TrainingService.ImportResult.Invalid i => TypedResults.Problem(statusCode: 400, title: i.Title, detail: i.Detail),
            _ => throw new InvalidOperationException("Unknown import result."),
        };
    }

    /// <summary>The body's bytes, or null when it is larger than an import allows.</summary>
    public static async Task<byte[]?> ReadLimitedAsync(Stream body, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(body);
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

    private static (AccessGrantService.ListQuery? Query, string Status, Dictionary<string, string[]> Errors) ReadQuery(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        string? Param(string name) => request.Query[name].ToString() is { Length: > 0 } v ? v.Trim() : null;
        var toolId = Param("toolId");
        if (toolId is not null && !TableKeys.IsValid(toolId, out _)) errors["toolId"] = ["Use a tool id from the register, like tool-…"];
        var employeeParam = Param("employee");
        var employee = employeeParam is null ? null : AccessRequirements.EmployeeKey(employeeParam);
        if (employeeParam is not null && employee is null) errors["employee"] = ["Use the employee's email address."];
        // "Current grants" by default: what IT keeps in each tool's group.
        var status = Param("status") ?? "granted";
        if (status != "all" && !GrantLine.Statuses.Contains(status)) errors["status"] = [$"Use one of {string.Join(", ", GrantLine.Statuses)} or all."];
        return (new AccessGrantService.ListQuery(toolId, employee, status == "all" ? null : status), status, errors);
    }
}
