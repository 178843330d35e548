using System.Globalization;
using System.Net;
using System.Text.Encodings.Web;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace AIWorkflows.App.Feedback;

/// <summary>
/// Limits how often one client address can post public feedback (the form is open to anyone): a fixed
/// window per address, posts only, reading the pages is never limited. Past the limit: 429 with Retry-After.
/// </summary>
public sealed class FeedbackRateLimit(IOptions<FeedbackOptions> options) : IRateLimiterPolicy<string>
{
    public const string Policy = "feedback";

    private const string Reads = "reads";

    public Func<OnRejectedContext, CancellationToken, ValueTask>? OnRejected { get; } = RejectAsync;

    public RateLimitPartition<string> GetPartition(HttpContext httpContext)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        if (!HttpMethods.IsPost(httpContext.Request.Method)) return RateLimitPartition.GetNoLimiter(Reads);
        var o = options.Value;
        return RateLimitPartition.GetFixedWindowLimiter("ip:" + ClientKey(httpContext), _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = o.PermitLimit, Window = o.Window, QueueLimit = 0, AutoReplenishment = true,
        });
    }

    /// <summary>
    /// The caller's address. Under the Azure Functions host every request reaches us from loopback; the
    /// Azure front end appends the caller's address to X-Forwarded-For, so the last entry is the one it
    /// vouches for (earlier entries are whatever the caller sent). IPv6 callers are grouped by /64.
    /// </summary>
    public static string ClientKey(HttpContext http)
    {
        ArgumentNullException.ThrowIfNull(http);
        var address = http.Connection.RemoteIpAddress;
        if ((address is null || IPAddress.IsLoopback(address)) && Forwarded(http) is { } forwarded) address = forwarded;
        if (address is null) return "unknown";
        if (address.IsIPv4MappedToIPv6) address = address.MapToIPv4();
        if (address.AddressFamily != System.Net.Sockets.AddressFamily.InterNetworkV6) return address.ToString();
        var bytes = address.GetAddressBytes();
        Array.Clear(bytes, 8, 8);
        return new IPAddress(bytes) + "/64";
    }

    private static IPAddress? Forwarded(HttpContext http)
    {
        var last = http.Request.Headers["X-Forwarded-For"].ToString().Split(',').Select(s => s.Trim()).LastOrDefault(s => s.Length > 0);
        if (last is null) return null;
        if (IPEndPoint.TryParse(last, out var endpoint)) return endpoint.Address;
        return IPAddress.TryParse(last, out var plain) ? plain : null;
    }

    private static async ValueTask RejectAsync(OnRejectedContext context, CancellationToken ct)
    {
        var http = context.HttpContext;
        var seconds = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var after) ? Math.Max(1, (int)Math.Ceiling(after.TotalSeconds)) : 60;
        http.Response.StatusCode = StatusCodes.Status429TooManyRequests;
        http.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        http.Response.Headers.CacheControl = "no-store";
        var wait = seconds < 90 ? $"{seconds} seconds" : $"{(int)Math.Ceiling(seconds / 60.0)} minutes";
        const string title = "You have sent several comments in a short time";
        var detail = $"To keep the form open to everyone, each address can send a few comments at a time. Nothing was sent this time: try again in {wait}.";
        if (http.Request.Path.StartsWithSegments("/api"))
        {
            await Results.Problem(statusCode: 429, title: title, detail: detail).ExecuteAsync(http);
            return;
        }
        var e = HtmlEncoder.Default;
        http.Response.ContentType = "text/html; charset=utf-8";
        await http.Response.WriteAsync($"""
            <!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
            <title>{e.Encode(title)}</title><link rel="stylesheet" href="/css/site.css"></head>
            <body><main id="main" class="container"><p class="problem__status">Error 429</p><h1>{e.Encode(title)}</h1><p>{e.Encode(detail)}</p>
            <p><a href="{e.Encode(http.Request.Path.Value ?? "/inventory")}">Go back to the tool</a> · <a href="/inventory">Public register of AI tools</a></p></main></body></html>
            """, ct);
    }
}
