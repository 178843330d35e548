using AIWorkflows.App.Feedback;
using AIWorkflows.App.ToolApprovals;
using AIWorkflows.App.Web;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;

namespace AIWorkflows.App.UnionNotices;

/// <summary>
/// JSON for other systems, open to anyone: an organization answers through its link as a reviewer decides
/// (<c>POST /api/union/{token}/answer</c>, the signed token is the capability), and an organization that learned of a
/// tool asks to meet and confer on it (<c>POST /api/union-requests</c>, limited per address like the public feedback form).
/// </summary>
public sealed partial class UnionNoticeFunctions
{
    public sealed record AnswerView(string NoticeId, string OrganizationId, string Status, string Message);

    public sealed record RequestedView(string ToolId, string OrganizationId, string Status, string Message);

    [Function("UnionApiAnswer")]
    public async Task<IResult> ApiAnswer(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/union/{token}/answer")] HttpRequest request, string token,
        [DurableClient] DurableTaskClient client, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        var body = await JsonBody.ReadAsync<UnionNoticeService.AnswerInput>(request, ToolRequestInput.Json, ct);
        if (body.Problem is { } problem) return problem.Secured();
        return (await service.AnswerAsync(client, token, body.Value!, ct) switch
        {
            UnionNoticeService.AnswerResult.Done d => TypedResults.Ok(new AnswerView(d.Notice.NoticeId, d.Organization.Id, d.Organization.Status,
                d.Requested ? "Your request to meet and confer is recorded; labor relations will contact you." : "Your waiver is recorded.")),
            UnionNoticeService.AnswerResult.Invalid i => TypedResults.ValidationProblem(i.Errors, title: "The answer has errors"),
            UnionNoticeService.AnswerResult.Refused r => (IResult)TypedResults.Problem(statusCode: r.Why.Status, title: r.Why.Title, detail: r.Why.Detail),
            _ => throw new InvalidOperationException("Unknown result."),
        }).Secured();
    }

    // Sacramento VI.A.7: an organization that learns of a tool asks to meet and confer; no sign-in, and it can do nothing else.
    [Function("UnionApiRequest")]
    public async Task<IResult> ApiRequest(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/union-requests")] HttpRequest request,
        [DurableClient] DurableTaskClient client, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        var body = await JsonBody.ReadAsync<UnionNoticeService.RequestInput>(request, ToolRequestInput.Json, ct);
        if (body.Problem is { } problem) return problem.Secured();
        // The form is open to anyone: the public feedback form's per-address limit applies (after the body's size and shape).
        if (limit.Refuse(request.HttpContext) is { } seconds)
        {
            FeedbackRateLimit.SetHeaders(request.HttpContext.Response, seconds);
            return TypedResults.Problem(statusCode: StatusCodes.Status429TooManyRequests, title: "You have sent several requests in a short time",
                detail: FeedbackRateLimit.Detail(seconds)).Secured();
        }
        var input = body.Value!;
        return (await service.RequestOnToolAsync(client, input, ct) switch
        {
            UnionNoticeService.CaseResult.Done d => TypedResults.Accepted((string?)null, new RequestedView(d.Notice.ToolId, input.OrganizationId!.Trim(),
                d.Notice.Organizations.First(o => o.Id == input.OrganizationId.Trim()).Status, d.Message)),
            UnionNoticeService.CaseResult.Invalid i => (IResult)TypedResults.ValidationProblem(i.Errors, title: "The request has errors"),
            _ => throw new InvalidOperationException("Unknown result."),
        }).Secured();
    }
}
