using System.Security.Claims;

namespace AIWorkflows.App.Identity;

/// <summary>
/// <c>X-Dev-User: email; role1,role2</c>: who you are in Development, without an identity
/// provider. The role list is optional (<c>X-Dev-User: a@city.gov</c> is a user with no roles).
/// </summary>
public static class DevUserHeader
{
    public const string Name = "X-Dev-User";

    public static bool TryParse(string? value, out ClaimsPrincipal principal)
    {
        principal = new ClaimsPrincipal();
        if (string.IsNullOrWhiteSpace(value))
            return false;

        var parts = value.Split(';', 2, StringSplitOptions.TrimEntries);
        var email = parts[0];
        if (!LooksLikeEmail(email))
            return false;

        var roles = parts.Length > 1
            ? parts[1].Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            : [];
        principal = CityPrincipal.Create(email, roles, authenticationType: "DevUser", extraClaims: []);
        return true;
    }

    internal static bool LooksLikeEmail(string value) =>
        value.Length is > 2 and <= 254 && value.IndexOf('@', StringComparison.Ordinal) is > 0 && !value.EndsWith('@')
        && !value.Any(char.IsWhiteSpace);
}
