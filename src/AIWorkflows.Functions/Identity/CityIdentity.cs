using System.Security.Claims;
using AIWorkflows.App.Web.Pages;
using AIWorkflows.App.Web;
using Microsoft.AspNetCore.Authentication;

namespace AIWorkflows.App.Identity;

/// <summary>
/// Who is asking, in a function: the city scheme authenticates explicitly (no authentication middleware runs
/// in Azure), and a function checks its roles itself, refusing with a page for people or problem+json for the API.
/// </summary>
public static class CityIdentity
{
    /// <summary>Authenticates with the city scheme and makes the result the request's user (anonymous when none).</summary>
    public static async Task<ClaimsPrincipal> AuthenticateCityAsync(this HttpContext http)
    {
        ArgumentNullException.ThrowIfNull(http);
        var result = await http.AuthenticateAsync(CityAuthenticationOptions.Scheme);
        http.User = result.Succeeded ? result.Principal : new ClaimsPrincipal(new ClaimsIdentity());
        return http.User;
    }

    public static bool IsSignedIn(this ClaimsPrincipal user) => user?.Identity?.IsAuthenticated == true;

    public static bool IsInAnyRole(this ClaimsPrincipal user, params string[] roles) =>
        user is not null && roles.Any(user.IsInRole);

    /// <summary>Null when the user holds one of the roles; otherwise the 401 (signed out) or 403 page.</summary>
    public static IResult? RequirePage(ClaimsPrincipal user, ProblemView signIn, ProblemView forbidden, params string[] roles)
    {
        ArgumentNullException.ThrowIfNull(signIn);
        ArgumentNullException.ThrowIfNull(forbidden);
        if (user.IsInAnyRole(roles)) return null;
        return Page.Problem(user.IsSignedIn() ? forbidden with { Status = StatusCodes.Status403Forbidden } : signIn with { Status = StatusCodes.Status401Unauthorized });
    }

    /// <summary>Null when the user holds one of the roles; otherwise the API's 401/403 problem+json, as the city scheme's challenge.</summary>
    public static IResult? RequireApi(ClaimsPrincipal user, params string[] roles)
    {
        if (user.IsInAnyRole(roles)) return null;
        var signedIn = user.IsSignedIn();
        var status = signedIn ? StatusCodes.Status403Forbidden : StatusCodes.Status401Unauthorized;
        return new SecuredResult(TypedResults.Problem(statusCode: status, title: signedIn ? "Forbidden" : "Sign-in required"));
    }

    /// <summary>As <see cref="RequireApi(ClaimsPrincipal, string[])"/>, with the feature's own titles and details in the problem+json.</summary>
    public static IResult? RequireApi(ClaimsPrincipal user, ProblemView signIn, ProblemView forbidden, params string[] roles)
    {
        ArgumentNullException.ThrowIfNull(signIn);
        ArgumentNullException.ThrowIfNull(forbidden);
        if (user.IsInAnyRole(roles)) return null;
        var problem = user.IsSignedIn() ? forbidden with { Status = StatusCodes.Status403Forbidden } : signIn with { Status = StatusCodes.Status401Unauthorized };
        return new SecuredResult(TypedResults.Problem(statusCode: problem.Status, title: problem.Title, detail: problem.Detail));
    }
}
