using AIWorkflows.LocalHost.Durable;
using DurableTask.AzureStorage;
using AIWorkflows.LocalHost.Tests.Samples;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace AIWorkflows.LocalHost.Tests.Durable;

public sealed class LocalDurableOptionsTests
{
    [Fact]
    public async Task Options_that_cannot_work_stop_the_host_at_start_with_every_problem_named()
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Services.AddLocalDurable(o =>
        {
            o.TaskHubName = "no_underscores";
            o.FunctionAssemblies.Add(typeof(SampleApproval).Assembly);
        });
        using var host = builder.Build();

        var refused = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.Contains(refused.Failures, f => f.Contains("ConnectionString", StringComparison.Ordinal));
        Assert.Contains(refused.Failures, f => f.Contains("TaskHubName", StringComparison.Ordinal));
    }

    [Fact]
    public void Lease_timings_left_unset_are_the_backends_own_and_set_ones_reach_it()
    {
        static AzureStorageOrchestrationServiceSettings Backend(Action<LocalDurableOptions> configure)
        {
            var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
            builder.Services.AddLogging();
            builder.Services.AddLocalDurable(o =>
            {
                o.ConnectionString = "UseDevelopmentStorage=true";
                o.FunctionAssemblies.Add(typeof(SampleApproval).Assembly);
                configure(o);
            });
            using var host = builder.Build();
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
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Services.AddLocalDurable(o =>
        {
            o.ConnectionString = "UseDevelopmentStorage=true";
            o.FunctionAssemblies.Add(typeof(SampleApproval).Assembly);
            (o.LeaseInterval, o.LeaseRenewInterval) = (TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(10));
        });
        using var host = builder.Build();

        var refused = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.Contains(refused.Failures, f => f.Contains("LeaseRenewInterval", StringComparison.Ordinal));
    }
}
