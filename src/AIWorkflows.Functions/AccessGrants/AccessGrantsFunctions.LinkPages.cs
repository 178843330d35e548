using AIWorkflows.App.AccessGrants.Pages;
using AIWorkflows.App.Identity;
using AIWorkflows.App.Web.Pages;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;

namespace AIWorkflows.App.AccessGrants;

/// <summary>
/// The emailed links' pages: the employee signs the agreement (Albuquerque 5.1), the department head consents or
/// refuses, and DTI grants or refuses once everything else is in place (Albuquerque 4.1). A GET only reads (mail
/// scanners open links before people do); a POST acts once. The signed token in the address is the capability, so
/// the sign and consent forms take no antiforgery token, as task links do; DTI's grant form also asks for it.
/// </summary>
public sealed partial class AccessGrantsFunctions
{
    [Function("AccessSignPage")]
    public async Task<IResult> SignPage([HttpTrigger(AuthorizationLevel.Anonymous, "get", "head", Route = "access/sign/{token}")] HttpRequest request, string token, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        LinkPageHeaders.Apply(request.HttpContext.Response);
        return Show<SignPage>(AccessLinkView.Of(await service.OpenSignAsync(token, ct)));
    }

    [Function("AccessSignPageForm")]
    public async Task<IResult> SignPageForm(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "access/sign/{token}")] HttpRequest request, string token,
        [DurableClient] DurableTaskClient client, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        var posted = await PageForms.ReadLinkFormAsync(request.HttpContext, ct);
        if (posted.Form is not { } form) return posted.Refusal!;
        var done = await service.SignAsync(client, token, PageForms.Field(form, "agree"), PageForms.Field(form, "sha256"), ct);
        return Show<SignPage>(AccessLinkView.After(done, e => new FormErrors(e, ["agree"])));
    }

    [Function("AccessConsentPage")]
    public async Task<IResult> ConsentPage([HttpTrigger(AuthorizationLevel.Anonymous, "get", "head", Route = "access/consent/{token}")] HttpRequest request, string token, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        LinkPageHeaders.Apply(request.HttpContext.Response);
        return Show<ConsentPage>(AccessLinkView.Of(await service.OpenConsentAsync(token, ct)));
    }

    [Function("AccessConsentPageForm")]
    public async Task<IResult> ConsentPageForm(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "access/consent/{token}")] HttpRequest request, string token,
        [DurableClient] DurableTaskClient client, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        var posted = await PageForms.ReadLinkFormAsync(request.HttpContext, ct);
        if (posted.Form is not { } form) return posted.Refusal!;
        var (decision, comments) = (PageForms.Field(form, "decision"), PageForms.Field(form, "comments"));
        var done = await service.ConsentAsync(client, token, decision, comments, ct);
        return Show<ConsentPage>(AccessLinkView.After(done, e => AccessLinkView.ErrorsOf(e, AccessLinkView.ConsentOrder, AccessLinkView.ConsentDecisions), decision, comments));
    }

    [Function("AccessGrantPage")]
    public async Task<IResult> GrantPage([HttpTrigger(AuthorizationLevel.Anonymous, "get", "head", Route = "access/grant/{token}")] HttpRequest request, string token, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        // The form's antiforgery token is bound to whoever will post it (DTI may be signed in).
        await request.HttpContext.AuthenticateCityAsync();
        LinkPageHeaders.Apply(request.HttpContext.Response);
        return Show<GrantPage>(AccessLinkView.Of(await service.OpenGrantAsync(token, ct)));
    }

    [Function("AccessGrantPageForm")]
    public async Task<IResult> GrantPageForm(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "access/grant/{token}")] HttpRequest request, string token,
        [DurableClient] DurableTaskClient client, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        var http = request.HttpContext;
        await http.AuthenticateCityAsync();
        LinkPageHeaders.Apply(http.Response);
        var posted = await PageForms.ReadAsync(http, ct);
        if (posted.Form is not { } form) return posted.Refusal!;
        var (decision, note) = (PageForms.Field(form, "decision"), PageForms.Field(form, "note"));
        var done = await service.GrantAsync(client, token, decision, note, ct);
        return Show<GrantPage>(AccessLinkView.After(done, e => AccessLinkView.ErrorsOf(e, AccessLinkView.GrantOrder, AccessLinkView.GrantDecisions), decision, note));
    }

    private static PageResult<TPage, AccessLinkView> Show<TPage>(AccessLinkView view) where TPage : PageComponent<AccessLinkView> =>
        Page.Render<TPage, AccessLinkView>(view, view.Status);
}
