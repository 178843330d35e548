using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using AIWorkflows.App.Tests.Fixtures;
using AIWorkflows.LocalHost.Functions;
using AIWorkflows.Testing;

namespace AIWorkflows.App.Tests.Development;

/// <summary>
/// The Development-only functions (dev mail, dev clock, sweep) exist in every deployment, since functions are
/// declared at build time; outside Development each must refuse before it reads anything of the request.
/// </summary>
[Collection(OnAzurite.Name)]
public sealed class DevelopmentOnlyTests(AzuriteFixture azurite)
{
    // Every function under a development address, found from the app's attributes: a new one without the gate fails here.
    private static IEnumerable<(string Method, string Path)> Routes() =>
        FunctionCatalog.Of(typeof(AppServices).Assembly).Http
            .Where(f => f.Route.StartsWith("api/dev/", StringComparison.Ordinal) || f.Route.StartsWith("dev/", StringComparison.Ordinal))
            .SelectMany(f => f.Methods.Select(m => (m, "/" + f.Route)));

    public static TheoryData<string, string> DevelopmentFunctions()
    {
        var data = new TheoryData<string, string>();
        foreach (var (method, path) in Routes()) data.Add(method, path);
        return data;
    }

    [Fact]
    public void TheDevelopmentFunctionsAreTheOnesDesignNames() =>
        Assert.Equal(
            ["GET /api/dev/clock", "GET /api/dev/mail", "GET /dev/mail", "POST /api/dev/clock", "POST /api/dev/sweep"],
            Routes().Select(r => $"{r.Method} {r.Path}").Order(StringComparer.Ordinal));

    [Theory]
    [MemberData(nameof(DevelopmentFunctions))]
    public async Task InProduction_EachIsA404Problem_WhateverItIsSent_AndTheClockStays(string method, string path)
    {
        await using var mode = await ModeApp.StartAsync(azurite, production: true);
        using var http = mode.App.Http();
        var before = mode.App.Clock.GetUtcNow();

        foreach (var body in method == "GET" ? new string?[] { null } : ["""{"advance":"P90D"}""", "{ broken", "not json"])
        {
            using var request = new HttpRequestMessage(new HttpMethod(method), path)
            {
                Content = body is null ? null : new StringContent(body, Encoding.UTF8, "application/json"),
            };
            using var response = await http.SendAsync(request);

            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            Assert.Equal(404, (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("status").GetInt32());
        }
        Assert.Equal(before, mode.App.Clock.GetUtcNow());
    }

    [Fact]
    public async Task InDevelopment_TheSweepRuns_AndSaysWhatItDid()
    {
        await using var app = new AIWorkflowsApp(azurite);
        using var http = app.Http();

        using var response = await http.PostAsync("/api/dev/sweep", null);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(0, body.GetProperty("running").GetInt32());
        Assert.Equal(0, body.GetProperty("woken").GetInt32());
    }
}
