using Microsoft.AspNetCore.Authentication;

namespace AIWorkflows.App.Identity;

public sealed class CityAuthenticationOptions : AuthenticationSchemeOptions
{
    public const string Scheme = "City";

    /// <summary>
    /// <c>Auth:TrustEasyAuth</c>. Only App Service Authentication may set
    /// <c>X-MS-CLIENT-PRINCIPAL</c>, and only when the app sits behind it; anywhere else the
    /// header is whatever the caller typed, so it is ignored unless this is on.
    /// </summary>
    public bool TrustEasyAuth { get; set; }

    /// <summary>Accept <c>X-Dev-User</c>; set from the environment (Development), never from configuration.</summary>
    public bool AllowDevUser { get; set; }
}
