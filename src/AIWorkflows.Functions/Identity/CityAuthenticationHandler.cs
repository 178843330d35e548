using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace AIWorkflows.App.Identity;

/// <summary>
/// Turns the identity headers in front of the app into a user: <c>X-Dev-User</c> in
/// Development, App Service Authentication's <c>X-MS-CLIENT-PRINCIPAL</c> when trusted.
/// Neither header means anonymous (reviewers act through signed task links, not accounts).
/// </summary>
public sealed class CityAuthenticationHandler(
    IOptionsMonitor<CityAuthenticationOptions> options, ILoggerFactory logger, UrlEncoder encoder)
    : AuthenticationHandler<CityAuthenticationOptions>(options, logger, encoder)
{
    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (Options.AllowDevUser && Request.Headers.TryGetValue(DevUserHeader.Name, out var devUser))
        {
            return Task.FromResult(DevUserHeader.TryParse(devUser.ToString(), out var user)
                ? Success(user)
                : AuthenticateResult.Fail($"{DevUserHeader.Name} must read 'email; role1,role2'."));
        }

        if (Options.TrustEasyAuth && Request.Headers.TryGetValue(EasyAuthHeader.Name, out var easyAuth))
        {
            return Task.FromResult(EasyAuthHeader.TryParse(easyAuth.ToString(), out var user)
                ? Success(user)
                : AuthenticateResult.Fail($"{EasyAuthHeader.Name} is not a client principal with an email."));
        }

        return Task.FromResult(AuthenticateResult.NoResult());
    }

    // JSON errors are problem+json everywhere in the API, including sign-in failures.
    protected override Task HandleChallengeAsync(AuthenticationProperties properties) =>
        TypedResults.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "Sign-in required").ExecuteAsync(Context);

    protected override Task HandleForbiddenAsync(AuthenticationProperties properties) =>
        TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Forbidden").ExecuteAsync(Context);

    private AuthenticateResult Success(System.Security.Claims.ClaimsPrincipal user) =>
        AuthenticateResult.Success(new AuthenticationTicket(user, Scheme.Name));
}
