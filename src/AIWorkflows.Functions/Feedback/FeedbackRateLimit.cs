using System.Globalization;
using System.Net;
using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;

namespace AIWorkflows.App.Feedback;

/// <summary>
/// Limits how often one client address can post public feedback (the form is open to anyone): a fixed
/// window per address, posts only, reading the pages is never limited. Past the limit: 429 with Retry-After.
/// The function asks this limiter itself (System.Threading.RateLimiting): no rate-limiting middleware runs in Azure.
/// </summary>
public sealed class FeedbackRateLimit : IDisposable
{
    public const string Title = "You have sent several comments in a short time";

    private readonly PartitionedRateLimiter<string> _limiter;

    public FeedbackRateLimit(IOptions<FeedbackOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var o = options.Value;
        _limiter = PartitionedRateLimiter.Create<string, string>(key => RateLimitPartition.GetFixedWindowLimiter(key, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = o.PermitLimit, Window = o.Window, QueueLimit = 0, AutoReplenishment = true,
        }));
    }

    /// <summary>Null when the post may go on; otherwise how many seconds the caller's address must wait.</summary>
    public int? Refuse(HttpContext http)
    {
        using var lease = _limiter.AttemptAcquire("ip:" + ClientKey(http));
        if (lease.IsAcquired) return null;
        return lease.TryGetMetadata(MetadataName.RetryAfter, out var after) ? Math.Max(1, (int)Math.Ceiling(after.TotalSeconds)) : 60;
    }

    public static string Detail(int seconds)
    {
        var wait = seconds < 90 ? $"{seconds} seconds" : $"{(int)Math.Ceiling(seconds / 60.0)} minutes";
        return $"To keep the form open to everyone, each address can send a few comments at a time. Nothing was sent this time: try again in {wait}.";
    }

    /// <summary>The 429's headers: when to come back, and never from a cache.</summary>
    public static void SetHeaders(HttpResponse response, int seconds)
    {
        ArgumentNullException.ThrowIfNull(response);
        response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        response.Headers.CacheControl = "no-store";
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

    public void Dispose() => _limiter.Dispose();
}
