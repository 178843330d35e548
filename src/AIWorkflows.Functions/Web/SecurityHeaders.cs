using Microsoft.Net.Http.Headers;

namespace AIWorkflows.App.Web;

/// <summary>
/// Issue 19: what browsers may do with each response. Pages load only the app's own files (they have no inline
/// script or style), post only to the app and cannot be framed; a download (a kept record, an export, a CSV) may be
/// a document someone uploaded, so it runs nothing and gets an origin of its own (<c>sandbox</c>) even when opened
/// in a tab; a response that set its own policy keeps it. No response is sniffed into another type. A page that set its own Referrer-Policy (the link pages,
/// <see cref="AIWorkflows.App.Web.Pages.LinkPageHeaders"/>) keeps it; everything else tells other sites nothing.
/// <see cref="Apply"/> is the whole rule, so a host without ASP.NET Core middleware can call it as it is.
/// </summary>
public static class SecurityHeaders
{
    public const string PagePolicy = "default-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'; object-src 'none'";

    public const string DownloadPolicy = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; frame-ancestors 'none'; sandbox";

    public const string DefaultReferrerPolicy = "same-origin";

    private const string ReferrerPolicy = "Referrer-Policy";

    public static void Apply(HttpResponse response)
    {
        ArgumentNullException.ThrowIfNull(response);
        var headers = response.Headers;
        var download = headers.ContainsKey(HeaderNames.ContentDisposition);
        // A response that chose a stricter policy of its own (the dev mail page) keeps it.
        if (!headers.ContainsKey(HeaderNames.ContentSecurityPolicy)) headers.ContentSecurityPolicy = download ? DownloadPolicy : PagePolicy;
        headers.XContentTypeOptions = "nosniff";
        headers.XFrameOptions = "DENY";   // for browsers that predate frame-ancestors
        if (!headers.ContainsKey(ReferrerPolicy)) headers[ReferrerPolicy] = DefaultReferrerPolicy;
    }

    /// <summary>Sets the headers on every response, error pages and static files included, just before it starts.</summary>
    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) =>
        app.Use((context, next) =>
        {
            context.Response.OnStarting(() =>
            {
                Apply(context.Response);
                return Task.CompletedTask;
            });
            return next(context);
        });
}
