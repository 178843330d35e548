using System.Security.Claims;
using AIWorkflows.App.Identity;

namespace AIWorkflows.App.Records;

/// <summary>Who is asking, as the access log writes it: email (or "anonymous"), roles, and the request's trace id.</summary>
public sealed record RecordActor(string Email, IReadOnlyList<string> Roles, string TraceId)
{
    public bool IsRecordsOfficer => Roles.Contains(Identity.Roles.RecordsOfficer, StringComparer.Ordinal);

    public bool IsSignedIn => Email != "anonymous";

    public static RecordActor From(HttpContext http)
    {
        ArgumentNullException.ThrowIfNull(http);
        var user = http.User;
        var signedIn = user.Identity?.IsAuthenticated == true;
        return new RecordActor(
            signedIn ? user.Email() ?? user.Identity!.Name ?? "unknown" : "anonymous",
            signedIn ? [.. user.FindAll(ClaimTypes.Role).Select(c => c.Value)] : [],
            http.TraceIdentifier);
    }
}
