using System.Security.Claims;

namespace AIWorkflows.App.Identity;

/// <summary>The one shape of signed-in user the app sees, whichever header it came from.</summary>
public static class CityPrincipal
{
    public static ClaimsPrincipal Create(
        string email, IEnumerable<string> roles, string authenticationType, IEnumerable<Claim> extraClaims)
    {
        // Name is the email too, so User.Identity.Name is useful in logs and audit records.
        var identity = new ClaimsIdentity(authenticationType, ClaimTypes.Email, ClaimTypes.Role);
        identity.AddClaim(new Claim(ClaimTypes.Email, email));
        foreach (var role in roles.Distinct(StringComparer.Ordinal))
            identity.AddClaim(new Claim(ClaimTypes.Role, role));
        identity.AddClaims(extraClaims);
        return new ClaimsPrincipal(identity);
    }

    public static string? Email(this ClaimsPrincipal user) =>
        user?.FindFirst(ClaimTypes.Email)?.Value;
}
