using AIWorkflows.Testing;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Testing;

namespace AIWorkflows.App.Tests.Workflows;

/// <summary>
/// The in-memory Durable host on a port known to be free. Left to itself it picks a random port
/// between 30000 and 40000 and fails when something else (an Azurite, an app under test) holds it.
/// </summary>
internal static class InMemoryDurable
{
    public static async Task<DurableTaskTestHost> StartAsync(Action<DurableTaskRegistry> registry)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await DurableTaskTestHost.StartAsync(registry, new DurableTaskTestHostOptions { Port = LoopbackPorts.Next() });
            }
            // Free when checked, taken before the host bound it: another port.
            catch (IOException) when (attempt < 5)
            {
            }
        }
    }
}
