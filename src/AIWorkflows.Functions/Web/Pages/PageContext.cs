namespace AIWorkflows.App.Web.Pages;

/// <summary>
/// The request a page is rendered for, cascaded to every component of the page: the layout reads its path
/// (the current nav item), a form's antiforgery field issues its tokens on it.
/// </summary>
public sealed record PageContext(HttpContext Http)
{
    public string Path => Http.Request.Path.Value ?? "/";

    /// <summary>
    /// The page's own address, for a form that posts back where it was opened (an emailed link's page): the renderer
    /// needs every form's action written out, as it has no navigation manager to take it from.
    /// </summary>
    public string Self => Http.Request.Path.ToUriComponent();
}
