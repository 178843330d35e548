namespace AIWorkflows.App.Web;

/// <summary>
/// Emailed links carry their bearer token in the path (<c>/tasks/{token}</c>), and a log reader must not
/// be able to replay one. ASP.NET Core writes the path into "Request starting" and into every line's
/// scope (<c>RequestPath</c>, which structured sinks keep), routing and static files into Debug lines.
/// These rules name those categories exactly, so they win over any broader <c>Logging:LogLevel</c> an operator
/// sets. Routing and static files stay at Warning: their Information lines ("Executing endpoint", for every
/// request and every Durable poll of the local sidecar) say nothing an operator needs.
/// </summary>
public static class LinkLogging
{
    public static ILoggingBuilder KeepLinksOutOfLogs(this ILoggingBuilder logging)
    {
        ArgumentNullException.ThrowIfNull(logging);
        logging.AddFilter("Microsoft.AspNetCore.Hosting.Diagnostics", LogLevel.None);
        logging.AddFilter("Microsoft.AspNetCore.Routing", LogLevel.Warning);
        logging.AddFilter("Microsoft.AspNetCore.StaticFiles", LogLevel.Warning);
        return logging;
    }
}
