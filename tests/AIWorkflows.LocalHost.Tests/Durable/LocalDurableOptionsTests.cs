using AIWorkflows.LocalHost.Durable;
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
}
