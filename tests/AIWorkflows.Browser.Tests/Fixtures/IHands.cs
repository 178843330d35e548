using Microsoft.Playwright;

namespace AIWorkflows.Browser.Tests.Fixtures;

/// <summary>How a person works a page: with a pointer (<see cref="PointerHands"/>) or the keyboard alone (<see cref="KeyboardHands"/>).</summary>
public interface IHands
{
    /// <summary>Replaces what a text field holds.</summary>
    Task FillAsync(ILocator field, string text);

    /// <summary>Chooses one radio button of its group.</summary>
    Task ChooseAsync(ILocator radio);

    /// <summary>Ticks a checkbox.</summary>
    Task TickAsync(ILocator checkbox);

    /// <summary>Picks the option of a select with this visible text.</summary>
    Task SelectAsync(ILocator list, string optionText);

    /// <summary>Follows a link or presses a button that loads another page (or the same page again), and waits for it.</summary>
    Task<IResponse> FollowAsync(ILocator linkOrButton);

    /// <summary>Follows a link that downloads a file.</summary>
    Task<IDownload> DownloadAsync(ILocator link);
}
