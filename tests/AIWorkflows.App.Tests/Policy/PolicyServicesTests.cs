using System.Net;
using System.Text.Json;
using AIWorkflows.App.Policy;
using AIWorkflows.App.Tests.Development;
using AIWorkflows.Domain.Calendar;
using AIWorkflows.Domain.Policy;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace AIWorkflows.App.Tests.Policy;

/// <summary>AddPolicyPack and GET /api/policy on a bare host, independent of Program.cs.</summary>
public sealed class PolicyServicesTests : IDisposable
{
    private readonly PackFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    private ServiceProvider Services(params (string Key, string Value)[] settings)
    {
        var config = new ConfigurationBuilder()
            .AddInMemoryCollection([new("Policy:Directory", _folder.Directory), .. settings.Select(s => new KeyValuePair<string, string?>(s.Key, s.Value))])
            .Build();
        return new ServiceCollection().AddLogging().AddPolicyPack(config).BuildServiceProvider();
    }

    [Fact]
    public void DefaultPack_IsSacramento_WithAPacificBusinessCalendar()
    {
        using var services = Services();

        Assert.Equal("sacramento", services.GetRequiredService<PolicyPack>().Id);
        var calendar = services.GetRequiredService<BusinessCalendar>();
        Assert.Equal("America/Los_Angeles", calendar.Zone.Id);
        Assert.False(calendar.IsBusinessDay(new DateOnly(2026, 3, 31))); // Cesar Chavez Day
        Assert.True(calendar.IsBusinessDay(new DateOnly(2026, 3, 30)));
    }

    [Fact]
    public void PolicyPackSetting_ChoosesThePack()
    {
        using var services = Services(("Policy:Pack", "baltimore"));

        Assert.Equal("baltimore", services.GetRequiredService<PolicyPack>().Id);
        Assert.Equal("America/New_York", services.GetRequiredService<BusinessCalendar>().Zone.Id);
    }

    [Fact]
    public void PolicyKey_OverridesPolicyPackSetting()
    {
        using var services = Services(("Policy:Pack", "baltimore"), ("POLICY", "albuquerque"));

        Assert.Equal("albuquerque", services.GetRequiredService<PolicyPack>().Id);
        Assert.Equal("America/Denver", services.GetRequiredService<BusinessCalendar>().Zone.Id);
    }

    [Fact]
    public async Task InvalidPack_StopsStartUp_WithTheLoadersMessage()
    {
        var pack = _folder.Read("baltimore");
        pack["tiers"]![2]!["reviews"]![0]!["escalateTo"] = "mayor";
        _folder.Write("baltimore", pack);
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration.AddInMemoryCollection([new("Policy:Directory", _folder.Directory), new("POLICY", "baltimore")]);
        builder.Services.AddPolicyPack(builder.Configuration);
        using var host = builder.Build();

        var e = await Assert.ThrowsAsync<PolicyPackException>(() => host.StartAsync());

        Assert.StartsWith("workflows/baltimore.json: $.tiers[2].reviews[0].escalateTo: must be one of the pack's roles", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetApiPolicy_ReturnsTheActivePackAsCamelCaseJson()
    {
        var builder = WebApplication.CreateBuilder();
        builder.WebHost.UseTestServer();
        builder.Configuration.AddInMemoryCollection([new("Policy:Directory", _folder.Directory), new("POLICY", "sacramento")]);
        builder.Services.AddPolicyPack(builder.Configuration);
        await using var app = builder.Build();
        app.MapFunctions(typeof(PolicyFunctions));
        await app.StartAsync();

        using var response = await app.GetTestClient().GetAsync(new Uri("/api/policy", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var root = json.RootElement;
        Assert.Equal("Sacramento", root.GetProperty("city").GetString());
        Assert.Equal("America/Los_Angeles", root.GetProperty("timeZone").GetString());
        var high = root.GetProperty("tiers").EnumerateArray().Single(t => t.GetProperty("id").GetString() == "high");
        Assert.Equal(3, high.GetProperty("reassessment").GetProperty("everyMonths").GetInt32());
        Assert.Contains(high.GetProperty("reviews").EnumerateArray(), r => r.GetProperty("role").GetString() == "city_attorney");
        Assert.Equal(10, root.GetProperty("union").GetProperty("requestWindowBusinessDays").GetInt32());
        Assert.Contains(root.GetProperty("retention").EnumerateArray(), r => r.GetProperty("id").GetString() == "disposition_certificate");
    }
}
