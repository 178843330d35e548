using Microsoft.AspNetCore.Mvc.RazorPages;

namespace AIWorkflows.App.Pages;

/// <summary>
/// Pages opened from emailed links carry the access token in their address: keep it out of
/// caches, search engines and the Referer header sent to any site the page links to.
/// </summary>
public static class LinkPageHeaders
{
    public static void Apply(PageModel page)
    {
        ArgumentNullException.ThrowIfNull(page);
        var headers = page.Response.Headers;
        headers.CacheControl = "no-store";
        headers["Referrer-Policy"] = "no-referrer";
        headers["X-Robots-Tag"] = "noindex, nofollow";
        page.ViewData["NoReferrer"] = true;
    }
}
