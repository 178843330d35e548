using AIWorkflows.Domain.AccessGrants;

namespace AIWorkflows.App.AccessGrants;

/// <summary>A grant as the employee and the API see it: status, what is missing and each requirement with its evidence.</summary>
public sealed record AccessGrantView(
    string GrantId,
    string ToolId,
    string ToolName,
    string EmployeeEmail,
    string Department,
    string Status,
    IReadOnlyList<string> Missing,
    IReadOnlyList<AccessGrantView.CourseView> Courses,
    AccessGrantView.AgreementView? Agreement,
    AccessGrantView.ConsentView? DepartmentHeadConsent,
    AccessGrantView.GrantorView? GrantedBy,
    bool ToolInService,
    DateTimeOffset RequestedAt,
    DateTimeOffset? GrantedAt,
    DateTimeOffset? ExpiresAt,
    string? EndedReason)
{
    public sealed record CourseView(string Id, string Title, int ValidMonths, DateOnly? CompletedOn, DateOnly? ValidUntil);

    public sealed record AgreementView(string? Title, string Sha256, string? SignedBy, DateTimeOffset? SignedAt);

    public sealed record ConsentView(string? By, bool? Given, string? Comments, DateTimeOffset? At);

    /// <summary>The granting office (Albuquerque 4.1: DTI) and its decision, if any.</summary>
    public sealed record GrantorView(string Office, string? By, bool? Granted, string? Note, DateTimeOffset? At);

    public static AccessGrantView? From(AccessGrant state, DateTimeOffset now)
    {
        if (state.FileOrNull is not { } f) return null;
        var g = state as AccessGrant.Granted;
        return new AccessGrantView(f.GrantId, f.ToolId, f.ToolName, f.EmployeeEmail, f.Department, state.Status,
            state is AccessGrant.Pending ? AccessGrantDecider.Missing(f, now) : [],
            [.. f.Required.Courses.Select(c => f.Completions.TryGetValue(c.Id, out var done)
                ? new CourseView(c.Id, c.Title, c.ValidMonths, done, done.AddMonths(c.ValidMonths))
                : new CourseView(c.Id, c.Title, c.ValidMonths, null, null))],
            f.Required.AgreementSha256 is { } sha ? new AgreementView(f.Required.AgreementTitle, sha, f.Agreement?.By, f.Agreement?.At) : null,
            f.Required.DepartmentHeadConsent ? new ConsentView(f.DepartmentHead?.By, f.DepartmentHead?.Given, f.DepartmentHead?.Comments, f.DepartmentHead?.At) : null,
            f.Required.GrantedBy is { } office ? new GrantorView(office, f.Grantor?.By, f.Grantor?.Granted, f.Grantor?.Note, f.Grantor?.At) : null,
            f.ToolInService, f.RequestedAt, g?.GrantedAt, g is { ExpiresAt: var e } && e != DateTimeOffset.MaxValue ? e : null,
            (state as AccessGrant.Ended)?.Reason);
    }
}
