using System.Security.Claims;
using AIWorkflows.App.Identity;
using AIWorkflows.Domain.Policy;
using AIWorkflows.Domain.ToolApprovals;

namespace AIWorkflows.App.ToolApprovals;

/// <summary>
/// A request's id is its status link, and links get forwarded. The people of a request and their words are
/// shown only to its insiders: the requester, the person who sent it for them, and city staff signed in with
/// a reviewing or officer role. Any other holder of the link (issue 17 §4, issue 19.2) sees each reviewer's
/// role title in place of the person, no requester's or sender's address, and no reviewer's comments, finding,
/// justification or organization representative's address: the status, tier, reasons, conditions and history.
/// </summary>
public static class RequestAudience
{
    public static bool IsInsider(ClaimsPrincipal? user, ToolRequestForm? form, PolicyPack pack)
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
