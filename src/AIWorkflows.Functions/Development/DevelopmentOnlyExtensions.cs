namespace AIWorkflows.App.Development;

/// <summary>Marks an endpoint that exists only in Development (dev mail, dev clock, sweep).</summary>
public sealed class DevelopmentOnlyMetadata;

public static class DevelopmentOnlyExtensions
{
    /// <summary>
    /// Outside Development the endpoint answers 404 problem+json and nothing of it runs: not
    /// its handler, not its filters, not even its parameter binding (a bad body must not give
    /// a 400 that reveals the endpoint exists). Works on a single endpoint or a route group.
    /// </summary>
    public static TBuilder DevelopmentOnly<TBuilder>(this TBuilder builder)
        where TBuilder : IEndpointConventionBuilder
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Add(endpoint =>
        {
            endpoint.Metadata.Add(new DevelopmentOnlyMetadata());
            var environment = endpoint.ApplicationServices.GetRequiredService<IHostEnvironment>();
            // The environment cannot change while the app runs, so decide once per endpoint.
            // Replacing the whole request delegate (rather than adding an endpoint filter, which
            // runs after binding) is what keeps the handler's binding from running at all.
            if (!environment.IsDevelopment())
                endpoint.RequestDelegate = RefuseAsync;
        });
        return builder;
    }

    // A new result per request: problem details writers may add to its extensions (trace id).
    private static Task RefuseAsync(HttpContext context) =>
        TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Not Found").ExecuteAsync(context);
}
