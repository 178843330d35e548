using Microsoft.DurableTask;
using Microsoft.DurableTask.Converters;
using Microsoft.Extensions.DependencyInjection;

namespace AIWorkflows.LocalHost.Durable;

/// <summary>
/// An <c>[OrchestrationTrigger]</c> function as an <see cref="ITaskOrchestrator"/>. The function reads
/// its input with <c>ctx.GetInput&lt;T&gt;()</c>: see <see cref="LocalOrchestrationContext"/>.
/// </summary>
internal sealed class MethodOrchestrator(FunctionMethod function, IServiceProvider services) : ITaskOrchestrator
{
    private readonly DataConverter _converter = services.GetService<DataConverter>() ?? JsonDataConverter.Default;
    private readonly ILoggerFactory _loggerFactory = services.GetRequiredService<ILoggerFactory>();

    public Type InputType => typeof(object);

    public Type OutputType => function.ResultType;

    public Task<object?> RunAsync(TaskOrchestrationContext context, object? input)
    {
        context = new LocalOrchestrationContext(context, input, _converter, _loggerFactory);
        if (function.Method.IsStatic) return function.InvokeAsync(services, context, CancellationToken.None);

        // An episode that ends waiting (for an event, a timer, an activity) never completes this task,
        // so the scope of such an episode is left to the collector; orchestrators take no services anyway.
        var scope = services.CreateAsyncScope();
        return DisposeAfter(function.InvokeAsync(scope.ServiceProvider, context, CancellationToken.None), scope);
    }

    private static async Task<object?> DisposeAfter(Task<object?> run, AsyncServiceScope scope)
    {
        try
        {
            return await run;
        }
        finally
        {
            await scope.DisposeAsync();
        }
    }
}

/// <summary>An <c>[ActivityTrigger]</c> function as an <see cref="ITaskActivity"/>; the worker deserializes its input to the trigger parameter's type.</summary>
internal sealed class MethodActivity(FunctionMethod function, IServiceProvider scopedServices, CancellationToken stopping) : ITaskActivity
{
    public Type InputType => function.Trigger.ParameterType;

    public Type OutputType => function.ResultType;

    public Task<object?> RunAsync(TaskActivityContext context, object? input) => function.InvokeAsync(scopedServices, input, stopping);
}
