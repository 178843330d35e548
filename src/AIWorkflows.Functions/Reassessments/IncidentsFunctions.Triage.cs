using AIWorkflows.App.Identity;
using AIWorkflows.App.Web.Pages;
using AIWorkflows.App.Reassessments.Pages;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;

namespace AIWorkflows.App.Reassessments;

/// <summary>
/// <c>/triage/{token}</c>: the AI officer's emailed link to an incident reported by someone not signed in (Sacramento
/// VII.B). GET only shows the report (mail scanners open links before people do); the answer is a POST, checked for
/// antiforgery as well as the link, because confirming it can take a tool out of service.
/// </summary>
public sealed partial class IncidentsFunctions
{
    [Function("IncidentsTriagePage")]
    public async Task<IResult> TriagePage([HttpTrigger(AuthorizationLevel.Anonymous, "get", "head", Route = "triage/{token}")] HttpRequest request, string token, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        // The form's antiforgery token is bound to whoever will post it (the officer may be signed in).
        await request.HttpContext.AuthenticateCityAsync();
        LinkPageHeaders.Apply(request.HttpContext.Response);
        return Show(TriageView.Of(await service.OpenTriageAsync(token, ct)));
    }

    [Function("IncidentsTriagePageForm")]
    public async Task<IResult> TriagePageForm(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "triage/{token}")] HttpRequest request, string token,
        [DurableClient] DurableTaskClient client, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        var http = request.HttpContext;
        await http.AuthenticateCityAsync();
        LinkPageHeaders.Apply(http.Response);
        var posted = await PageForms.ReadAsync(http, ct);
        if (posted.Form is not { } form) return posted.Refusal!;
        var (decision, comments) = (PageForms.Field(form, "decision"), PageForms.Field(form, "comments"));
        var (errors, access) = await service.TriageAsync(client, token, decision, comments, ct);
        return Show(TriageView.After(errors, access, decision, comments));
    }

    private static PageResult<TriagePage, TriageView> Show(TriageView view) => Page.Render<TriagePage, TriageView>(view, view.Status);
}
