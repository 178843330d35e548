using AIWorkflows.Domain.AccessGrants;

namespace AIWorkflows.App.AccessGrants;

/// <summary>
/// One grant as IT and the AI officer list it (Albuquerque 4.1: the list of who may use which tool):
/// who, which tool, its status, what is still missing and until when access holds. A projection of
/// the grant's state written by its effects; <c>Version</c> is the state's, so a late write never wins.
/// </summary>
public sealed record GrantLine(
    string GrantId,
    string ToolId,
    string ToolName,
    string EmployeeEmail,
    string Department,
    string Status,
    IReadOnlyList<string> Missing,
    DateTimeOffset RequestedAt,
    DateTimeOffset? GrantedAt,
    DateTimeOffset? ExpiresAt,
    string? EndedReason,
    DateTimeOffset UpdatedAt,
    long Version)
{
    public static readonly IReadOnlyList<string> Statuses = ["granted", "pending", "refused", "ended"];

    public static GrantLine? From(AccessGrant state, long version, DateTimeOffset at)
    {
        if (state.FileOrNull is not { } f) return null;
        var granted = state as AccessGrant.Granted;
        var ended = state as AccessGrant.Ended;
        return new GrantLine(f.GrantId, f.ToolId, f.ToolName, f.EmployeeEmail, f.Department, state.Status,
            granted is not null ? [] : ended is not null ? [] : AccessGrantDecider.Missing(f, at),
            f.RequestedAt, granted?.GrantedAt, granted is { ExpiresAt: var e } && e != DateTimeOffset.MaxValue ? e : null,
            ended?.Reason, at, version);
    }
}
