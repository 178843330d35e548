using AIWorkflows.App.Web;

namespace AIWorkflows.App.Development;

/// <summary>
/// The gate of the Development-only functions (dev mail, dev clock, sweep). Outside Development such a function
/// answers 404 problem+json before it reads anything of the request: a bad body must not give a 400 that reveals
/// the function exists. The function exists in Azure too (functions are declared at build time), so the check is
/// in the function, not in how it is mapped.
/// </summary>
public static class DevelopmentOnly
{
    /// <summary>The 404 to answer outside Development, or null in Development.</summary>
    public static IResult? Refusal(IHostEnvironment environment)
    {
        ArgumentNullException.ThrowIfNull(environment);
        return environment.IsDevelopment() ? null : TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Not Found").Secured();
    }
}
