using Microsoft.DurableTask.Client;

namespace AIWorkflows.App.Workflows;

/// <summary>
/// The Durable client of the activity running now. The Functions host hands a function its client only
/// as a <c>[DurableClient]</c> binding, so an effect deep inside a step (one workflow telling another
/// what happened) finds it here; the local host also has one in its container.
/// </summary>
public static class CurrentDurableClient
{
    private static readonly AsyncLocal<DurableTaskClient?> Current = new();

    public static IDisposable Use(DurableTaskClient client)
    {
        var previous = Current.Value;
        Current.Value = client;
        return new Restore(previous);
    }

    public static DurableTaskClient Get(IServiceProvider services) =>
        Current.Value ?? services.GetService<DurableTaskClient>()
        ?? throw new InvalidOperationException("No Durable client here: send workflow commands from a function that binds [DurableClient].");

    private sealed class Restore(DurableTaskClient? previous) : IDisposable
    {
        public void Dispose() => Current.Value = previous;
    }
}
