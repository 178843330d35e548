namespace AIWorkflows.App.Web;

public static class HostingExtensions
{
    /// <summary>
    /// Under the Azure Functions host (custom handler) the app must listen on loopback at the port the
    /// host hands it; elsewhere --urls / ASPNETCORE_URLS / PORT decide.
    /// </summary>
    public static WebApplicationBuilder UseFunctionsCustomHandlerPort(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        if (builder.Configuration["FUNCTIONS_CUSTOMHANDLER_PORT"] is { Length: > 0 } port)
            builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
        else if (builder.Configuration["PORT"] is { Length: > 0 } plain && builder.Configuration["urls"] is null)
            builder.WebHost.UseUrls($"http://127.0.0.1:{plain}");
        return builder;
    }

    public static IEndpointRouteBuilder MapHealth(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/healthz", (Workflows.StorageInitializer storage) => storage.Ready
                ? Results.Ok(new { status = "ready" })
                : Results.Problem(statusCode: StatusCodes.Status503ServiceUnavailable, title: "Starting"))
            .ExcludeFromDescription();
        return app;
    }
}
