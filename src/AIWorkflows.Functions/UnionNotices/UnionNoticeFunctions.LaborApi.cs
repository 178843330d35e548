using AIWorkflows.App.Identity;
using AIWorkflows.App.ToolApprovals;
using AIWorkflows.App.Web;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;

namespace AIWorkflows.App.UnionNotices;

/// <summary>
/// Sacramento VI.A.7: labor relations runs the meet and confer for the city. JSON under <c>/api/union-notices</c>, for
/// the labor_relations role only (401/403 problem+json as the city scheme's challenge): open a notice on any registered
/// tool, list and classify the tools whose impact on working conditions is unknown, read a notice, conclude a case.
/// Meetings with minutes are logged on the case page (a file upload form).
/// </summary>
public sealed partial class UnionNoticeFunctions
{
    public sealed record OpenedView(string NoticeId, string Message, UnionNoticeView Notice);

    public sealed record ClassifiedView(string ToolId, string Impact, string? NoticeId, string Message);

    // Sacramento VI.A.7: labor relations opens a notice on any registered tool, imported or never noticed.
    [Function("UnionNoticesApiOpen")]
    public async Task<IResult> ApiOpen(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/union-notices")] HttpRequest request,
        [DurableClient] DurableTaskClient client, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        var user = await request.HttpContext.AuthenticateCityAsync();
        if (CityIdentity.RequireApi(user, Roles.LaborRelations) is { } refused) return refused;
        var body = await JsonBody.ReadAsync<UnionNoticeService.OpenInput>(request, ToolRequestInput.Json, ct);
        if (body.Problem is { } problem) return problem.Secured();
        return (await service.OpenOnToolAsync(client, body.Value!, By(user), ct) switch
        {
            UnionNoticeService.CaseResult.Done d => TypedResults.Created($"/union-cases/{d.Notice.NoticeId}", new OpenedView(d.Notice.NoticeId, d.Message, d.Notice)),
            UnionNoticeService.CaseResult.Invalid i => (IResult)TypedResults.ValidationProblem(i.Errors, title: "The notice has errors"),
            _ => throw new InvalidOperationException("Unknown result."),
        }).Secured();
    }

    // Sacramento VI.A.7: registered tools whose impact on working conditions is unknown (federal imports), for labor relations.
    [Function("UnionNoticesApiUnclassified")]
    public async Task<IResult> ApiUnclassified(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/union-notices/unclassified")] HttpRequest request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (CityIdentity.RequireApi(await request.HttpContext.AuthenticateCityAsync(), Roles.LaborRelations) is { } refused) return refused;
        return TypedResults.Ok(await UnionNoticeService.UnclassifiedAsync(register, ct)).Secured();
    }

    [Function("UnionNoticesApiClassify")]
    public async Task<IResult> ApiClassify(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/union-notices/classifications")] HttpRequest request,
        [DurableClient] DurableTaskClient client, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        var user = await request.HttpContext.AuthenticateCityAsync();
        if (CityIdentity.RequireApi(user, Roles.LaborRelations) is { } refused) return refused;
        var body = await JsonBody.ReadAsync<UnionNoticeService.ClassifyInput>(request, ToolRequestInput.Json, ct);
        if (body.Problem is { } problem) return problem.Secured();
        return (await service.ClassifyAsync(client, body.Value!, By(user), ct) switch
        {
            UnionNoticeService.ClassifyResult.Noticed n => TypedResults.Ok(new ClassifiedView(n.Notice.ToolId, "yes", n.Notice.NoticeId, n.Message)),
            UnionNoticeService.ClassifyResult.Classified c => TypedResults.Ok(new ClassifiedView(c.ToolId, c.Impact, null, c.Message)),
            UnionNoticeService.ClassifyResult.Invalid i => (IResult)TypedResults.ValidationProblem(i.Errors, title: "The classification has errors"),
            _ => throw new InvalidOperationException("Unknown result."),
        }).Secured();
    }

    [Function("UnionNoticesApiGet")]
    public async Task<IResult> ApiGet(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/union-notices/{noticeId}")] HttpRequest request, string noticeId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (CityIdentity.RequireApi(await request.HttpContext.AuthenticateCityAsync(), Roles.LaborRelations) is { } refused) return refused;
        return (await service.ViewAsync(noticeId, ct) is { } view ? (IResult)TypedResults.Ok(view) : NoSuchNotice(noticeId)).Secured();
    }

    [Function("UnionNoticesApiConclude")]
    public async Task<IResult> ApiConclude(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/union-notices/{noticeId}/conclusions")] HttpRequest request, string noticeId,
        [DurableClient] DurableTaskClient client, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        var user = await request.HttpContext.AuthenticateCityAsync();
        if (CityIdentity.RequireApi(user, Roles.LaborRelations) is { } refused) return refused;
        var body = await JsonBody.ReadAsync<UnionNoticeService.ConclusionInput>(request, ToolRequestInput.Json, ct);
        if (body.Problem is { } problem) return problem.Secured();
        return (await service.ConcludeAsync(client, noticeId, body.Value!, By(user), ct) switch
        {
            UnionNoticeService.CaseResult.Done d => (IResult)TypedResults.Ok(d.Notice),
            UnionNoticeService.CaseResult.Invalid i => TypedResults.ValidationProblem(i.Errors, title: "The conclusion has errors"),
            _ => NoSuchNotice(noticeId),
        }).Secured();
    }

    private static ProblemHttpResult NoSuchNotice(string noticeId) =>
        TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "No such notice", detail: $"There is no union notice '{noticeId}'.");
}
