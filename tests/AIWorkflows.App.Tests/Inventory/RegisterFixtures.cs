using System.IO.Compression;
using System.Net;
using System.Text.RegularExpressions;
using AIWorkflows.App.Reassessments;
using AIWorkflows.Domain.Reassessments;
using AIWorkflows.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace AIWorkflows.App.Tests.Inventory;

/// <summary>Tools put straight into the register, forms posted as a browser posts them, and the federal data files.</summary>
public static partial class RegisterFixtures
{
    public const string Officer = "aio@cityofsacramento.example";

    public static ToolProfile Profile(string toolId, string name = "Permit Helper", string department = "Community Development", string tier = "medium",
        string stage = "production", bool publicFacing = true, string purpose = "Answers residents' questions about building permits.") =>
        new(toolId, null, name, "Acme AI", department, purpose, "Staff review every answer the chatbot gives before it is sent.",
            ["public", "internal"], publicFacing, GenerativeAi: true, "assistive", stage, tier, "owner@cityofsacramento.example",
            ["The purpose and use of this AI system is proactively communicated and disclosed to the public. (Sacramento IV.D)"], [], "approval", null);

    public static async Task<ToolProfile> RegisterAsync(this AIWorkflowsApp app, ToolProfile profile)
    {
        Assert.True(await app.Services.GetRequiredService<ToolLifecycleService>().RegisterAsync(profile, null, default));
        return profile;
    }

    /// <summary>GETs the page that holds the form (for its antiforgery cookie and token), then posts the fields as the browser would.</summary>
    public static async Task<HttpResponseMessage> SubmitFormAsync(this HttpClient http, string pagePath, string postPath, params (string Key, string Value)[] fields)
    {
        using var page = await http.GetAsync(pagePath);
        var html = await page.Content.ReadAsStringAsync();
        var token = TokenInput().Match(html).Groups[1].Value;
        Assert.False(string.IsNullOrEmpty(token), $"No antiforgery token on {pagePath} ({(int)page.StatusCode}).");
        var cookie = page.Headers.GetValues("Set-Cookie").First(c => c.StartsWith(".AspNetCore.Antiforgery", StringComparison.Ordinal)).Split(';')[0];
        var formKey = FormKeyInput().Match(html) is { Success: true } m ? m.Groups[1].Value : null;
        var all = fields.Select(f => new KeyValuePair<string, string>(f.Key, f.Value)).Append(new("__RequestVerificationToken", WebUtility.HtmlDecode(token)));
        if (formKey is not null && fields.All(f => f.Key != "formKey")) all = all.Append(new("formKey", formKey));
        using var request = new HttpRequestMessage(HttpMethod.Post, postPath) { Content = new FormUrlEncodedContent(all) };
        request.Headers.Add("Cookie", cookie);
        return await http.SendAsync(request);
    }

    public static Stream FederalCsv()
    {
        var gz = File.OpenRead(Path.Combine(DataFolder, "individual_use_cases.csv.gz"));
        return new GZipStream(gz, CompressionMode.Decompress);
    }

    public static string DataDictionaryPath => Path.Combine(DataFolder, "data_dictionary.json");

    private static string DataFolder { get; } = FindDataFolder();

    private static string FindDataFolder()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "AIWorkflows.sln")))
                return Path.Combine(dir.FullName, "tests", "AIWorkflows.App.Tests", "Inventory", "Data");
        throw new InvalidOperationException("AIWorkflows.sln not found above the test binaries.");
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenInput();

    [GeneratedRegex("name=\"formKey\" value=\"([^\"]+)\"")]
    private static partial Regex FormKeyInput();
}
