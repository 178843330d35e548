using System.Net;
using System.Net.Sockets;

namespace AIWorkflows.Testing;

/// <summary>
/// Ports for servers that must know their port before they listen (Azurite's arguments, an app whose
/// links carry its own address). Asking the system for port 0 and releasing it left a window in which
/// the same number went to another socket of the run (a sidecar listening on port 0, an outgoing
/// connection's local port): seen as "address already in use". These come from below the system's
/// ephemeral range (32768 and up on Linux), where nothing is handed out on its own, from a random
/// start per process so parallel test assemblies keep apart, each checked free before it is handed out.
/// </summary>
public static class LoopbackPorts
{
    private const int First = 20000;
    private const int Count = 12000;
    private static int _next = Random.Shared.Next(Count);

    public static int Next()
    {
        for (var tries = 0; tries < 200; tries++)
        {
            var port = First + (Interlocked.Increment(ref _next) % Count);
            if (IsFree(port)) return port;
        }
        throw new InvalidOperationException($"No free loopback port between {First} and {First + Count}.");
    }

    private static bool IsFree(int port)
    {
        try
        {
            using var listener = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
            listener.Bind(new IPEndPoint(IPAddress.Loopback, port));
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }
}
