using System.Security.Claims;
using AIWorkflows.App.Identity;
using AIWorkflows.Domain.Policy;
using AIWorkflows.Domain.ToolApprovals;

namespace AIWorkflows.App.ToolApprovals;

/// <summary>
/// Issue 17 §4: a request's id is its status link, and links get forwarded. Reviewers are named (by email)
/// only to the requester, the person who sent it for them, and city staff signed in with a reviewing or
/// officer role; any other holder of the link sees the reviewing role's title in place of the person.
/// </summary>
public static class RequestAudience
{
    public static bool SeesReviewers(ClaimsPrincipal? user, ToolRequestForm? form, PolicyPack pack)
    {
        ArgumentNullException.ThrowIfNull(pack);
        if (form is null || user is null || !user.IsSignedIn()) return false;
        var email = user.Email();
        if (Same(email, form.RequesterEmail) || Same(email, form.SubmittedBy)) return true;
        // "requester" is every employee's role: holding it alone does not make someone staff of the review.
        return user.IsInAnyRole([.. StaffRoles(pack)]);
    }

    private static IEnumerable<string> StaffRoles(PolicyPack pack) =>
        Roles.All.Concat(pack.Roles.Select(r => r.Id)).Where(r => r != Roles.Requester).Distinct(StringComparer.Ordinal);

    private static bool Same(string? a, string? b) =>
        !string.IsNullOrWhiteSpace(a) && string.Equals(a.Trim(), b?.Trim(), StringComparison.OrdinalIgnoreCase);
}
