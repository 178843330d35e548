using Microsoft.DurableTask.Client;
using System.Text.Json;
using AIWorkflows.App.Identity;
using AIWorkflows.App.Reassessments;
using AIWorkflows.App.UnionNotices;
using AIWorkflows.App.Web;
using AIWorkflows.Domain.ToolApprovals;
using AIWorkflows.Domain.Policy;
using Microsoft.AspNetCore.Http.HttpResults;

namespace AIWorkflows.App.ToolApprovals;

public static class ToolRequestEndpoints
{
    public static RouteGroupBuilder MapToolRequests(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api").WithTags("Tool requests");
        api.MapPost("/requests", SubmitAsync);
        api.MapGet("/requests/{id}", GetAsync);
        api.MapPost("/tasks/{token}/decision", DecideAsync);
        api.MapPost("/tasks/{token}/escalation", EscalateAsync);
        app.MapGet("/requests/{id}/documents/{recordId}", DocumentAsync);
        return api;
    }

    /// <summary>A request's technical documentation (Sacramento VI.A.5), for its insiders; verified and logged as a records access.</summary>
    public static async Task<Results<FileContentHttpResult, ProblemHttpResult>> DocumentAsync(
        string id, string recordId, HttpContext http, RequestDocumentService documents, CancellationToken ct)
    {
        http.Response.Headers.CacheControl = "no-store";
        http.Response.Headers["Referrer-Policy"] = "no-referrer";
        var (file, refusal) = await documents.ReadAsync(http, id, recordId, ct);
        if (refusal is not null) return TypedResults.Problem(statusCode: refusal.Status, title: refusal.Title, detail: refusal.Detail);
        return TypedResults.File(file!.Content, file.ContentType, file.FileName);
    }

    // Issue 19: a request is sent in a signed-in city identity's name, never in a name typed into the body.
    public static async Task<Results<Created<RequestView>, ValidationProblem, ProblemHttpResult>> SubmitAsync(
        HttpContext http, ToolApprovalService service, PolicyPack pack, DurableTaskClient client, CancellationToken ct)
    {
        if (SignedIn(http) is not { } submitter)
            return TypedResults.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "Sign-in required",
                detail: "Sending a request for an AI tool needs a signed-in city account: sign in and send it again.");
        var body = await JsonBody.ReadAsync<ToolRequestInput>(http.Request, ToolRequestInput.Json, ct);
        if (body.Problem is { } problem) return problem;
        var key = http.Request.Headers["Idempotency-Key"].FirstOrDefault();
        switch (await service.SubmitAsync(client, body.Value!, key, submitter, ct))
        {
            case SubmitResult.Created c:
                return TypedResults.Created($"/api/requests/{c.Request.InstanceId}", RequestView.From(c.Request, pack));
            case SubmitResult.Replayed r:
                http.Response.Headers["Idempotent-Replayed"] = "true";
                return TypedResults.Created($"/api/requests/{r.Request.InstanceId}", RequestView.From(r.Request, pack));
            case SubmitResult.Invalid i:
                return TypedResults.ValidationProblem(i.Errors, title: "The request has errors");
            case SubmitResult.Prohibited p:
                return TypedResults.Problem(
                    statusCode: StatusCodes.Status422UnprocessableEntity,
                    title: "This use of AI is prohibited",
                    detail: string.Join(" ", [.. p.Uses.Select(u => $"{u.Description} ({u.Source})."), .. p.Assumed.Select(a => a.Describe())]),
                    extensions: new Dictionary<string, object?>
                    {
                        ["prohibitedUses"] = p.Uses.Select(u => new { u.Id, u.Description, u.Source }),
                        ["notAnswered"] = p.Assumed,
                    });
            default:
                return TypedResults.Problem(
                    statusCode: StatusCodes.Status422UnprocessableEntity, title: "Idempotency-Key already used",
                    detail: "This Idempotency-Key was used for a different request. Use a new key for a new request.");
        }
    }

    private static string? SignedIn(HttpContext http) => http.User.Identity?.IsAuthenticated == true ? http.User.Email() : null;

    public static async Task<Results<Ok<RequestView>, ProblemHttpResult>> GetAsync(
        string id, HttpContext http, ToolApprovalService service, ToolLifecycleService tools, UnionNoticeService unions, PolicyPack pack, CancellationToken ct)
    {
        // As the status page: the id is the requester's link; what it returns is for them, not for caches.
        http.Response.Headers.CacheControl = "no-store";
        http.Response.Headers["Referrer-Policy"] = "no-referrer";
        if (await service.GetAsync(id, ct) is not { } s)
            return TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "No such request", detail: $"There is no request '{id}'.");
        var toolStatus = s.State is ToolApproval.Approved a ? (await tools.GetAsync(a.Case.ToolId, false, ct))?.State.Status : null;
        var insider = RequestAudience.IsInsider(http.User, s.State.CaseOrNull?.Form, pack);
        return TypedResults.Ok(RequestView.From(s, pack, toolStatus, await unions.ForRequestAsync(s.State, ct), insider));
    }

    public sealed record DecisionInput(string? Decision, string? Comments);

    public sealed record DecisionView(string RequestId, string Status, string Message);

    public static async Task<Results<Ok<DecisionView>, ValidationProblem, ProblemHttpResult>> DecideAsync(
        string token, HttpContext http, ToolApprovalService service, DurableTaskClient client, CancellationToken ct)
    {
        var body = await JsonBody.ReadAsync<DecisionInput>(http.Request, ToolRequestInput.Json, ct);
        if (body.Problem is { } problem) return problem;
        return await service.DecideAsync(client, token, body.Value!.Decision, body.Value.Comments, ct) switch
        {
            ActResult.Done d => TypedResults.Ok(new DecisionView(d.RequestId, d.State.Status, d.Message)),
            ActResult.Invalid i => TypedResults.ValidationProblem(i.Errors, title: "The decision has errors"),
            ActResult.Refused r => TypedResults.Problem(statusCode: r.Why.Status, title: r.Why.Title, detail: r.Why.Detail),
            _ => throw new InvalidOperationException("Unknown result."),
        };
    }

    public sealed record EscalationInput(string? Reason);

    // Albuquerque 4.2: the reviewer who asked for remediation escalates the finding still unresolved (their task link).
    public static async Task<Results<Ok<DecisionView>, ValidationProblem, ProblemHttpResult>> EscalateAsync(
        string token, HttpContext http, ToolApprovalService service, DurableTaskClient client, CancellationToken ct)
    {
        var body = await JsonBody.ReadAsync<EscalationInput>(http.Request, ToolRequestInput.Json, ct);
        if (body.Problem is { } problem) return problem;
        return await service.EscalateAsync(client, token, body.Value!.Reason, ct) switch
        {
            ActResult.Done d => TypedResults.Ok(new DecisionView(d.RequestId, d.State.Status, d.Message)),
            ActResult.Invalid i => TypedResults.ValidationProblem(i.Errors, title: "The escalation has errors"),
            ActResult.Refused r => TypedResults.Problem(statusCode: r.Why.Status, title: r.Why.Title, detail: r.Why.Detail),
            _ => throw new InvalidOperationException("Unknown result."),
        };
    }
}
