using AIWorkflows.App.Web.Pages;
using AIWorkflows.App.UnionNotices.Pages;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;

namespace AIWorkflows.App.UnionNotices;

/// <summary>
/// <c>/union/{token}</c>: an employee organization's emailed link to a notice of new AI technology (Sacramento VI.A.7).
/// GET and HEAD only read: mail scanners fetch links, some with HEAD, before people open them, so HEAD answers as GET
/// does (status and headers, no body) and changes nothing. POST waives or requests to meet and confer, once. The signed
/// token in the address is the capability, so the form takes no antiforgery token, as task links do.
/// </summary>
public sealed partial class UnionNoticeFunctions
{
    [Function("UnionAnswerPage")]
    public async Task<IResult> AnswerPage(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", "head", Route = "union/{token}")] HttpRequest request, string token, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        LinkPageHeaders.Apply(request.HttpContext.Response);
        return ShowAnswer(UnionAnswerPageView.Of(await service.OpenAsync(token, ct)));
    }

    [Function("UnionAnswerPageForm")]
    public async Task<IResult> AnswerPageForm(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "union/{token}")] HttpRequest request, string token,
        [DurableClient] DurableTaskClient client, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        var posted = await PageForms.ReadLinkFormAsync(request.HttpContext, ct);
        if (posted.Form is not { } form) return posted.Refusal!;
        var input = new UnionNoticeService.AnswerInput(PageForms.Field(form, "answer"), PageForms.Field(form, "name"), PageForms.Field(form, "comments"));
        return ShowAnswer(UnionAnswerPageView.After(await service.AnswerAsync(client, token, input, ct), input));
    }

    private static PageResult<UnionAnswerPage, UnionAnswerPageView> ShowAnswer(UnionAnswerPageView view) =>
        Page.Render<UnionAnswerPage, UnionAnswerPageView>(view, view.Status);
}
