using AIWorkflows.App.Inventory;
using AIWorkflows.App.Tokens;
using AIWorkflows.App.ToolApprovals;
using AIWorkflows.App.Workflows;
using AIWorkflows.Domain.AccessGrants;
using Microsoft.DurableTask.Client;
using static AIWorkflows.Domain.AccessGrants.AccessGrantCommand;

namespace AIWorkflows.App.AccessGrants;

/// <summary>
/// The application service of access grants: requests, the agreement and consent links, and the
/// lists IT syncs. Pages and the API both call it.
/// </summary>
public sealed partial class AccessGrantService(
    WorkflowGateway<AccessGrantCommand, AccessGrant, AccessGrantEvent> grants,
    AccessGrantDecider decider,
    AccessRequirements requirements,
    InventoryTable inventory,
    EmployeeFiles employees,
    GrantIndex index,
    TaskTokenService tokens,
    TimeProvider clock)
{
    public sealed record RequestInput(string? ToolId, string? EmployeeEmail, string? Department);

    public abstract record RequestResult
    {
        public sealed record Created(AccessGrantView Grant) : RequestResult;

        /// <summary>The employee already has a request (or access) for this tool; nothing changed.</summary>
        public sealed record Existing(AccessGrantView Grant) : RequestResult;

        public sealed record Invalid(Dictionary<string, string[]> Errors) : RequestResult;

        private RequestResult() { }
    }

    // Sacramento VI.B / Albuquerque 4.1: access is only to tools on the city's list of authorized tools.
    public static bool InService(string status) => status is "approved" or "pilot";

    public async Task<RequestResult> RequestAsync(DurableTaskClient client, RequestInput input, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(input);
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var tool = string.IsNullOrWhiteSpace(input.ToolId) ? null : await inventory.GetAsync(input.ToolId.Trim(), ct);
        if (tool is null) errors["toolId"] = ["Choose a tool from the city's register of authorized AI tools."];
        // Albuquerque 4.1: only City-approved AI systems may be used; a retired tool is no longer one.
        else if (tool.Status == "retired") errors["toolId"] = [$"{tool.Name} is retired and can no longer be used."];
        var employee = AccessRequirements.EmployeeKey(input.EmployeeEmail);
        if (!Web.SingleLineText.IsValid(input.EmployeeEmail)) errors["employeeEmail"] = [Web.SingleLineText.Refusal];
        else if (employee is null) errors["employeeEmail"] = ["Enter your work email address, like name@city.gov."];
        var department = input.Department?.Trim() ?? "";
        if (department.Length == 0) errors["department"] = ["Choose your department."];
        else if (department.Length > ToolRequestValidator.MaxShort || !Web.SingleLineText.IsValid(department)) errors["department"] = [$"Use at most {ToolRequestValidator.MaxShort} characters, on one line."];
        if (errors.Count > 0) return new RequestResult.Invalid(errors);

        var grantId = AccessRequirements.GrantId(tool!.ToolId, employee!);
        // Completions already on file count at once (a course taken for another tool need not be taken again).
        var file = await employees.ReadAsync(employee!, ct);
        var required = requirements.Snapshot();
        var completions = file.CompletedOn.Where(c => required.Courses.Any(r => r.Id == c.Key)).ToDictionary(c => c.Key, c => c.Value, StringComparer.Ordinal);
        var now = clock.GetUtcNow();
        var request = new RequestAccess(grantId, tool.ToolId, tool.Name, employee!, department, required, completions, InService(tool.Status), now);
        // The grant's instance runs for good once started: a request after the grant ended goes to it as an event.
        var d = await grants.StartAsync(client, grantId, request, mayExist: true, ct);
        if (!d.Changed && decider.Decide(request, d.State).Count > 0) d = await grants.SendAsync(client, grantId, request, ct);
        var view = AccessGrantView.From(d.State, now)!;
        return d.Changed ? new RequestResult.Created(view) : new RequestResult.Existing(view);
    }

    public async Task<AccessGrantView?> GetAsync(string grantId, CancellationToken ct) =>
        AccessRequirements.IsGrantId(grantId) && await grants.LoadAsync(grantId, includeEvents: false, ct) is { } s
            ? AccessGrantView.From(s.State, clock.GetUtcNow())
            : null;

    /// <summary>An officer ends a grant (or a waiting request); null when there is no such grant.</summary>
    public async Task<AccessGrantView?> RevokeAsync(DurableTaskClient client, string grantId, string by, string reason, CancellationToken ct)
    {
        if (!AccessRequirements.IsGrantId(grantId) || await grants.LoadAsync(grantId, includeEvents: false, ct) is not { State.FileOrNull: not null }) return null;
        var now = clock.GetUtcNow();
        var d = await grants.SendAsync(client, grantId, new Revoke(by, reason, now), ct);
        return AccessGrantView.From(d.State, now);
    }

    public sealed record ListQuery(string? ToolId, string? Employee, string? Status);

    /// <summary>Grants by tool, by employee, both or neither; <c>Status</c> null lists every status.</summary>
    public async Task<IReadOnlyList<GrantLine>> ListAsync(ListQuery q, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(q);
        IEnumerable<GrantLine> lines;
        if (q.Employee is { } employee && q.ToolId is { } toolId)
            lines = await index.GetAsync(toolId, AccessRequirements.GrantId(toolId, employee), ct) is { } one ? [one] : [];
        else if (q.ToolId is { } tool)
            return [.. (await index.ByToolAsync(tool, q.Status, ct)).OrderBy(l => l.EmployeeEmail, StringComparer.Ordinal)];
        else if (q.Employee is { } e)
        {
            var pointers = (await employees.ReadAsync(e, ct)).Grants;
            var found = await Task.WhenAll(pointers.Select(p => index.GetAsync(p.ToolId, p.GrantId, ct)));
            lines = found.OfType<GrantLine>();
        }
        else lines = await index.AllAsync(q.Status, ct);
        return [.. lines.Where(l => q.Status is null || l.Status == q.Status).OrderBy(l => l.ToolId, StringComparer.Ordinal).ThenBy(l => l.EmployeeEmail, StringComparer.Ordinal)];
    }
}
