using AIWorkflows.App.Web.Pages;
using AIWorkflows.App.ToolApprovals.Pages;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;

namespace AIWorkflows.App.ToolApprovals;

/// <summary>
/// <c>/respond/{token}</c>: the requester's emailed link. GET and HEAD show the status and the reviewers' findings;
/// a POST with <c>action</c> (resubmit | withdraw) and <c>response</c> answers them. As for task links, the signed
/// token in the address is the capability, so the form takes no antiforgery token and other systems may post it.
/// </summary>
public sealed partial class ToolRequestsFunctions
{
    [Function("ToolRequestsRespondPage")]
    public async Task<IResult> RespondPage(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", "head", Route = "respond/{token}")] HttpRequest request, string token, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        LinkPageHeaders.Apply(request.HttpContext.Response);
        return Show(Respond(await service.OpenAsync(token, LinkTokens.RequesterPurpose, ct)));
    }

    [Function("ToolRequestsRespondPageForm")]
    public async Task<IResult> RespondPageForm(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "respond/{token}")] HttpRequest request, string token,
        [DurableClient] DurableTaskClient client, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        var posted = await PageForms.ReadLinkFormAsync(request.HttpContext, ct);
        if (posted.Form is not { } form) return posted.Refusal!;
        var (action, response) = (PageForms.Field(form, "action"), PageForms.Field(form, "response"));
        return Show(await service.RespondAsync(client, token, action, response, ct) switch
        {
            ActResult.Done done => new RespondPageView(Done: done),
            ActResult.Invalid i => Respond(i.Access, action, response) switch
            {
                { Problem: null } shown => shown with { FormErrors = shown.ErrorsOf(i.Errors) },
                var refused => refused,
            },
            ActResult.Refused r => new RespondPageView(Problem: ProblemView.From(r.Why)),
            _ => throw new InvalidOperationException("Unknown result."),
        });
    }

    private static PageResult<RespondPage, RespondPageView> Show(RespondPageView view) => Page.Render<RespondPage, RespondPageView>(view, view.Status);

    private RespondPageView Respond(LinkAccess access, string? action = null, string? response = null) => access switch
    {
        LinkAccess.Refused refused => new RespondPageView(Problem: ProblemView.From(refused)),
        LinkAccess.Granted granted => new RespondPageView(RequestView.From(granted.Request, pack), Action: action, Response: response),
        _ => throw new InvalidOperationException("Unknown link access."),
    };
}
