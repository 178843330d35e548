using AIWorkflows.App.Identity;
using AIWorkflows.App.ToolApprovals;
using AIWorkflows.App.Web;
using AIWorkflows.Storage.Tables;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;

namespace AIWorkflows.App.AccessGrants;

/// <summary>The API: an employee's request (anyone), the grants as JSON and CSV and a revocation (the AI officer and administrators).</summary>
public sealed partial class AccessGrantsFunctions
{
    public sealed record GrantList(string? ToolId, string? Employee, string Status, int Count, IReadOnlyList<GrantLine> Grants);

    public sealed record RevokeInput(string? Reason);

    [Function("AccessGrantsApiRequest")]
    public async Task<IResult> ApiRequest(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/access-requests")] HttpRequest request,
        [DurableClient] DurableTaskClient client, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        var body = await JsonBody.ReadAsync<AccessGrantService.RequestInput>(request, ToolRequestInput.Json, ct);
        if (body.Problem is { } problem) return problem.Secured();
        return (await service.RequestAsync(client, body.Value!, ct) switch
        {
            AccessGrantService.RequestResult.Created c => TypedResults.Created(
                $"/api/access-grants?toolId={Uri.EscapeDataString(c.Grant.ToolId)}&employee={Uri.EscapeDataString(c.Grant.EmployeeEmail)}", c.Grant),
            AccessGrantService.RequestResult.Existing e => TypedResults.Ok(e.Grant),
            AccessGrantService.RequestResult.Invalid i => (IResult)TypedResults.ValidationProblem(i.Errors, title: "The access request has errors"),
            _ => throw new InvalidOperationException("Unknown result."),
        }).Secured();
    }

    [Function("AccessGrantsApiList")]
    public async Task<IResult> ApiList([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/access-grants")] HttpRequest request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (OfficersOnly(await request.HttpContext.AuthenticateCityAsync()) is { } refused) return refused;
        var (query, status, errors) = ReadQuery(request);
        if (errors.Count > 0) return TypedResults.ValidationProblem(errors, title: "The query has errors").Secured();
        var lines = await service.ListAsync(query, ct);
        return TypedResults.Ok(new GrantList(query.ToolId, query.Employee, status, lines.Count, lines)).Secured();
    }

    /// <summary>IT's list for a tool's group (or all tools), as a CSV download.</summary>
    [Function("AccessGrantsCsv")]
    public async Task<IResult> Csv([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/access-grants.csv")] HttpRequest request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (OfficersOnly(await request.HttpContext.AuthenticateCityAsync()) is { } refused) return refused;
        var (query, _, errors) = ReadQuery(request);
        if (errors.Count > 0) return TypedResults.ValidationProblem(errors, title: "The query has errors").Secured();
        var lines = await service.ListAsync(query, ct);
        var name = query.ToolId is { } t ? $"{pack.Id}-access-{t}.csv" : $"{pack.Id}-access-grants.csv";
        return TypedResults.Stream(body => AccessGrantCsv.WriteAsync(body, lines, ct), "text/csv; charset=utf-8", name).Secured();
    }

    [Function("AccessGrantsApiRevoke")]
    public async Task<IResult> ApiRevoke(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/access-grants/{grantId}/revoke")] HttpRequest request, string grantId,
        [DurableClient] DurableTaskClient client, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        var user = await request.HttpContext.AuthenticateCityAsync();
        if (OfficersOnly(user) is { } refused) return refused;
        var body = await JsonBody.ReadAsync<RevokeInput>(request, ToolRequestInput.Json, ct);
        if (body.Problem is { } problem) return problem.Secured();
        var reason = body.Value!.Reason?.Trim() ?? "";
        if (reason.Length is 0 or > ToolRequestValidator.MaxShort)
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["reason"] = [$"Say why, in at most {ToolRequestValidator.MaxShort} characters."] }).Secured();
        return (await service.RevokeAsync(client, grantId, user.Email() ?? "an officer", reason, ct) switch
        {
            { } view => (IResult)TypedResults.Ok(view),
            null => TypedResults.Problem(statusCode: 404, title: "No such grant", detail: "Check the grant id; GET /api/access-grants lists them."),
        }).Secured();
    }

    private static (AccessGrantService.ListQuery Query, string Status, Dictionary<string, string[]> Errors) ReadQuery(HttpRequest request)
    {
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
