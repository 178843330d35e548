namespace AIWorkflows.App.Web.Pages;

/// <summary>
/// Pages opened from emailed links carry the access token in their address: keep it out of
/// caches, search engines and the Referer header sent to any site the page links to.
/// </summary>
public static class LinkPageHeaders
{
    /// <summary>Sets them on a link page function's response (its component sets <c>NoReferrer</c> on the layout).</summary>
    public static void Apply(HttpResponse response)
    {
        ArgumentNullException.ThrowIfNull(response);
        var headers = response.Headers;
        headers.CacheControl = "no-store";
        headers["Referrer-Policy"] = "no-referrer";
        headers["X-Robots-Tag"] = "noindex, nofollow";
    }
}
