using AIWorkflows.App.Web.Pages;
using AIWorkflows.App.Reassessments.Pages;
using AIWorkflows.Domain.Policy;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;

namespace AIWorkflows.App.Reassessments;

/// <summary>
/// <c>/reassess/{token}</c>: the owner's attestation or the AI officer's review of a periodic re-assessment
/// (Albuquerque 4.3), from an emailed link. GET only reads; POST acts once. The signed token in the address is the
/// capability, so the form takes no antiforgery token, as task links do.
/// </summary>
public sealed class ReassessmentFunctions(ToolLifecycleService service, PolicyPack pack)
{
    [Function("ReassessPage")]
    public async Task<IResult> ReassessPage([HttpTrigger(AuthorizationLevel.Anonymous, "get", "head", Route = "reassess/{token}")] HttpRequest request, string token, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        LinkPageHeaders.Apply(request.HttpContext.Response);
        return Show(ReassessView.Of(await service.OpenTaskAsync(token, ct), done: false, ReassessView.TiersOf(pack)));
    }

    [Function("ReassessPageForm")]
    public async Task<IResult> ReassessPageForm(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "reassess/{token}")] HttpRequest request, string token,
        [DurableClient] DurableTaskClient client, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        var posted = await PageForms.ReadLinkFormAsync(request.HttpContext, ct);
        if (posted.Form is not { } form) return posted.Refusal!;
        var values = ReassessView.Order.ToDictionary(key => key, key => form[key].FirstOrDefault(), StringComparer.Ordinal);
        var (done, errors, access) = await service.ActAsync(client, token, values, ct);
        var view = ReassessView.Of(access, done, ReassessView.TiersOf(pack), values);
        return Show(errors.Count > 0 ? view with { Errors = ReassessView.ErrorsOf(errors) } : view);
    }

    private static PageResult<ReassessPage, ReassessView> Show(ReassessView view) => Page.Render<ReassessPage, ReassessView>(view, view.Status);
}
