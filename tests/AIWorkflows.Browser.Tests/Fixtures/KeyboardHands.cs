using Microsoft.Playwright;

namespace AIWorkflows.Browser.Tests.Fixtures;

/// <summary>
/// A person using the keyboard alone: Tab and Shift+Tab to move, typing, Space, Enter and the arrow
/// keys; never a click. Each control must be reachable by Tab and show where the focus is (WCAG 2.1.1, 2.4.7).
/// </summary>
public sealed class KeyboardHands : IHands
{
    private const int MaxTabs = 300;

    public int KeyPresses { get; private set; }

    public async Task FillAsync(ILocator field, string text)
    {
        ArgumentNullException.ThrowIfNull(field);
        await TabToAsync(field);
        await PressAsync(field.Page, "Control+A");
        if (text.Length == 0) await PressAsync(field.Page, "Delete");
        else
        {
            await field.Page.Keyboard.TypeAsync(text);
            KeyPresses += text.Length;
        }
    }

    /// <summary>Tab reaches a radio group once (at its checked or first button); the arrow keys move and choose within it.</summary>
    public async Task ChooseAsync(ILocator radio)
    {
        ArgumentNullException.ThrowIfNull(radio);
        var name = await radio.GetAttributeAsync("name");
        var group = radio.Page.Locator($"input[type=radio][name=\"{name}\"]");
        await TabToAsync(group);
        for (var i = 0; i < await group.CountAsync() && !await IsFocusedAsync(radio); i++)
            await PressAsync(radio.Page, "ArrowDown");
        Assert.True(await IsFocusedAsync(radio), $"The arrow keys never reached {await DescribeAsync(radio)}.");
        await PressAsync(radio.Page, "Space");
        Assert.True(await radio.IsCheckedAsync(), $"Space did not choose {await DescribeAsync(radio)}.");
    }

    public async Task TickAsync(ILocator checkbox)
    {
        ArgumentNullException.ThrowIfNull(checkbox);
        await TabToAsync(checkbox);
        if (!await checkbox.IsCheckedAsync()) await PressAsync(checkbox.Page, "Space");
        Assert.True(await checkbox.IsCheckedAsync(), $"Space did not tick {await DescribeAsync(checkbox)}.");
    }

    public async Task SelectAsync(ILocator list, string optionText)
    {
        ArgumentNullException.ThrowIfNull(list);
        await TabToAsync(list);
        await PressAsync(list.Page, "Home");
        var options = await list.Locator("option").CountAsync();
        for (var i = 0; i < options && await SelectedTextAsync(list) != optionText; i++)
            await PressAsync(list.Page, "ArrowDown");
        Assert.Equal(optionText, await SelectedTextAsync(list));
    }

    public async Task<IResponse> FollowAsync(ILocator linkOrButton)
    {
        ArgumentNullException.ThrowIfNull(linkOrButton);
        await TabToAsync(linkOrButton);
        return await Navigation.AfterAsync(linkOrButton.Page, () => PressAsync(linkOrButton.Page, "Enter"));
    }

    public async Task<IDownload> DownloadAsync(ILocator link)
    {
        ArgumentNullException.ThrowIfNull(link);
        await TabToAsync(link);
        return await link.Page.RunAndWaitForDownloadAsync(() => PressAsync(link.Page, "Enter"));
    }

    /// <summary>
    /// Presses Tab (or Shift+Tab when the target is above the focus) until one of <paramref name="target"/>'s
    /// elements has the focus, then checks the focus can be seen.
    /// </summary>
    public async Task TabToAsync(ILocator target)
    {
        ArgumentNullException.ThrowIfNull(target);
        var page = target.Page;
        await target.First.WaitForAsync();
        var key = await target.First.EvaluateAsync<bool>(
            "el => { const a = document.activeElement; return !a || a === document.body || !!(a.compareDocumentPosition(el) & Node.DOCUMENT_POSITION_FOLLOWING); }")
            ? "Tab" : "Shift+Tab";
        var path = new List<string>();
        for (var i = 0; i < MaxTabs && !await IsFocusedAsync(target); i++)
        {
            await PressAsync(page, key);
            if (path.Count < 400) path.Add(await page.EvaluateAsync<string>("() => { const a = document.activeElement; return a ? (a.tagName + (a.id ? '#' + a.id : '') + (a.name ? '[' + a.name + ']' : '')) : '-'; }"));
        }
        Assert.True(await IsFocusedAsync(target),
            $"{key} never reached {await DescribeAsync(target.First)} on {page.Url}; focus went: {string.Join(" > ", path.Distinct().Take(60))}");
        Assert.True(await FocusIsVisibleAsync(page), $"The focus on {await DescribeAsync(target.First)} ({page.Url}) cannot be seen: no outline or focus style.");
    }

    private async Task PressAsync(IPage page, string key)
    {
        await page.Keyboard.PressAsync(key);
        KeyPresses++;
    }

    private static Task<bool> IsFocusedAsync(ILocator target) =>
        target.EvaluateAllAsync<bool>("els => els.includes(document.activeElement)");

    private static Task<string> SelectedTextAsync(ILocator select) =>
        select.EvaluateAsync<string>("s => s.selectedOptions.length ? s.selectedOptions[0].text.trim() : ''");

    // A visible focus indicator: an outline, a box shadow, or a background that differs from the unfocused look.
    private static Task<bool> FocusIsVisibleAsync(IPage page) => page.EvaluateAsync<bool>("""
        () => {
          const el = document.activeElement;
          if (!el || el === document.body) return false;
          const s = getComputedStyle(el);
          const transparent = c => c === 'transparent' || /rgba\(.*,\s*0\)$/.test(c);
          const outline = s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) > 0 && !transparent(s.outlineColor);
          return outline || (s.boxShadow && s.boxShadow !== 'none');
        }
        """);

    private static Task<string> DescribeAsync(ILocator el) =>
        el.EvaluateAsync<string>("e => e.outerHTML.slice(0, 160)");
}
