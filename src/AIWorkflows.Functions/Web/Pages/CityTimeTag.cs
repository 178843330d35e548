using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Rendering;

namespace AIWorkflows.App.Web.Pages;

/// <summary>
/// A time as people in the city read it, in a machine-readable <c>&lt;time&gt;</c>; a dash when there is none.
/// Built in C# rather than Razor: the app's components keep their whitespace (<c>@preservewhitespace</c>), and a
/// time inside a sentence must not bring a line break with it ("due 3 Dec 2026 ." read aloud and on screen).
/// </summary>
public sealed class CityTimeTag : ComponentBase
{
    [Parameter] public DateTimeOffset? At { get; set; }

    [Parameter, EditorRequired] public TimeZoneInfo Zone { get; set; } = TimeZoneInfo.Utc;

    protected override void BuildRenderTree(RenderTreeBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        if (At is not { } at)
        {
            builder.AddMarkupContent(0, "&mdash;");
            return;
        }
        builder.OpenElement(1, "time");
        builder.AddAttribute(2, "datetime", CityTime.Machine(at, Zone));
        builder.AddContent(3, CityTime.Text(at, Zone));
        builder.CloseElement();
    }
}
