namespace AIWorkflows.App.Web;

/// <summary>
/// Any other answer (JSON, problem+json, a CSV download) with the security headers of <see cref="SecurityHeaders"/>,
/// which a function sets itself: in Azure no middleware runs around it. Pages get them from their renderer.
/// </summary>
public sealed class SecuredResult(IResult inner) : IResult
{
    public IResult Inner => inner;

    public Task ExecuteAsync(HttpContext httpContext)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        // Just before the response starts: a download's Content-Disposition is set by the inner result.
        httpContext.Response.OnStarting(() =>
        {
            SecurityHeaders.Apply(httpContext.Response);
            return Task.CompletedTask;
        });
        return inner.ExecuteAsync(httpContext);
    }
}

public static class SecuredResults
{
    public static IResult Secured(this IResult result) => new SecuredResult(result);
}
