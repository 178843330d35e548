using AIWorkflows.LocalHost.Durable;
using AIWorkflows.LocalHost.Tests.Samples;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.DependencyInjection;

namespace AIWorkflows.LocalHost.Tests.Durable;

public sealed class FunctionMethodTests
{
    private static readonly IServiceProvider Services =
        new ServiceCollection().AddLogging().AddSingleton<SampleLedger>().AddScoped<Disposals>().BuildServiceProvider();

    [Theory]
    [InlineData(nameof(Shapes.ReturnsValue), "value:x")]
    [InlineData(nameof(Shapes.ReturnsTaskOf), "task:x")]
    [InlineData(nameof(Shapes.ReturnsValueTaskOf), "valuetask:x")]
    [InlineData(nameof(Shapes.ReturnsVoid), null)]
    [InlineData(nameof(Shapes.ReturnsTask), null)]
    [InlineData(nameof(Shapes.ReturnsValueTask), null)]
    public async Task Every_return_shape_is_awaited_into_its_value(string method, string? expected)
    {
        var function = FunctionMethod.Create<ActivityTriggerAttribute>(typeof(Shapes).GetMethod(method)!, method);

        Assert.Equal(expected, await function.InvokeAsync(Services, "x", CancellationToken.None));
        Assert.Equal(expected is null ? typeof(object) : typeof(string), function.ResultType);
    }

    [Fact]
    public async Task An_exception_from_the_method_comes_back_unwrapped()
    {
        var function = FunctionMethod.Create<ActivityTriggerAttribute>(typeof(Shapes).GetMethod(nameof(Shapes.Throws))!, "Throws");

        var thrown = await Assert.ThrowsAsync<InvalidOperationException>(() => function.InvokeAsync(Services, "x", CancellationToken.None));
        Assert.Equal("no x", thrown.Message);
    }

    [Fact]
    public async Task An_instance_method_gets_a_new_object_per_invocation_with_its_dependencies_and_it_is_disposed()
    {
        var function = FunctionMethod.Create<ActivityTriggerAttribute>(typeof(InstanceFunction).GetMethod(nameof(InstanceFunction.Run))!, "Instance");
        await using var scope = Services.CreateAsyncScope();
        var disposals = scope.ServiceProvider.GetRequiredService<Disposals>();

        var first = await function.InvokeAsync(scope.ServiceProvider, "a", CancellationToken.None);
        var second = await function.InvokeAsync(scope.ServiceProvider, "b", CancellationToken.None);

        Assert.NotEqual(first, second);
        Assert.Equal(2, disposals.Count);
    }

    [Fact]
    public async Task The_function_context_and_token_are_bound_and_the_context_serves_the_invocation()
    {
        var function = FunctionMethod.Create<ActivityTriggerAttribute>(typeof(Shapes).GetMethod(nameof(Shapes.ReadsContext))!, "ReadsContext");
        using var cancel = new CancellationTokenSource();

        var read = (string?)await function.InvokeAsync(Services, "x", cancel.Token);

        Assert.Matches("^ReadsContext [0-9a-f-]{36} True True$", read);
    }

    [Fact]
    public void A_parameter_the_local_host_cannot_bind_is_refused_when_the_function_is_read()
    {
        var refused = Assert.Throws<NotSupportedException>(() =>
            FunctionMethod.Create<ActivityTriggerAttribute>(typeof(Shapes).GetMethod(nameof(Shapes.WantsAString))!, "WantsAString"));
        Assert.Contains("'other'", refused.Message);
    }

    [Fact]
    public async Task A_host_binds_parameters_of_its_own_trigger_kind_and_seeds_the_context_items()
    {
        // As an HTTP mapping would: a route value by the parameter's name, the HttpContext among the items.
        var function = FunctionMethod.Create<ActivityTriggerAttribute>(
            typeof(Shapes).GetMethod(nameof(Shapes.WantsAString))!, "WantsAString",
            p => p.ParameterType == typeof(string) ? (_, context) => $"{p.Name}={context.Items["route"]}" : null);

        var read = await function.InvokeAsync(Services, "x", CancellationToken.None, [new("route", "42")]);

        Assert.Equal("other=42", read);
    }

    [Fact]
    public async Task A_durable_client_parameter_is_bound_from_the_services()
    {
        var function = FunctionMethod.Create<ActivityTriggerAttribute>(typeof(Shapes).GetMethod(nameof(Shapes.StartsSomething))!, "StartsSomething");

        var missing = await Assert.ThrowsAsync<InvalidOperationException>(() => function.InvokeAsync(Services, "x", CancellationToken.None));
        Assert.Contains(nameof(DurableTaskClient), missing.Message);
    }

    // No [Function] attributes: the scan must not find these; the tests name them.
    public static class Shapes
    {
        public static string ReturnsValue([ActivityTrigger] string input) => "value:" + input;

        public static Task<string> ReturnsTaskOf([ActivityTrigger] string input) => Task.FromResult("task:" + input);

        public static async ValueTask<string> ReturnsValueTaskOf([ActivityTrigger] string input)
        {
            await Task.Yield();
            return "valuetask:" + input;
        }

        public static void ReturnsVoid([ActivityTrigger] string input)
        {
        }

        public static Task ReturnsTask([ActivityTrigger] string input) => Task.Delay(1);

        public static ValueTask ReturnsValueTask([ActivityTrigger] string input) => ValueTask.CompletedTask;

        public static string Throws([ActivityTrigger] string input) => throw new InvalidOperationException("no " + input);

        public static string ReadsContext([ActivityTrigger] string input, FunctionContext context, CancellationToken token) =>
            $"{context.FunctionDefinition.Name} {context.InvocationId} {context.InstanceServices.GetService<SampleLedger>() is not null} {token.CanBeCanceled}";

        public static string WantsAString([ActivityTrigger] string input, string other) => other;

        public static void StartsSomething([ActivityTrigger] string input, [DurableClient] DurableTaskClient client)
        {
        }
    }

    public sealed class InstanceFunction(Disposals disposals) : IDisposable
    {
        private readonly Guid _id = Guid.NewGuid();

        public Guid Run([ActivityTrigger] string input) => _id;

        public void Dispose() => disposals.Count++;
    }

    public sealed class Disposals
    {
        public int Count { get; set; }
    }
}
