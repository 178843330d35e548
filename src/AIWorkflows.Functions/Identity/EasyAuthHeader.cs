using System.Security.Claims;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace AIWorkflows.App.Identity;

/// <summary>
/// App Service Authentication's <c>X-MS-CLIENT-PRINCIPAL</c>: base64 JSON
/// <c>{auth_typ, name_typ, role_typ, claims:[{typ,val}]}</c>. Entra sends one claim per app
/// role, typed <c>roles</c> or the long role URI; the email is in <c>email</c>,
/// <c>preferred_username</c> or the name claim.
/// </summary>
public static class EasyAuthHeader
{
    public const string Name = "X-MS-CLIENT-PRINCIPAL";
    private const string LongRoleType = "http://schemas.microsoft.com/ws/2008/06/identity/claims/role";
    private const int MaxHeaderChars = 32 * 1024;

    public static bool TryParse(string? value, out ClaimsPrincipal principal)
    {
        principal = new ClaimsPrincipal();
        if (string.IsNullOrWhiteSpace(value) || value.Length > MaxHeaderChars)
            return false;

        var bytes = new byte[value.Length];
        if (!Convert.TryFromBase64String(value.Trim(), bytes, out var written))
            return false;

        EasyAuthPayload? payload;
        try
        {
            payload = JsonSerializer.Deserialize<EasyAuthPayload>(bytes.AsSpan(0, written));
        }
        catch (JsonException)
        {
            return false;
        }
        if (payload?.Claims is not { } claims)
            return false;

        var roleTypes = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "roles", "role", LongRoleType, ClaimTypes.Role };
        if (!string.IsNullOrEmpty(payload.RoleType))
            roleTypes.Add(payload.RoleType);
        var roles = claims.Where(c => c.Type is not null && c.Value is not null && roleTypes.Contains(c.Type))
            .Select(c => c.Value!.Trim()).Where(r => r.Length > 0);

        var email = FindEmail(claims, payload.NameType);
        if (email is null)
            return false;

        // Keep the rest (object id, tenant, name) for auditing; roles are already normalised.
        var extra = claims.Where(c => c.Type is not null && c.Value is not null && !roleTypes.Contains(c.Type))
            .Select(c => new Claim(c.Type!, c.Value!));
        principal = CityPrincipal.Create(email, roles, payload.AuthType ?? "EasyAuth", extra);
        return true;
    }

    private static string? FindEmail(List<EasyAuthClaim> claims, string? nameType)
    {
        // "name" is usually a display name, so a candidate only counts if it looks like an address.
        string[] preferred = ["email", ClaimTypes.Email, "preferred_username", ClaimTypes.Upn, nameType ?? ClaimTypes.Name, "name"];
        return preferred
            .SelectMany(type => claims.Where(c => string.Equals(c.Type, type, StringComparison.OrdinalIgnoreCase)))
            .Select(c => c.Value?.Trim())
            .FirstOrDefault(v => v is not null && DevUserHeader.LooksLikeEmail(v));
    }

    private sealed record EasyAuthPayload(
        [property: JsonPropertyName("auth_typ")] string? AuthType,
        [property: JsonPropertyName("name_typ")] string? NameType,
        [property: JsonPropertyName("role_typ")] string? RoleType,
        [property: JsonPropertyName("claims")] List<EasyAuthClaim>? Claims);

    private sealed record EasyAuthClaim(
        [property: JsonPropertyName("typ")] string? Type,
        [property: JsonPropertyName("val")] string? Value);
}
