using AIWorkflows.LocalHost.Durable;
using AIWorkflows.LocalHost.Tests.Samples;
using DurableTask.AzureStorage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace AIWorkflows.LocalHost.Tests.Durable;

public sealed class LocalDurableOptionsTests
{
    // A host with the sample functions and Azurite's well-known connection string, as the options leave it after configure.
    private static IHost NewHost(Action<LocalDurableOptions> configure)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Services.AddLogging();
        builder.Services.AddLocalDurable(o =>
        {
            o.ConnectionString = "UseDevelopmentStorage=true";
            o.FunctionAssemblies.Add(typeof(SampleApproval).Assembly);
            configure(o);
        });
        return builder.Build();
    }

    [Fact]
    public async Task Options_that_cannot_work_stop_the_host_at_start_with_every_problem_named()
    {
        using var host = NewHost(o => (o.ConnectionString, o.TaskHubName) = ("", "no_underscores"));

        var refused = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.Contains(refused.Failures, f => f.Contains("ConnectionString", StringComparison.Ordinal));
        Assert.Contains(refused.Failures, f => f.Contains("TaskHubName", StringComparison.Ordinal));
    }

    [Fact]
    public void Lease_timings_left_unset_are_the_backends_own_and_set_ones_reach_it()
    {
        static AzureStorageOrchestrationServiceSettings Backend(Action<LocalDurableOptions> configure)
        {
            using var host = NewHost(configure);
            return host.Services.GetRequiredService<DurableSidecar>().Settings;
        }

        var defaults = Backend(_ => { });
        var local = Backend(o => (o.LeaseInterval, o.LeaseRenewInterval, o.LeaseAcquireInterval, o.UseAppLease) =
            (TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(3), TimeSpan.FromSeconds(2), false));

        Assert.Equal((TimeSpan.FromSeconds(30), TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(10), true),
            (defaults.LeaseInterval, defaults.LeaseRenewInterval, defaults.LeaseAcquireInterval, defaults.UseAppLease));
        Assert.Equal((TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(3), TimeSpan.FromSeconds(2), false),
            (local.LeaseInterval, local.LeaseRenewInterval, local.LeaseAcquireInterval, local.UseAppLease));
    }

    [Fact]
    public async Task A_lease_renewed_no_sooner_than_it_lapses_stops_the_host_at_start()
    {
        using var host = NewHost(o => (o.LeaseInterval, o.LeaseRenewInterval) = (TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(10)));

        var refused = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.Contains(refused.Failures, f => f.Contains("LeaseRenewInterval", StringComparison.Ordinal));
    }
}
