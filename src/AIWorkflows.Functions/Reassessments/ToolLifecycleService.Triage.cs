using Microsoft.DurableTask.Client;
using AIWorkflows.App.Tokens;
using AIWorkflows.App.ToolApprovals;
using AIWorkflows.Domain.Reassessments;
using AIWorkflows.Storage.Deciding;
using static AIWorkflows.Domain.Reassessments.ToolLifecycleCommand;

namespace AIWorkflows.App.Reassessments;

/// <summary>
/// The AI officer's triage of an incident reported by someone not signed in (Sacramento VII.B, V.C.3): an emailed,
/// signed link opens the report (GET never acts); the officer confirms it, so the pack's rule applies, or dismisses it.
/// </summary>
public sealed partial class ToolLifecycleService
{
    public abstract record TriageAccess
    {
        public sealed record Granted(TaskTokenPayload Payload, ToolProfile Tool, string Status, IncidentNote Incident) : TriageAccess;
        public sealed record Refused(int Status, string Title, string Detail) : TriageAccess;

        /// <summary>The report is answered (by this post, or the same answer posted again): what it is now.</summary>
        public sealed record Recorded(ToolProfile Tool, string Status, IncidentNote Incident) : TriageAccess;
    }

    /// <summary>What a triage link opens; never changes state.</summary>
    public async Task<TriageAccess> OpenTriageAsync(string? token, CancellationToken ct)
    {
        var v = tokens.Verify(token, LifecycleLinks.TriagePurpose);
        if (v is TokenVerification.Expired) return new TriageAccess.Refused(410, "This link has expired", "Find the report in the tool's records, or ask for the report to be made again.");
        if (v is not TokenVerification.Valid { Payload: var p }) return new TriageAccess.Refused(404, "This link is not valid", "Check that the whole link was copied from the email.");
        var tool = await store.LoadAsync(p.InstanceId, false, ct);
        var note = (tool?.State as ToolLifecycle.InService)?.Incidents.FirstOrDefault(n => n.Triage?.TaskId == p.TaskId);
        if (tool?.State.ProfileOrNull is not { } profile || note is null)
            return new TriageAccess.Refused(410, "This report can no longer be triaged", "The tool was retired or the report is no longer on its record.");
        return note.Triage!.Confirmed is null
            ? new TriageAccess.Granted(p, profile, tool.State.Status, note)
            : new TriageAccess.Recorded(profile, tool.State.Status, note);
    }

    public async Task<(Dictionary<string, string[]> Errors, TriageAccess Access)> TriageAsync(DurableTaskClient client, string? token, string? decision, string? comments, CancellationToken ct)
    {
        var access = await OpenTriageAsync(token, ct);
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        bool? confirm = decision switch { "confirm" => true, "dismiss" => false, _ => null };
        var text = comments?.Trim() ?? "";
        // The same answer posted again (a double click, a retry) is answered as recorded; another answer is refused.
        if (access is TriageAccess.Recorded r)
            return r.Incident.Triage!.Confirmed == confirm && r.Incident.Triage.Comments == text
                ? (errors, r)
                : (errors, new TriageAccess.Refused(409, "This report is already triaged", $"It was {r.Incident.Status} by {r.Incident.Triage.By}."));
        if (access is not TriageAccess.Granted g) return (errors, access);

        if (confirm is null) errors["decision"] = ["Choose whether to confirm the report or dismiss it."];
        if (text.Length == 0) errors["comments"] = ["Record the reasons for your decision."];
        else if (text.Length > ToolRequestValidator.MaxText) errors["comments"] = [$"Use at most {ToolRequestValidator.MaxText} characters."];
        else if (ToolRequestValidator.HasControlCharacters(text)) errors["comments"] = ["Remove control characters."];
        if (errors.Count > 0) return (errors, access);

        var d = await store.SendAsync(client, g.Payload.InstanceId, new TriageIncident(g.Incident.IncidentId, g.Payload.TaskId, g.Payload.Subject, confirm!.Value, text, clock.GetUtcNow()), ct);
        // Decided now, or (nothing decided) the very same answer committed meanwhile: recorded; anything else was first.
        var now = (d.State as ToolLifecycle.InService)?.Incidents.FirstOrDefault(n => n.IncidentId == g.Incident.IncidentId);
        if (now?.Triage is not { } t || t.Confirmed != confirm || t.Comments != text)
            return (errors, new TriageAccess.Refused(409, "This report is already triaged", "Another answer was recorded first."));
        return (errors, new TriageAccess.Recorded(d.State.ProfileOrNull!, d.State.Status, now!));
    }
}
