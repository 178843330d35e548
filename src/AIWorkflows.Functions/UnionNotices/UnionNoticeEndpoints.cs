using AIWorkflows.App.Feedback;
using AIWorkflows.App.Identity;
using AIWorkflows.App.ToolApprovals;
using AIWorkflows.App.Web;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.DurableTask.Client;

namespace AIWorkflows.App.UnionNotices;

/// <summary>
/// JSON for other systems: an organization answers through its link like a reviewer decides
/// (<c>POST /api/union/{token}/answer</c>); labor relations reads a notice and concludes its cases.
/// Meetings with minutes are logged on the case page (a file upload form).
/// </summary>
public static class UnionNoticeEndpoints
{
    public static RouteGroupBuilder MapUnionNotices(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api").WithTags("Union notices");
        api.MapPost("/union/{token}/answer", AnswerAsync);
        // Sacramento VI.A.7: an organization that learns of a tool asks to meet and confer; no sign-in, and it can do nothing else.
        api.MapPost("/union-requests", RequestAsync);
        // Sacramento VI.A.7: labor relations runs the meet and confer for the city.
        var labor = api.MapGroup("/union-notices").RequireAuthorization(p => p.RequireRole(Roles.LaborRelations));
        labor.MapPost("", OpenAsync);
        labor.MapGet("/unclassified", UnclassifiedAsync);
        labor.MapPost("/classifications", ClassifyAsync);
        labor.MapGet("/{noticeId}", GetAsync);
        labor.MapPost("/{noticeId}/conclusions", ConcludeAsync);
        return api;
    }

    public sealed record AnswerView(string NoticeId, string OrganizationId, string Status, string Message);

    public static async Task<Results<Ok<AnswerView>, ValidationProblem, ProblemHttpResult>> AnswerAsync(
        string token, HttpContext http, UnionNoticeService service, DurableTaskClient client, CancellationToken ct)
    {
        var body = await JsonBody.ReadAsync<UnionNoticeService.AnswerInput>(http.Request, ToolRequestInput.Json, ct);
        if (body.Problem is { } problem) return problem;
        return await service.AnswerAsync(client, token, body.Value!, ct) switch
        {
            UnionNoticeService.AnswerResult.Done d => TypedResults.Ok(new AnswerView(d.Notice.NoticeId, d.Organization.Id, d.Organization.Status,
                d.Requested ? "Your request to meet and confer is recorded; labor relations will contact you." : "Your waiver is recorded.")),
            UnionNoticeService.AnswerResult.Invalid i => TypedResults.ValidationProblem(i.Errors, title: "The answer has errors"),
            UnionNoticeService.AnswerResult.Refused r => TypedResults.Problem(statusCode: r.Why.Status, title: r.Why.Title, detail: r.Why.Detail),
            _ => throw new InvalidOperationException("Unknown result."),
        };
    }

    public sealed record OpenedView(string NoticeId, string Message, UnionNoticeView Notice);

    // Sacramento VI.A.7: labor relations opens a notice on any registered tool, imported or never noticed.
    public static async Task<Results<Created<OpenedView>, ValidationProblem, ProblemHttpResult>> OpenAsync(
        HttpContext http, UnionNoticeService service, DurableTaskClient client, CancellationToken ct)
    {
        var body = await JsonBody.ReadAsync<UnionNoticeService.OpenInput>(http.Request, ToolRequestInput.Json, ct);
        if (body.Problem is { } problem) return problem;
        return await service.OpenOnToolAsync(client, body.Value!, http.User.Email() ?? "labor relations", ct) switch
        {
            UnionNoticeService.CaseResult.Done d => TypedResults.Created($"/union-cases/{d.Notice.NoticeId}", new OpenedView(d.Notice.NoticeId, d.Message, d.Notice)),
            UnionNoticeService.CaseResult.Invalid i => TypedResults.ValidationProblem(i.Errors, title: "The notice has errors"),
            _ => throw new InvalidOperationException("Unknown result."),
        };
    }

    // Sacramento VI.A.7: registered tools whose impact on working conditions is unknown (federal imports), for labor relations.
    public static async Task<Ok<IReadOnlyList<UnionNoticeService.UnclassifiedTool>>> UnclassifiedAsync(Inventory.PublicRegister register, CancellationToken ct) =>
        TypedResults.Ok(await UnionNoticeService.UnclassifiedAsync(register, ct));

    public sealed record ClassifiedView(string ToolId, string Impact, string? NoticeId, string Message);

    public static async Task<Results<Ok<ClassifiedView>, ValidationProblem, ProblemHttpResult>> ClassifyAsync(
        HttpContext http, UnionNoticeService service, DurableTaskClient client, CancellationToken ct)
    {
        var body = await JsonBody.ReadAsync<UnionNoticeService.ClassifyInput>(http.Request, ToolRequestInput.Json, ct);
        if (body.Problem is { } problem) return problem;
        return await service.ClassifyAsync(client, body.Value!, http.User.Email() ?? "labor relations", ct) switch
        {
            UnionNoticeService.ClassifyResult.Noticed n => TypedResults.Ok(new ClassifiedView(n.Notice.ToolId, "yes", n.Notice.NoticeId, n.Message)),
            UnionNoticeService.ClassifyResult.Classified c => TypedResults.Ok(new ClassifiedView(c.ToolId, c.Impact, null, c.Message)),
            UnionNoticeService.ClassifyResult.Invalid i => TypedResults.ValidationProblem(i.Errors, title: "The classification has errors"),
            _ => throw new InvalidOperationException("Unknown result."),
        };
    }

    public sealed record RequestedView(string ToolId, string OrganizationId, string Status, string Message);

    public static async Task<Results<Accepted<RequestedView>, ValidationProblem, ProblemHttpResult>> RequestAsync(
        HttpContext http, UnionNoticeService service, FeedbackRateLimit limit, DurableTaskClient client, CancellationToken ct)
    {
        var body = await JsonBody.ReadAsync<UnionNoticeService.RequestInput>(http.Request, ToolRequestInput.Json, ct);
        if (body.Problem is { } problem) return problem;
        // The form is open to anyone: the public feedback form's per-address limit applies (after the body's size and shape).
        if (limit.Refuse(http) is { } seconds)
        {
            FeedbackRateLimit.SetHeaders(http.Response, seconds);
            return TypedResults.Problem(statusCode: StatusCodes.Status429TooManyRequests, title: "You have sent several requests in a short time", detail: FeedbackRateLimit.Detail(seconds));
        }
        return await service.RequestOnToolAsync(client, body.Value!, ct) switch
        {
            UnionNoticeService.CaseResult.Done d => TypedResults.Accepted((string?)null, new RequestedView(d.Notice.ToolId, body.Value!.OrganizationId!.Trim(),
                d.Notice.Organizations.First(o => o.Id == body.Value.OrganizationId.Trim()).Status, d.Message)),
            UnionNoticeService.CaseResult.Invalid i => TypedResults.ValidationProblem(i.Errors, title: "The request has errors"),
            _ => throw new InvalidOperationException("Unknown result."),
        };
    }

    public static async Task<Results<Ok<UnionNoticeView>, ProblemHttpResult>> GetAsync(string noticeId, UnionNoticeService service, CancellationToken ct) =>
        await service.ViewAsync(noticeId, ct) is { } view ? TypedResults.Ok(view) : NoSuchNotice(noticeId);

    public static async Task<Results<Ok<UnionNoticeView>, ValidationProblem, ProblemHttpResult>> ConcludeAsync(
        string noticeId, HttpContext http, UnionNoticeService service, DurableTaskClient client, CancellationToken ct)
    {
        var body = await JsonBody.ReadAsync<UnionNoticeService.ConclusionInput>(http.Request, ToolRequestInput.Json, ct);
        if (body.Problem is { } problem) return problem;
        return await service.ConcludeAsync(client, noticeId, body.Value!, http.User.Email() ?? "labor relations", ct) switch
        {
            UnionNoticeService.CaseResult.Done d => TypedResults.Ok(d.Notice),
            UnionNoticeService.CaseResult.Invalid i => TypedResults.ValidationProblem(i.Errors, title: "The conclusion has errors"),
            _ => NoSuchNotice(noticeId),
        };
    }

    private static ProblemHttpResult NoSuchNotice(string noticeId) =>
        TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "No such notice", detail: $"There is no union notice '{noticeId}'.");
}
