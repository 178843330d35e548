using System.Net.Sockets;
using Azure;
using Microsoft.AspNetCore.Diagnostics;

namespace AIWorkflows.App.Web;

/// <summary>
/// Failures become problem+json for the API and a plain page for people: never a stack trace.
/// Storage that cannot be reached is a 503 with Retry-After (the request is safe to repeat: nothing
/// was acknowledged), anything else a 500 that names only the trace id.
/// </summary>
public static partial class ProblemResponses
{
    public static WebApplication UseProblemResponses(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.UseExceptionHandler(new ExceptionHandlerOptions { ExceptionHandler = HandleAsync, SuppressDiagnosticsCallback = _ => true });
        app.UseStatusCodePages(async ctx =>
        {
            var http = ctx.HttpContext;
            SecurityHeaders.Apply(http.Response);
            if (IsApi(http.Request)) await Results.Problem(statusCode: http.Response.StatusCode).ExecuteAsync(http);
            else await WritePageAsync(http, http.Response.StatusCode, http.Response.StatusCode == 404 ? "Page not found" : "This request could not be served",
                http.Response.StatusCode == 404 ? "There is no page at this address. Start again from the home page." : "Go back and try again.");
        });
        return app;
    }

    private static Task HandleAsync(HttpContext http) => AnswerFailureAsync(http, http.Features.Get<IExceptionHandlerFeature>()?.Error);

    /// <summary>Logs a request's failure and answers it (503 with Retry-After for storage, else 500 naming the trace id); <see cref="ProblemResponsesMiddleware"/> calls it in Azure.</summary>
    public static async Task AnswerFailureAsync(HttpContext http, Exception? error)
    {
        ArgumentNullException.ThrowIfNull(http);
        var log = http.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger("AIWorkflows.Errors");
        var busy = IsBusy(error);
        var unavailable = busy || IsStorageOutage(error);
        var unreadable = UnreadableBody(error);
        var status = unavailable ? StatusCodes.Status503ServiceUnavailable : unreadable ?? StatusCodes.Status500InternalServerError;
        SecurityHeaders.Apply(http.Response);
        if (unreadable is null) Failed(log, status, error?.GetType().Name ?? "unknown", http.TraceIdentifier, error);
        else Refused(log, status, error!.GetType().Name, http.TraceIdentifier);
        http.Response.StatusCode = status;
        if (unavailable) http.Response.Headers.RetryAfter = "5";
        var title = unavailable ? "The service is briefly unavailable" : unreadable is not null ? "The request could not be read" : "Something went wrong on our side";
        var detail = busy
            ? "What you sent was received and waits its turn behind others; it will be recorded. Look again in a minute; sending the same again is safe."
            : unavailable
            ? "Storage cannot be reached right now. Nothing was saved from this request; try again in a few seconds."
            : unreadable is not null ? "What was sent is not a form or body this service can read (for example it holds NUL characters). Nothing was saved."
            : $"The error is logged under {http.TraceIdentifier}. Please try again; if it persists, tell the service desk this reference.";
        if (IsApi(http.Request)) await Results.Problem(statusCode: status, title: title, detail: detail).ExecuteAsync(http);
        else await WritePageAsync(http, status, title, detail);
    }

    private static bool IsBusy(Exception? e) => e switch
    {
        null => false,
        Workflows.WorkflowBusyException => true,
        AggregateException a => a.InnerExceptions.Any(IsBusy),
        _ => IsBusy(e.InnerException),
    };

    public static bool IsStorageOutage(Exception? e) => e switch
    {
        null => false,
        RequestFailedException { Status: 0 or 503 or 500 } => true,
        HttpRequestException or SocketException or TimeoutException => true,
        // The Durable client's calls go over gRPC to the engine, which reaches storage: an engine whose storage is out
        // answers Unknown (its handler threw) or Unavailable, with the storage error only in the status detail.
        Grpc.Core.RpcException { StatusCode: Grpc.Core.StatusCode.Unknown or Grpc.Core.StatusCode.Unavailable or Grpc.Core.StatusCode.DeadlineExceeded } => true,
        AggregateException a => a.InnerExceptions.Any(IsStorageOutage),
        _ => IsStorageOutage(e.InnerException),
    };

    /// <summary>
    /// A body the framework refuses to read when a handler first touches it (a form value with NUL characters,
    /// a broken multipart boundary, a body over Kestrel's limit) is the sender's fault: 400/413, not a 500.
    /// </summary>
    private static int? UnreadableBody(Exception? e) => e switch
    {
        BadHttpRequestException b => b.StatusCode,
        InvalidDataException => StatusCodes.Status400BadRequest,
        _ => null,
    };

    private static bool IsApi(HttpRequest r) =>
        r.Path.StartsWithSegments("/api") || !(r.Headers.Accept.ToString().Contains("text/html", StringComparison.OrdinalIgnoreCase));

    private static Task WritePageAsync(HttpContext http, int status, string title, string detail)
    {
        http.Response.StatusCode = status;
        http.Response.ContentType = "text/html; charset=utf-8";
        var e = System.Text.Encodings.Web.HtmlEncoder.Default;
        // The service's header, so a person who lands here still knows whose site this is; nothing that could fail again.
        var city = http.RequestServices.GetService<AIWorkflows.Domain.Policy.PolicyPack>()?.City is { } name ? $"City of {name}" : "AI tool approvals";
        return http.Response.WriteAsync($"""
            <!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
            <title>{e.Encode(title)} – {e.Encode(city)}</title><link rel="stylesheet" href="/css/site.css"></head>
            <body><header class="site-header"><div class="container site-header__inner"><a class="site-header__name" href="/"><span class="site-header__city">{e.Encode(city)}</span><span class="site-header__service">AI tool approvals</span></a></div></header>
            <main id="main" class="container main"><p class="problem__status">Error {status}</p><h1>{e.Encode(title)}</h1><p class="lead">{e.Encode(detail)}</p><p><a href="/">Go to the home page</a></p></main></body></html>
            """);
    }

    [LoggerMessage(LogLevel.Warning, "Request refused with {Status}: its body could not be read ({Error}), trace {TraceId}")]
    private static partial void Refused(ILogger logger, int status, string error, string traceId);

    [LoggerMessage(LogLevel.Error, "Request failed with {Status} ({Error}), trace {TraceId}")]
    private static partial void Failed(ILogger logger, int status, string error, string traceId, Exception? exception);
}
