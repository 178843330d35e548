using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using AIWorkflows.Testing;

namespace AIWorkflows.App.Tests.Reliability;

/// <summary>
/// An Azurite of one test's own that the test can stop, freeze and start again on the SAME ports and data
/// folder (persisted to disk, unlike the shared fixture's in-memory one), to take storage away
/// from a running app and give it back.
/// </summary>
internal sealed class StoppableAzurite : IAsyncDisposable
{
    private const string AccountName = "devstoreaccount1";
    // The emulator's well-known development key; not a secret.
    private const string AccountKey = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

    private readonly string _folder = Directory.CreateTempSubdirectory("azurite-outage-").FullName;
    private readonly int _blobPort = FreePort();
    private readonly int _queuePort = FreePort();
    private readonly int _tablePort = FreePort();
    private Process? _process;

    public string ConnectionString =>
        $"DefaultEndpointsProtocol=http;AccountName={AccountName};AccountKey={AccountKey};" +
        $"BlobEndpoint=http://127.0.0.1:{_blobPort}/{AccountName};" +
        $"QueueEndpoint=http://127.0.0.1:{_queuePort}/{AccountName};" +
        $"TableEndpoint=http://127.0.0.1:{_tablePort}/{AccountName};";

    public static async Task<StoppableAzurite> StartAsync()
    {
        var azurite = new StoppableAzurite();
        await azurite.StartAgainAsync();
        return azurite;
    }

    public async Task StartAgainAsync()
    {
        var start = new ProcessStartInfo(FindAzurite())
        {
            WorkingDirectory = _folder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in new[]
        {
            "--location", _folder, "--disableTelemetry", "--skipApiVersionCheck", "--loose", "--silent",
            "--blobHost", "127.0.0.1", "--blobPort", $"{_blobPort}",
            "--queueHost", "127.0.0.1", "--queuePort", $"{_queuePort}",
            "--tableHost", "127.0.0.1", "--tablePort", $"{_tablePort}",
        })
        {
            start.ArgumentList.Add(arg);
        }
        _process = Process.Start(start) ?? throw new InvalidOperationException("Could not start Azurite.");
        _process.OutputDataReceived += (_, _) => { };
        _process.ErrorDataReceived += (_, _) => { };
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
        var until = DateTime.UtcNow.AddSeconds(120);
        foreach (var port in new[] { _tablePort, _blobPort })
        {
            while (!await ListeningAsync(port))
            {
                if (_process.HasExited) throw new InvalidOperationException($"Azurite exited with code {_process.ExitCode}.");
                if (DateTime.UtcNow > until) throw new InvalidOperationException($"Azurite did not listen on {port} within 120 s.");
                await Task.Delay(50);
            }
        }
    }

    /// <summary>
    /// Stops the emulator and waits until its ports refuse connections. SIGTERM, not SIGKILL: Azurite
    /// keeps its tables in memory and saves them to disk every few seconds and on shutdown, so a
    /// killed emulator forgets writes it acknowledged, which Azure storage never does.
    /// </summary>
    public async Task StopAsync()
    {
        if (_process is not { } process) return;
        if (!process.HasExited) await SignalAsync("-TERM");
        _process = null;
        using (var patience = new CancellationTokenSource(TimeSpan.FromSeconds(20)))
        {
            try { await process.WaitForExitAsync(patience.Token); }
            catch (OperationCanceledException) { process.Kill(entireProcessTree: true); }
        }
        await process.WaitForExitAsync();
        process.Dispose();
        while (await ListeningAsync(_tablePort) || await ListeningAsync(_blobPort)) await Task.Delay(50);
    }

    /// <summary>Freezes the emulator (SIGSTOP): connections are still accepted but nothing answers, like a hung service.</summary>
    public Task FreezeAsync() => SignalAsync("-STOP");

    public Task ThawAsync() => SignalAsync("-CONT");

    public async ValueTask DisposeAsync()
    {
        if (_process is { HasExited: false }) await ThawAsync();
        await StopAsync();
        try { Directory.Delete(_folder, recursive: true); } catch (IOException) { }
    }

    private async Task SignalAsync(string signal)
    {
        var pid = _process?.Id ?? throw new InvalidOperationException("Azurite is not running.");
        using var kill = Process.Start("kill", [signal, pid.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
        await kill.WaitForExitAsync();
        if (kill.ExitCode != 0) throw new InvalidOperationException($"kill {signal} {pid} failed with {kill.ExitCode}.");
    }

    private static async Task<bool> ListeningAsync(int port)
    {
        try
        {
            using var client = new TcpClient();
            await client.ConnectAsync(IPAddress.Loopback, port);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    private static string FindAzurite()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "AIWorkflows.sln"))) return Path.Combine(dir.FullName, "node_modules", ".bin", "azurite");
        throw new InvalidOperationException("AIWorkflows.sln not found above " + AppContext.BaseDirectory);
    }

    private static int FreePort() => LoopbackPorts.Next();
}
