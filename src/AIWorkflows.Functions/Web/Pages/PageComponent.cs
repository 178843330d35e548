using Microsoft.AspNetCore.Components;

namespace AIWorkflows.App.Web.Pages;

/// <summary>A page: a Razor component that renders one model (what the function loaded), inside <see cref="SiteLayout"/>.</summary>
public abstract class PageComponent<TModel> : ComponentBase
{
    [Parameter, EditorRequired]
    public TModel Model { get; set; } = default!;
}
