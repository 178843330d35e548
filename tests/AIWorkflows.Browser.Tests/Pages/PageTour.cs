using AIWorkflows.Browser.Tests.Checks;
using AIWorkflows.Browser.Tests.Fixtures;
using AIWorkflows.Testing;
using Microsoft.Playwright;

namespace AIWorkflows.Browser.Tests.Pages;

/// <summary>One person's browser on one app, for the page tour: open a page, send a form, see each page reached.</summary>
public sealed class PageTour(BrowserWorld world, Visit visit, AIWorkflowsApp app) : IAsyncDisposable
{
    private readonly List<IBrowserContext> _people = [];

    public PointerHands Hands { get; } = new();

    public async Task<IPage> AsAsync(string? devUser = null)
    {
        var person = await world.NewPersonAsync(app, devUser);
        _people.Add(person);
        return await person.NewPageAsync();
    }

    /// <summary>Opens an address (or an emailed link) and sees the page; returns its HTTP status.</summary>
    public async Task<int> OpenAsync(IPage page, string pathOrUrl, string kind)
    {
        ArgumentNullException.ThrowIfNull(page);
        var response = await page.GotoAsync(pathOrUrl);
        await visit.SeeAsync(page, kind);
        return response!.Status;
    }

    /// <summary>Presses the button as things stand and expects the form back with its errors shown at the fields.</summary>
    public async Task SendWithErrorsAsync(IPage page, string button, string kind, params string[] fields)
    {
        ArgumentNullException.ThrowIfNull(page);
        var response = await Hands.FollowAsync(page.GetByRole(AriaRole.Button, new() { Name = button }));
        Assert.InRange(response.Status, 400, 499);
        await visit.SeeAsync(page, kind);
        await FormErrorCheck.AssertErrorsNextToFieldsAsync(page, fields);
    }

    /// <summary>Presses the button and sees the page it leads to; returns its HTTP status.</summary>
    public async Task<int> SendAsync(IPage page, string button, string kind)
    {
        ArgumentNullException.ThrowIfNull(page);
        var response = await Hands.FollowAsync(page.GetByRole(AriaRole.Button, new() { Name = button }));
        await visit.SeeAsync(page, kind);
        return response.Status;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var person in _people) await person.DisposeAsync();
    }
}
