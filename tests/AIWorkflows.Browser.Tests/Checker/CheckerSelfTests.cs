using AIWorkflows.Browser.Tests.Checks;
using AIWorkflows.Browser.Tests.Fixtures;
using Microsoft.Playwright;
using Xunit.Sdk;

namespace AIWorkflows.Browser.Tests.Checker;

/// <summary>The checks the journeys rely on fail on broken pages (and pass on a correct one), in the same browser.</summary>
[Collection(OnBrowser.Name)]
public class CheckerSelfTests(BrowserWorld world)
{
    [Fact]
    public async Task Axe_FailsOnAnInputWithNoLabel_AndPassesOnceItHasOne()
    {
        await using var context = await world.Browser.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.RouteAsync($"{BrokenPages.Origin}/**", r => r.FulfillAsync(new() { ContentType = "text/html", Body = BrokenPages.Form(labelled: r.Request.Url.EndsWith("/labelled", StringComparison.Ordinal)) }));

        await page.GotoAsync($"{BrokenPages.Origin}/unlabelled");
        var failure = await Assert.ThrowsAsync<FailException>(() => Accessibility.AssertNoSeriousViolationsAsync(page));
        Assert.Contains("[critical] label:", failure.Message, StringComparison.Ordinal);
        Assert.Contains("id=\"toolName\"", failure.Message, StringComparison.Ordinal);

        await page.GotoAsync($"{BrokenPages.Origin}/labelled");
        await Accessibility.AssertNoSeriousViolationsAsync(page);
    }

    [Theory]
    [MemberData(nameof(BrokenPages.Variants), MemberType = typeof(BrokenPages))]
    public async Task FormErrorCheck_FailsWhenASubmittedFormDoesNotShowItsErrorAtTheField(string variant, string complaint)
    {
        var page = await SubmitAsync(variant);

        var failure = await Assert.ThrowsAsync<FailException>(() => FormErrorCheck.AssertErrorsNextToFieldsAsync(page, "toolName"));
        Assert.Contains(complaint, failure.Message, StringComparison.Ordinal);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task FormErrorCheck_PassesWhenTheErrorIsSummarisedAndShownAtTheField_ButNotForAFieldThatIsNotInError()
    {
        var page = await SubmitAsync("correct");

        await FormErrorCheck.AssertErrorsNextToFieldsAsync(page, "toolName");
        Assert.Equal(["vendor is not shown as in error"], await FormErrorCheck.ProblemsAsync(page, "toolName", "vendor"));
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task CspWatch_SeesWhatTheAppsPolicyRefuses_AnInlineScriptAndStyle()
    {
        await using var person = await world.NewPersonAsync(world.App);
        var page = await person.NewPageAsync();
        await page.RouteAsync($"{BrokenPages.Origin}/**", r => r.FulfillAsync(new()
        {
            ContentType = "text/html",
            Headers = new Dictionary<string, string> { ["Content-Security-Policy"] = AIWorkflows.App.Web.SecurityHeaders.PagePolicy },
            Body = """<!DOCTYPE html><html lang="en"><head><title>Inline</title><style>body{color:red}</style></head><body><p>x</p><script>document.title="ran"</script></body></html>""",
        }));

        await page.GotoAsync($"{BrokenPages.Origin}/inline");

        Assert.Equal("Inline", await page.TitleAsync());   // the script did not run
        for (var i = 0; i < 50 && world.CspViolations.Count(v => v.Contains(BrokenPages.Origin, StringComparison.Ordinal)) < 2; i++) await Task.Delay(100);
        var seen = new List<string>();
        while (world.CspViolations.TryDequeue(out var v)) seen.Add(v);   // only this page's: the collection runs one test at a time
        Assert.Contains(seen, v => v.Contains("script", StringComparison.OrdinalIgnoreCase));
        Assert.Contains(seen, v => v.Contains("style", StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>Opens the form, sends it, and gets the page back with the error shown the way <paramref name="variant"/> says.</summary>
    private async Task<IPage> SubmitAsync(string variant)
    {
        var context = await world.Browser.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.RouteAsync($"{BrokenPages.Origin}/**", r => r.FulfillAsync(r.Request.Method == "POST"
            ? new() { Status = 400, ContentType = "text/html", Body = BrokenPages.WithError(variant) }
            : new() { ContentType = "text/html", Body = BrokenPages.Form() }));
        await page.GotoAsync($"{BrokenPages.Origin}/tool");
        var response = await new PointerHands().FollowAsync(page.GetByRole(AriaRole.Button, new() { Name = "Send" }));
        Assert.Equal(400, response.Status);
        return page;
    }
}
