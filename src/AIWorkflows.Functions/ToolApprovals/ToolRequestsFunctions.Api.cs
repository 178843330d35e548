using AIWorkflows.App.Identity;
using AIWorkflows.App.Web;
using AIWorkflows.Domain.ToolApprovals;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;

namespace AIWorkflows.App.ToolApprovals;

/// <summary>The API: send a request, read it, and a reviewer's decision or escalation by their task link; and a request's documentation.</summary>
public sealed partial class ToolRequestsFunctions
{
    public sealed record DecisionInput(string? Decision, string? Comments);

    public sealed record DecisionView(string RequestId, string Status, string Message);

    public sealed record EscalationInput(string? Reason);

    // Issue 19: a request is sent in a signed-in city identity's name, never in a name typed into the body.
    [Function("ToolRequestsApiSubmit")]
    public async Task<IResult> ApiSubmit(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/requests")] HttpRequest request,
        [DurableClient] DurableTaskClient client, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        var user = await request.HttpContext.AuthenticateCityAsync();
        if (!user.IsSignedIn() || user.Email() is not { } submitter)
            return TypedResults.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "Sign-in required",
                detail: "Sending a request for an AI tool needs a signed-in city account: sign in and send it again.").Secured();
        var body = await JsonBody.ReadAsync<ToolRequestInput>(request, ToolRequestInput.Json, ct);
        if (body.Problem is { } problem) return problem.Secured();
        var key = request.Headers["Idempotency-Key"].FirstOrDefault();
        return (await service.SubmitAsync(client, body.Value!, key, submitter, ct) switch
        {
            SubmitResult.Created c => (IResult)Created(c.Request),
            SubmitResult.Replayed r => Replayed(request.HttpContext.Response, r.Request),
            SubmitResult.Invalid i => TypedResults.ValidationProblem(i.Errors, title: "The request has errors"),
            SubmitResult.Prohibited p => TypedResults.Problem(
                statusCode: StatusCodes.Status422UnprocessableEntity,
                title: "This use of AI is prohibited",
                detail: string.Join(" ", [.. p.Uses.Select(u => $"{u.Description} ({u.Source})."), .. p.Assumed.Select(a => a.Describe())]),
                extensions: new Dictionary<string, object?>
                {
                    ["prohibitedUses"] = p.Uses.Select(u => new { u.Id, u.Description, u.Source }),
                    ["notAnswered"] = p.Assumed,
                }),
            _ => TypedResults.Problem(
                statusCode: StatusCodes.Status422UnprocessableEntity, title: "Idempotency-Key already used",
                detail: "This Idempotency-Key was used for a different request. Use a new key for a new request."),
        }).Secured();
    }

    private Microsoft.AspNetCore.Http.HttpResults.Created<RequestView> Created(Storage.Deciding.Snapshot<ToolApproval, ToolApprovalEvent> s) =>
        TypedResults.Created($"/api/requests/{s.InstanceId}", RequestView.From(s, pack));

    private Microsoft.AspNetCore.Http.HttpResults.Created<RequestView> Replayed(HttpResponse response, Storage.Deciding.Snapshot<ToolApproval, ToolApprovalEvent> s)
    {
        response.Headers["Idempotent-Replayed"] = "true";
        return Created(s);
    }

    [Function("ToolRequestsApiGet")]
    public async Task<IResult> ApiGet(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/requests/{id}")] HttpRequest request, string id, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        var user = await request.HttpContext.AuthenticateCityAsync();
        // As the status page: the id is the requester's link; what it returns is for them, not for caches.
        request.HttpContext.Response.Headers.CacheControl = "no-store";
        request.HttpContext.Response.Headers["Referrer-Policy"] = "no-referrer";
        if (await service.GetAsync(id, ct) is not { } s)
            return TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "No such request", detail: $"There is no request '{id}'.").Secured();
        var toolStatus = s.State is ToolApproval.Approved a ? (await tools.GetAsync(a.Case.ToolId, false, ct))?.State.Status : null;
        var insider = RequestAudience.IsInsider(user, s.State.CaseOrNull?.Form, pack);
        return TypedResults.Ok(RequestView.From(s, pack, toolStatus, await unions.ForRequestAsync(s.State, ct), insider)).Secured();
    }

    // The signed token in the address is the capability: a reviewer decides without signing in.
    [Function("ToolRequestsApiDecide")]
    public async Task<IResult> ApiDecide(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/tasks/{token}/decision")] HttpRequest request, string token,
        [DurableClient] DurableTaskClient client, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        var body = await JsonBody.ReadAsync<DecisionInput>(request, ToolRequestInput.Json, ct);
        if (body.Problem is { } problem) return problem.Secured();
        return Acted(await service.DecideAsync(client, token, body.Value!.Decision, body.Value.Comments, ct), "The decision has errors");
    }

    // Albuquerque 4.2: the reviewer who asked for remediation escalates the finding still unresolved (their task link).
    [Function("ToolRequestsApiEscalate")]
    public async Task<IResult> ApiEscalate(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/tasks/{token}/escalation")] HttpRequest request, string token,
        [DurableClient] DurableTaskClient client, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        var body = await JsonBody.ReadAsync<EscalationInput>(request, ToolRequestInput.Json, ct);
        if (body.Problem is { } problem) return problem.Secured();
        return Acted(await service.EscalateAsync(client, token, body.Value!.Reason, ct), "The escalation has errors");
    }

    private static IResult Acted(ActResult result, string invalidTitle) => (result switch
    {
        ActResult.Done d => TypedResults.Ok(new DecisionView(d.RequestId, d.State.Status, d.Message)),
        ActResult.Invalid i => TypedResults.ValidationProblem(i.Errors, title: invalidTitle),
        ActResult.Refused r => (IResult)TypedResults.Problem(statusCode: r.Why.Status, title: r.Why.Title, detail: r.Why.Detail),
        _ => throw new InvalidOperationException("Unknown result."),
    }).Secured();

    /// <summary>A request's technical documentation (Sacramento VI.A.5), for its insiders; verified and logged as a records access.</summary>
    [Function("ToolRequestsDocument")]
    public async Task<IResult> Document(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "requests/{id}/documents/{recordId}")] HttpRequest request,
        string id, string recordId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        var http = request.HttpContext;
        await http.AuthenticateCityAsync();
        http.Response.Headers.CacheControl = "no-store";
        http.Response.Headers["Referrer-Policy"] = "no-referrer";
        var (file, refusal) = await documents.ReadAsync(http, id, recordId, ct);
        if (refusal is not null) return TypedResults.Problem(statusCode: refusal.Status, title: refusal.Title, detail: refusal.Detail).Secured();
        return TypedResults.File(file!.Content, file.ContentType, file.FileName).Secured();
    }
}
