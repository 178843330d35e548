using AIWorkflows.App.Web.Pages;
using AIWorkflows.App.Policy;
using AIWorkflows.App.Tests.Policy;
using AIWorkflows.Domain.Policy;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging.Abstractions;
using Moq;

namespace AIWorkflows.App.Tests.Pages;

/// <summary>
/// The page renderer on its own (no host, no middleware, as in Azure): a page answers as HTML in UTF-8 with its
/// status and the security headers, and whatever it shows, its title included, is encoded.
/// </summary>
public class PageResultTests
{
    private static readonly PolicyPack Pack = PolicyPackLoader.Load(PackFolder.RepoWorkflows, "sacramento");

    private static DefaultHttpContext Request(string path)
    {
        var services = new ServiceCollection()
            .AddLogging()
            .AddSingleton(Pack)
            .AddSingleton(Mock.Of<IHostEnvironment>(e => e.EnvironmentName == Environments.Production))
            .BuildServiceProvider();
        var http = new DefaultHttpContext { RequestServices = services };
        http.Request.Method = "GET";
        http.Request.Path = path;
        http.Response.Body = new MemoryStream();
        return http;
    }

    private static string Body(HttpContext http)
    {
        http.Response.Body.Position = 0;
        return new StreamReader(http.Response.Body).ReadToEnd();
    }

    [Fact]
    public async Task APage_IsHtmlInUtf8_WithItsStatus_AndTheSecurityHeaders_WithoutAnyMiddleware()
    {
        var http = Request("/inventory/nothing-here");

        await Page.Problem(new ProblemView(404, "Tool not found", "Check the address.")).ExecuteAsync(http);

        var headers = http.Response.Headers;
        Assert.Equal(404, http.Response.StatusCode);
        Assert.Equal("text/html; charset=utf-8", http.Response.ContentType);
        Assert.Contains("frame-ancestors 'none'", headers.ContentSecurityPolicy.ToString(), StringComparison.Ordinal);
        Assert.Contains("default-src 'self'", headers.ContentSecurityPolicy.ToString(), StringComparison.Ordinal);
        Assert.Equal("nosniff", headers.XContentTypeOptions.ToString());
        Assert.Equal("DENY", headers.XFrameOptions.ToString());
        Assert.Equal("same-origin", headers["Referrer-Policy"].ToString());
        var html = Body(http);
        Assert.StartsWith("<!DOCTYPE html>", html.TrimStart(), StringComparison.Ordinal);
        Assert.Contains("<title>Tool not found &#x2013; City of Sacramento AI tool approvals</title>", html, StringComparison.Ordinal);
        Assert.Contains("href=\"#main\"", html, StringComparison.Ordinal); // the skip link
        Assert.Contains("<a href=\"/inventory\" aria-current=\"page\">Public register</a>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Mail outbox", html, StringComparison.Ordinal); // Development links only in Development
    }

    [Fact]
    public async Task AHostileTitleAndDetail_AreEncoded_InTheTitleAndTheBody()
    {
        const string script = "<script>alert('owned')</script>";
        var http = Request("/inventory");

        await Page.Problem(new ProblemView(400, $"Bad {script}", $"Detail \"{script}\" & more")).ExecuteAsync(http);

        var html = Body(http);
        Assert.DoesNotContain("<script>", html, StringComparison.Ordinal);
        Assert.Contains("<title>Bad &lt;script&gt;alert(&#x27;owned&#x27;)&lt;/script&gt; &#x2013; City of Sacramento AI tool approvals</title>", html, StringComparison.Ordinal);
        Assert.Contains("&quot;&lt;script&gt;", html, StringComparison.Ordinal);
        Assert.Contains("&amp; more", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task FieldComponents_ShowTheErrorNextToTheField_AndNameItInAriaDescribedBy()
    {
        var errors = new FormErrors(new Dictionary<string, string[]> { ["comment"] = ["Write <b>something</b>."] }, ["comment"]);
        var http = Request("/inventory/x");
        await using var renderer = new Microsoft.AspNetCore.Components.Web.HtmlRenderer(http.RequestServices, NullLoggerFactory.Instance);

        var html = await renderer.Dispatcher.InvokeAsync(async () => (await renderer.RenderComponentAsync<TextInput>(
            Microsoft.AspNetCore.Components.ParameterView.FromDictionary(new Dictionary<string, object?>
            {
                ["Field"] = new TextField("comment", "Your comment", "At most 2000 characters.", "<i>typed</i>", errors, Multiline: true),
            }))).ToHtmlString());

        Assert.Contains("<div class=\"field field--error\">", html, StringComparison.Ordinal);
        Assert.Contains("<p id=\"comment-error\" class=\"field-error\"><span class=\"visually-hidden\">Error: </span>Write &lt;b&gt;something&lt;/b&gt;.</p>", html, StringComparison.Ordinal);
        Assert.Contains("aria-describedby=\"comment-hint comment-error\"", html, StringComparison.Ordinal);
        Assert.Contains("aria-invalid=\"true\"", html, StringComparison.Ordinal);
        Assert.Contains("&lt;i&gt;typed&lt;/i&gt;</textarea>", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task APageThatSetItsOwnReferrerPolicy_KeepsIt()
    {
        var http = Request("/tasks/some-token");
        http.Response.Headers["Referrer-Policy"] = "no-referrer";

        await Page.Problem(new ProblemView(410, "Link spent", "This link was used.")).ExecuteAsync(http);

        Assert.Equal("no-referrer", http.Response.Headers["Referrer-Policy"].ToString());
        Assert.Equal(410, http.Response.StatusCode);
    }
}
