using System.Net;
using System.Text.RegularExpressions;
using AIWorkflows.Testing;

namespace AIWorkflows.App.Tests.Security;

/// <summary>What the security tests read off pages and problems: headings, visible text, and who is asking.</summary>
internal static partial class SecurityClient
{
    public static HttpClient As(this AIWorkflowsApp app, string? devUser)
    {
        var http = app.Http();
        if (devUser is not null) http.DefaultRequestHeaders.Add("X-Dev-User", devUser);
        return http;
    }

    public sealed record Page(HttpStatusCode Status, string? MediaType, string Html)
    {
        public string Heading => WebUtility.HtmlDecode(H1().Match(Html).Groups[1].Value.Trim());

        /// <summary>The text a person reads: tags dropped, entities decoded, whitespace folded.</summary>
        public string Text => Spaces().Replace(WebUtility.HtmlDecode(Tags().Replace(Html, " ")), " ").Trim();
    }

    public static async Task<Page> PageAsync(this HttpResponseMessage response) =>
        new(response.StatusCode, response.Content.Headers.ContentType?.MediaType, await response.Content.ReadAsStringAsync());

    public static async Task<Page> GetPageAsync(this HttpClient http, string path)
    {
        using var response = await http.GetAsync(path);
        return await response.PageAsync();
    }

    public static async Task<Page> PostPageAsync(this HttpClient http, string path, params (string Key, string Value)[] fields)
    {
        using var response = await http.PostFormAsync(path, fields);
        return await response.PageAsync();
    }

    [GeneratedRegex("<h1[^>]*>(.*?)</h1>", RegexOptions.Singleline)]
    private static partial Regex H1();

    [GeneratedRegex("<[^>]+>")]
    private static partial Regex Tags();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();
}
