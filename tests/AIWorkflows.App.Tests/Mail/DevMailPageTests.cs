using AIWorkflows.App.Mail;

namespace AIWorkflows.App.Tests.Mail;

public sealed class DevMailPageTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public void ThePageIsSmallSemanticHtml()
    {
        var html = DevMailPage.Render([]);

        Assert.Contains("<html lang=\"en\">", html, StringComparison.Ordinal);
        Assert.Contains("<title>Development mail</title>", html, StringComparison.Ordinal);
        Assert.Contains("<main>", html, StringComparison.Ordinal);
        Assert.Contains("<h1>Development mail</h1>", html, StringComparison.Ordinal);
    }

    [Fact]
    public void EveryMailShowsRecipientSubjectTimeBodyAndLinksAsAnchors()
    {
        var mail = new MailMessage("m-1", "ana@city.example", "Review requested", "Please review.\nThanks", "<p>x</p>",
            [new MailLink("Review", "https://app.example/tasks/abc_-1"), new MailLink("Status", "/requests/r-1")], Now);

        var html = DevMailPage.Render([mail]);

        Assert.Contains("ana@city.example", html, StringComparison.Ordinal);
        Assert.Contains(">Review requested</h2>", html, StringComparison.Ordinal);
        Assert.Contains("datetime=\"2026-03-02T09:00:00.0000000&#x2B;00:00\"", html, StringComparison.Ordinal);
        Assert.Contains("<pre>Please review.\nThanks</pre>", html, StringComparison.Ordinal);
        Assert.Contains("<a href=\"https://app.example/tasks/abc_-1\">Review</a>", html, StringComparison.Ordinal);
        Assert.Contains("<a href=\"/requests/r-1\">Status</a>", html, StringComparison.Ordinal);
    }

    [Fact]
    public void UserTextIsEncoded_AndScriptLinksAreNotAnchors()
    {
        var mail = new MailMessage("m-1", "\"><script>alert(1)</script>", "<img src=x onerror=alert(1)>", "</pre><script>x</script>", "",
            [new MailLink("<b>click</b>", "javascript:alert(1)"), new MailLink("x", "//evil.example/"), new MailLink("q", "https://a.example/?q=\"><script>")],
            Now);

        var html = DevMailPage.Render([mail]);

        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<img", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<b>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("href=\"javascript", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("href=\"//", html, StringComparison.Ordinal);
        Assert.Contains("href=\"https://a.example/?q=&quot;&gt;&lt;script&gt;\"", html, StringComparison.Ordinal);
    }
}
