using AIWorkflows.App.Workflows;
using Microsoft.Azure.Functions.Worker;

namespace AIWorkflows.App.Web;

/// <summary>The app's own plumbing endpoints: readiness and the one stylesheet every page links.</summary>
public sealed class HostingFunctions(StorageInitializer storage)
{
    private static readonly Lazy<byte[]> SiteCss = new(() =>
    {
        using var stream = typeof(HostingFunctions).Assembly.GetManifestResourceStream("AIWorkflows.App.Web.site.css")
            ?? throw new InvalidOperationException("The stylesheet is not embedded in the assembly.");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    });

    [Function("Health")]
    public IResult Health([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/healthz")] HttpRequest request) =>
        storage.Ready
            ? Results.Ok(new { status = "ready" }).Secured()
            : Results.Problem(statusCode: StatusCodes.Status503ServiceUnavailable, title: "Starting").Secured();

    [Function("StyleSheet")]
    public static IResult StyleSheet([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "css/site.css")] HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        // Pages change with releases, not by the hour: an hour's caching spares each page view a request.
        request.HttpContext.Response.Headers.CacheControl = "public, max-age=3600";
        return Results.Bytes(SiteCss.Value, "text/css; charset=utf-8").Secured();
    }
}
