using AIWorkflows.App.Web.Pages;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace AIWorkflows.App.Tests.Pages;

/// <summary>A time inside a sentence ("Please decide by 3 Dec 2026.") renders as the tag and nothing around it.</summary>
public sealed class CityTimeTagTests
{
    private static readonly TimeZoneInfo Sacramento = TimeZoneInfo.FindSystemTimeZoneById("America/Los_Angeles");

    private static async Task<string> RenderAsync(DateTimeOffset? at)
    {
        await using var services = new ServiceCollection().BuildServiceProvider();
        await using var renderer = new HtmlRenderer(services, NullLoggerFactory.Instance);
        return await renderer.Dispatcher.InvokeAsync(async () =>
            (await renderer.RenderComponentAsync<CityTimeTag>(ParameterView.FromDictionary(new Dictionary<string, object?> { ["At"] = at, ["Zone"] = Sacramento }))).ToHtmlString());
    }

    [Fact]
    public async Task ATime_IsAMachineReadableTag_InTheCitysZone_WithNoWhitespaceAroundIt()
    {
        var at = new DateTimeOffset(2026, 12, 3, 17, 0, 0, TimeSpan.Zero);

        var html = await RenderAsync(at);

        Assert.Equal($"<time datetime=\"{CityTime.Machine(at, Sacramento)}\">{CityTime.Text(at, Sacramento)}</time>", html);
        Assert.Contains("2026-12-03T09:00", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task NoTime_IsADash()
    {
        Assert.Equal("&mdash;", await RenderAsync(null));
    }
}
