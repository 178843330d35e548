using AIWorkflows.App.Reassessments;
using AIWorkflows.Domain.Reassessments;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace AIWorkflows.App.Pages.Incidents;

/// <summary>
/// <c>/incidents/{toolId}/{incidentId}</c>: the confirmation after a report. It shows only what the
/// tool's own record holds (the incident id, severity, time, the tool's status), never the report's text.
/// </summary>
public sealed class ReportedModel(ToolLifecycleService service) : PageModel
{
    public ToolProfile? Tool { get; private set; }

    public IncidentNote? Incident { get; private set; }

    public string Status { get; private set; } = "";

    /// <summary>Where a report held for triage stands, in words.</summary>
    public string TriageWords => Incident?.Status switch
    {
        "awaiting_triage" => "Waiting for the AI officer to confirm it",
        "confirmed" => "Confirmed by the AI officer",
        "dismissed" => "Dismissed by the AI officer",
        _ => "Acted on as reported",
    };

    public async Task<IActionResult> OnGetAsync(string toolId, string incidentId, CancellationToken ct)
    {
        var snapshot = await service.GetAsync(toolId, false, ct);
        Incident = snapshot?.State switch
        {
            ToolLifecycle.InService s => s.Incidents.FirstOrDefault(i => i.IncidentId == incidentId),
            _ => null,
        };
        if (Incident is null || snapshot?.State.ProfileOrNull is not { } profile)
        {
            Response.StatusCode = StatusCodes.Status404NotFound;
            return Page();
        }
        Tool = profile;
        Status = snapshot.State.Status;
        return Page();
    }
}
