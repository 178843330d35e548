using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using AIWorkflows.App.Development;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Time.Testing;

namespace AIWorkflows.App.Tests.Development;

public sealed class DevClockEndpointTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);

    private static Task<WebApplication> DevelopmentApp(TimeProvider? replacement = null) =>
        TestHost.StartAsync(Environments.Development, builder =>
        {
            // The dev clock over a fake inner clock, so "now" is exact in assertions.
            builder.Services.AddSingleton(new DevClock(new FakeTimeProvider(Now)));
            builder.Services.AddDevClock(builder.Environment);
            if (replacement is not null)
                builder.Services.AddSingleton(replacement);
        }, app => app.MapFunctions(typeof(DevClockFunctions)));

    [Fact]
    public async Task GetAnswersNow()
    {
        await using var app = await DevelopmentApp();

        var clock = await app.GetTestClient().GetFromJsonAsync<JsonElement>("/api/dev/clock");

        Assert.Equal(Now, clock.GetProperty("now").GetDateTimeOffset());
    }

    [Fact]
    public async Task PostAdvancesTheAppsTimeProvider_AndAnswersTheNewNow()
    {
        await using var app = await DevelopmentApp();
        var client = app.GetTestClient();

        var response = await client.PostAsJsonAsync("/api/dev/clock", new { advance = "P90D" });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(Now.AddDays(90), body.GetProperty("now").GetDateTimeOffset());
        Assert.Equal(Now.AddDays(90), app.Services.GetRequiredService<TimeProvider>().GetUtcNow());
        var again = await client.GetFromJsonAsync<JsonElement>("/api/dev/clock");
        Assert.Equal(Now.AddDays(90), again.GetProperty("now").GetDateTimeOffset());
    }

    [Theory]
    [InlineData("""{"advance":"-P1D"}""")]
    [InlineData("""{"advance":"P-1D"}""")]
    [InlineData("""{"advance":"ninety days"}""")]
    [InlineData("""{"advance":90}""")]
    [InlineData("""{"other":"P1D"}""")]
    [InlineData("""{"advance":"P9999Y"}""")]
    [InlineData("not json")]
    [InlineData("")]
    public async Task InvalidOrNegativeDurations_Are400ProblemsNamingTheField_AndTheClockStays(string body)
    {
        await using var app = await DevelopmentApp();

        var response = await app.GetTestClient().PostAsync(
            "/api/dev/clock", new StringContent(body, Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(problem.GetProperty("errors").TryGetProperty("advance", out _));
        Assert.Equal(Now, app.Services.GetRequiredService<TimeProvider>().GetUtcNow());
    }

    [Fact]
    public async Task WhenATestReplacedTheClock_PostIsAConflict_NotASilentNoOp()
    {
        await using var app = await DevelopmentApp(new FakeTimeProvider(Now));

        var response = await app.GetTestClient().PostAsJsonAsync("/api/dev/clock", new { advance = "P1D" });

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }
}
