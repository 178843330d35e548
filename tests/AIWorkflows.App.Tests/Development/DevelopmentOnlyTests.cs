using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using AIWorkflows.App.Development;
using AIWorkflows.App.Mail;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace AIWorkflows.App.Tests.Development;

public sealed class DevelopmentOnlyTests
{
    private sealed record SweepRequest(int Limit);

    private sealed class Calls
    {
        public int Count;
    }

    private static Task<WebApplication> App(string environment, Calls calls) =>
        TestHost.StartAsync(environment, builder => builder.Services.AddDevClock(builder.Environment), app =>
        {
            app.MapDevClock();
            app.MapDevMail();
            // How another feature uses it: a single endpoint with a JSON body, and a filter.
            app.MapPost("/api/dev/sweep", (SweepRequest request) =>
                {
                    Interlocked.Increment(ref calls.Count);
                    return TypedResults.Ok(request.Limit);
                })
                .AddEndpointFilter((context, next) =>
                {
                    Interlocked.Increment(ref calls.Count);
                    return next(context);
                })
                .DevelopmentOnly();
        });

    [Theory]
    [InlineData("GET", "/api/dev/clock", null)]
    [InlineData("POST", "/api/dev/clock", """{"advance":"P90D"}""")]
    [InlineData("POST", "/api/dev/clock", "not json")]
    [InlineData("GET", "/api/dev/mail", null)]
    [InlineData("GET", "/dev/mail", null)]
    [InlineData("POST", "/api/dev/sweep", """{"limit":5}""")]
    [InlineData("POST", "/api/dev/sweep", "{ broken")]
    public async Task InProduction_DevelopmentOnlyEndpointsAre404Problems_AndNothingRuns(string method, string path, string? body)
    {
        var calls = new Calls();
        await using var app = await App(Environments.Production, calls);
        var before = app.Services.GetRequiredService<TimeProvider>().GetUtcNow();

        using var request = new HttpRequestMessage(new HttpMethod(method), path)
        {
            Content = body is null ? null : new StringContent(body, Encoding.UTF8, "application/json"),
        };
        var response = await app.GetTestClient().SendAsync(request);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(404, (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("status").GetInt32());
        Assert.Equal(0, calls.Count);
        Assert.IsNotType<DevClock>(app.Services.GetRequiredService<TimeProvider>());
        Assert.True(app.Services.GetRequiredService<TimeProvider>().GetUtcNow() - before < TimeSpan.FromMinutes(1));
    }

    [Fact]
    public async Task InDevelopment_TheSameEndpointRunsNormally()
    {
        var calls = new Calls();
        await using var app = await App(Environments.Development, calls);

        var response = await app.GetTestClient().PostAsJsonAsync("/api/dev/sweep", new { limit = 5 });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(5, await response.Content.ReadFromJsonAsync<int>());
        Assert.Equal(2, calls.Count);
    }

    [Fact]
    public async Task EndpointsCarryTheDevelopmentOnlyMarker()
    {
        await using var app = await App(Environments.Production, new Calls());

        var endpoints = app.Services.GetRequiredService<Microsoft.AspNetCore.Routing.EndpointDataSource>().Endpoints;

        Assert.All(endpoints, e => Assert.NotNull(e.Metadata.GetMetadata<DevelopmentOnlyMetadata>()));
    }
}
