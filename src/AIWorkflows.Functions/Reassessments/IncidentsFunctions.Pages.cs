using AIWorkflows.App.Identity;
using AIWorkflows.App.Inventory;
using AIWorkflows.App.Web.Pages;
using AIWorkflows.App.Reassessments.Pages;
using AIWorkflows.Domain.Reassessments;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;
using static AIWorkflows.App.Reassessments.ToolLifecycleService;

namespace AIWorkflows.App.Reassessments;

/// <summary>
/// <c>/incidents/new</c>, through the same service as POST /api/incidents: a signed-in employee reports in their own
/// name and the report is acted on at once; anyone else's waits for the AI officer's triage. After a report, a 303 to
/// <c>/incidents/{toolId}/{incidentId}</c>, which says where it stands.
/// </summary>
public sealed partial class IncidentsFunctions
{
    private static readonly ProblemView NotFound = new(StatusCodes.Status404NotFound, "Incident not found",
        "There is no incident at this address. Check that you copied the whole address, or report the incident again.");

    [Function("IncidentsNewPage")]
    public async Task<IResult> NewPage([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "incidents/new")] HttpRequest request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        // Signed in or not: the form's antiforgery token is bound to whoever will post it, and the page says who reports.
        var user = await request.HttpContext.AuthenticateCityAsync();
        var tools = await ToolsAsync(ct);
        var tool = request.Query["tool"].ToString();
        var form = new IncidentInput(tools.Any(t => t.ToolId == tool) ? tool : null, null, null, null, null);
        return Page.Render<NewIncidentPage, NewIncidentView>(new NewIncidentView(tools, NewIncidentView.KindsOf(pack), form, FormErrors.None, SignedIn(user)));
    }

    [Function("IncidentsNewPageForm")]
    public async Task<IResult> NewPageForm(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "incidents/new")] HttpRequest request,
        [DurableClient] DurableTaskClient client, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        var http = request.HttpContext;
        var signedIn = SignedIn(await http.AuthenticateCityAsync());
        var posted = await PageForms.ReadAsync(http, ct);
        if (posted.Form is not { } form) return posted.Refusal!;
        string? Field(string name) => form.TryGetValue(name, out var v) ? v.ToString() : null;
        var input = new IncidentInput(Field("toolId"), Field("reporterEmail"), Field("supervisorEmail"), Field("severity"), Field("description"), Field("kind"));
        switch (await service.ReportIncidentAsync(client, input, signedIn, ct))
        {
            case IncidentResult.Reported r:
                return new SeeOtherRedirect(PagePath(r));
            case IncidentResult.Invalid i:
                var kinds = NewIncidentView.KindsOf(pack);
                var view = new NewIncidentView(await ToolsAsync(ct), kinds, input, NewIncidentView.ErrorsOf(i.Errors, kinds), signedIn);
                return Page.Render<NewIncidentPage, NewIncidentView>(view, StatusCodes.Status400BadRequest);
            default:
                throw new InvalidOperationException("Unknown incident result.");
        }
    }

    [Function("IncidentsReportedPage")]
    public async Task<IResult> ReportedPage(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "incidents/{toolId}/{incidentId}")] HttpRequest request,
        string toolId, string incidentId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        var snapshot = await service.GetAsync(toolId, false, ct);
        var incident = (snapshot?.State as ToolLifecycle.InService)?.Incidents.FirstOrDefault(i => i.IncidentId == incidentId);
        if (incident is null || snapshot?.State.ProfileOrNull is not { } profile) return Page.Problem(NotFound);
        return Page.Render<IncidentReportedPage, IncidentReportedView>(new IncidentReportedView(profile, incident, snapshot.State.Status));
    }

    // Tools in use can be reported: a retired tool is no longer used, and a planned one not yet.
    private async Task<IReadOnlyList<InventoryEntry>> ToolsAsync(CancellationToken ct) =>
        [.. (await register.ListAsync(RegisterFilter.None, ct)).Matching.Where(t => t.Status is not ("retired" or PlannedTools.Planned))];
}
