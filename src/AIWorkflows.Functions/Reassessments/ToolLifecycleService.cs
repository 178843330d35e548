using System.Net.Mail;
using System.Security.Cryptography;
using AIWorkflows.App.Tokens;
using AIWorkflows.App.ToolApprovals;
using AIWorkflows.App.Web;
using AIWorkflows.Domain.Policy;
using AIWorkflows.Domain.Reassessments;
using AIWorkflows.App.Workflows;
using AIWorkflows.Storage.Deciding;
using Microsoft.DurableTask.Client;
using static AIWorkflows.Domain.Reassessments.ToolLifecycleCommand;

namespace AIWorkflows.App.Reassessments;

/// <summary>The application service for tools in service: registration, incidents and re-assessment tasks.</summary>
public sealed partial class ToolLifecycleService(
    WorkflowGateway<ToolLifecycleCommand, ToolLifecycle, ToolLifecycleEvent> store,
    TaskTokenService tokens,
    PolicyPack pack,
    TimeProvider clock)
{
    public static readonly IReadOnlyList<string> Severities = ["low", "medium", "high", "critical"];

    public Task<Snapshot<ToolLifecycle, ToolLifecycleEvent>?> GetAsync(string toolId, bool withEvents, CancellationToken ct) =>
        IsToolId(toolId) ? store.LoadAsync(toolId, withEvents, ct) : Task.FromResult<Snapshot<ToolLifecycle, ToolLifecycleEvent>?>(null);

    /// <summary>Registers an imported tool; false when it was already registered (a repeated import row).</summary>
    public async Task<bool> RegisterAsync(ToolProfile profile, DateTimeOffset? firstDueAt, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(profile);
        // Registered asleep, as the tool would be after its first step: a bulk import starts no orchestration.
        return await store.StartAsleepAsync(profile.ToolId, new Register(profile, firstDueAt, clock.GetUtcNow()), ct);
    }

    /// <summary>Sacramento VI.A.7: labor relations classifies an imported tool's effect on working conditions; false when it was not unknown.</summary>
    public async Task<bool> ClassifyImpactAsync(DurableTaskClient client, string toolId, bool affects, string by, CancellationToken ct) =>
        (await store.SendAsync(client, toolId, new ClassifyImpact(affects ? "yes" : "no", by, clock.GetUtcNow()), ct)).NewEvents.Count > 0;

    /// <param name="Kind">One of the pack's incident kinds (e.g. cybersecurity); optional.</param>
    public sealed record IncidentInput(string? ToolId, string? ReporterEmail, string? SupervisorEmail, string? Severity, string? Description, string? Kind = null);

    public abstract record IncidentResult
    {
        /// <param name="ToolStatus">The tool's register status after the report.</param>
        /// <param name="AwaitingTriage">The reporter was not signed in: the AI officer confirms before anything changes.</param>
        public sealed record Reported(string IncidentId, string ToolId, string ToolStatus, bool AwaitingTriage) : IncidentResult;
        public sealed record Invalid(Dictionary<string, string[]> Errors) : IncidentResult;
    }

    /// <param name="signedInEmail">The reporter's signed-in city identity, or null for someone not signed in.</param>
    public async Task<IncidentResult> ReportIncidentAsync(DurableTaskClient client, IncidentInput input, string? signedInEmail, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(input);
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var tool = input.ToolId is { } id && IsToolId(id) ? await store.LoadAsync(id, false, ct) : null;
        if (tool?.State is null or ToolLifecycle.None) errors["toolId"] = ["Choose a tool from the city's register."];
        else if (signedInEmail is null && tool.State is ToolLifecycle.Retired) errors["toolId"] = ["This tool is retired and no longer in use. Sign in with your city account to report something about its past use."];
        // The reporter is who signed in; someone not signed in gives an address the AI officer can answer.
        var reporter = signedInEmail ?? input.ReporterEmail?.Trim();
        if (signedInEmail is not null && !string.IsNullOrWhiteSpace(input.ReporterEmail) && !SameEmail(input.ReporterEmail, signedInEmail))
            errors["reporterEmail"] = [$"You are signed in as {signedInEmail}: the report is made in your name. Leave this empty or use that address."];
        else if (!SingleLineText.IsValid(input.ReporterEmail)) errors["reporterEmail"] = [SingleLineText.Refusal];
        else if (!IsEmail(reporter)) errors["reporterEmail"] = ["Enter your work email address."];
        // The supervisor's address is a recipient: one line, and an address.
        if (!SingleLineText.IsValid(input.SupervisorEmail)) errors["supervisorEmail"] = [SingleLineText.Refusal];
        else if (!string.IsNullOrWhiteSpace(input.SupervisorEmail) && !IsEmail(input.SupervisorEmail)) errors["supervisorEmail"] = ["Enter your supervisor's email address, or leave it empty."];
        if (input.Severity is null || !Severities.Contains(input.Severity)) errors["severity"] = ["Choose the severity: low, medium, high or critical."];
        var kind = string.IsNullOrWhiteSpace(input.Kind) ? null : input.Kind.Trim();
        if (kind is not null && pack.IncidentKind(kind) is null)
            errors["kind"] = [pack.IncidentKinds is { Count: > 0 } kinds ? $"Choose the kind of incident: {string.Join(", ", kinds.Select(k => k.Id))}, or leave it empty." : "Leave the kind empty: the city's policy names no kinds of incident."];
        var description = input.Description?.Trim() ?? "";
        if (description.Length == 0) errors["description"] = ["Say what happened."];
        else if (description.Length > ToolRequestValidator.MaxText) errors["description"] = [$"Use at most {ToolRequestValidator.MaxText} characters."];
        else if (description.Any(c => char.IsControl(c) && c is not ('\n' or '\r' or '\t'))) errors["description"] = ["Remove control characters."];
        if (errors.Count > 0) return new IncidentResult.Invalid(errors);

        var incidentId = $"inc-{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(6))}";
        var supervisor = string.IsNullOrWhiteSpace(input.SupervisorEmail) ? null : input.SupervisorEmail.Trim();
        var d = await store.SendAsync(client, input.ToolId!, new ReportIncident(incidentId, reporter!, supervisor, input.Severity!, description,
            SignedIn: signedInEmail is not null, clock.GetUtcNow(), kind), ct);
        var held = d.NewEvents.Any(e => e.Event is ToolLifecycleEvent.IncidentHeldForTriage);
        return new IncidentResult.Reported(incidentId, input.ToolId!, d.State.Status, held);
    }

    public abstract record TaskAccess
    {
        public sealed record Granted(TaskTokenPayload Payload, Snapshot<ToolLifecycle, ToolLifecycleEvent> Tool, OpenReassessment Open, bool IsOfficerReview) : TaskAccess;
        public sealed record Refused(int Status, string Title, string Detail) : TaskAccess;

        /// <summary>The very answer posted was already recorded (a repeated post): nothing more was recorded.</summary>
        public sealed record Recorded(ToolProfile Tool, bool IsOfficerReview) : TaskAccess;
    }

    /// <summary>What a re-assessment link opens; never changes state.</summary>
    public async Task<TaskAccess> OpenTaskAsync(string? token, CancellationToken ct) => (await OpenTaskWithToolAsync(token, ct)).Access;

    /// <returns>What the link opens and, for a genuine link, its payload and the tool as read.</returns>
    private async Task<(TaskAccess Access, TaskTokenPayload? Payload, Snapshot<ToolLifecycle, ToolLifecycleEvent>? Tool)> OpenTaskWithToolAsync(string? token, CancellationToken ct)
    {
        var v = tokens.Verify(token, LifecycleLinks.Purpose);
        if (v is TokenVerification.Expired) return (new TaskAccess.Refused(410, "This link has expired", "Ask the AI officer for a new link."), null, null);
        if (v is not TokenVerification.Valid { Payload: var p }) return (new TaskAccess.Refused(404, "This link is not valid", "Check that the whole link was copied from the email."), null, null);
        var tool = await store.LoadAsync(p.InstanceId, true, ct);
        if (tool?.State is not ToolLifecycle.InService { Open: { } o }
            || (p.TaskId != o.OwnerTaskId && p.TaskId != o.OfficerTaskId)
            || (p.TaskId == o.OwnerTaskId && o.Attestation is not null))
            return (new TaskAccess.Refused(410, "This re-assessment task is done", "It was already completed or replaced by a newer one."), p, tool);
        return (new TaskAccess.Granted(p, tool, o, p.TaskId == o.OfficerTaskId), p, tool);
    }

    public async Task<(bool Done, Dictionary<string, string[]> Errors, TaskAccess Access)> ActAsync(
        DurableTaskClient client, string? token, IReadOnlyDictionary<string, string?> form, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(form);
        // The decider checks the task again when it decides. The very answer posted again is recorded already: the history only grows.
        var (access, p, tool) = await OpenTaskWithToolAsync(token, ct);
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        if (access is TaskAccess.Refused && RecordedAlready(tool?.State, tool?.Events ?? [], p, form) is { } known) return (true, errors, known);
        if (access is not TaskAccess.Granted g) return (false, errors, access);
        string Text(string key, string message)
        {
            var value = form.GetValueOrDefault(key)?.Trim() ?? "";
            if (value.Length == 0) errors[key] = [message];
            else if (value.Length > ToolRequestValidator.MaxText) errors[key] = [$"Use at most {ToolRequestValidator.MaxText} characters."];
            else if (ToolRequestValidator.HasControlCharacters(value)) errors[key] = ["Remove control characters."];
            return value;
        }
        ToolLifecycleCommand command;
        if (!g.IsOfficerReview)
        {
            command = new Attest(g.Payload.TaskId, g.Payload.Subject, Text("use", "Say how the tool is used now."),
                Text("dataChanges", "Say whether the data it handles changed (or 'none')."), Text("incidentsSince", "List incidents since the last review (or 'none')."), clock.GetUtcNow());
        }
        else
        {
            var outcome = Outcome(form.GetValueOrDefault("outcome"));
            if (outcome is null) errors["outcome"] = ["Choose whether the tool continues, is suspended or retired."];
            var tier = form.GetValueOrDefault("tier");
            if (!string.IsNullOrEmpty(tier) && pack.Tiers.All(t => t.Id != tier)) errors["tier"] = ["Choose one of the city's tiers."];
            command = new CompleteReassessment(g.Payload.TaskId, g.Payload.Subject, outcome ?? default, string.IsNullOrEmpty(tier) ? null : tier,
                Text("comments", "Record the reasons for this decision."), clock.GetUtcNow());
        }
        if (errors.Count > 0) return (false, errors, access);
        var d = await store.SendAsync(client, g.Payload.InstanceId, command, ct);
        if (d.NewEvents.Count > 0) return (true, errors, access);
        // Committed meanwhile by a post of the same answer: the state tells the owner's attestation (an officer's review, only its history).
        return RecordedAlready(d.State, [], g.Payload, form) is { } raced
            ? (true, errors, raced)
            : (false, errors, new TaskAccess.Refused(410, "This re-assessment task is done", "It was already completed."));
    }

    public static bool IsToolId(string? id) =>
        id is { Length: > 5 and <= 100 } && id.StartsWith("tool-", StringComparison.Ordinal) && id.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_');

    private static bool IsEmail(string? v) => v is { Length: <= 200 } && MailAddress.TryCreate(v.Trim(), out var a) && a.Address == v.Trim();
}
