using Microsoft.Playwright;

namespace AIWorkflows.Browser.Tests.Fixtures;

/// <summary>A person with a mouse: clicks, and types into the field they clicked.</summary>
public sealed class PointerHands : IHands
{
    public Task FillAsync(ILocator field, string text) => field.FillAsync(text);

    public Task ChooseAsync(ILocator radio) => radio.CheckAsync();

    public Task TickAsync(ILocator checkbox) => checkbox.CheckAsync();

    public async Task SelectAsync(ILocator list, string optionText) =>
        await list.SelectOptionAsync(new SelectOptionValue { Label = optionText });

    public async Task<IResponse> FollowAsync(ILocator linkOrButton)
    {
        ArgumentNullException.ThrowIfNull(linkOrButton);
        return await Navigation.AfterAsync(linkOrButton.Page, () => linkOrButton.ClickAsync());
    }

    public Task<IDownload> DownloadAsync(ILocator link)
    {
        ArgumentNullException.ThrowIfNull(link);
        return link.Page.RunAndWaitForDownloadAsync(() => link.ClickAsync());
    }
}
