using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using AIWorkflows.Storage;

namespace AIWorkflows.Testing;

/// <summary>
/// A real Azurite (the version pinned in package.json) on free loopback ports, in memory, for the
/// life of a test collection. Share it with <c>ICollectionFixture&lt;AzuriteFixture&gt;</c> (each test
/// assembly declares its own collection: xunit looks for collection definitions only in the test
/// assembly) and isolate tests with unique names (<see cref="NewTablePrefix"/>, <see cref="NewTaskHub"/>),
/// not new emulators.
/// </summary>
public sealed class AzuriteFixture : IAsyncLifetime, IDisposable
{
    // The emulator's well-known development account; not a secret.
    private const string AccountName = "devstoreaccount1";
    private const string AccountKey = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";
    // Generous: on a busy 2-core machine Node can take tens of seconds to bring Azurite up.
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(120);

    private readonly StringBuilder _output = new();
    private Process? _process;
    private string? _workspace;

    public string ConnectionString { get; private set; } = "";

    public int BlobPort { get; private set; }

    public int TablePort { get; private set; }

    public int QueuePort { get; private set; }

    /// <summary>Environment variables for the emulator's process, set before <see cref="InitializeAsync"/> (the benchmarks use it).</summary>
    public IDictionary<string, string> ProcessEnvironment { get; } = new Dictionary<string, string>(StringComparer.Ordinal);

    /// <summary>A table prefix no other test uses: letters and digits, starting with a letter.</summary>
    public static string NewTablePrefix() => "t" + Guid.NewGuid().ToString("N")[..12];

    /// <summary>Options pointing at this emulator with a fresh <see cref="NewTablePrefix"/>: tables no other test sees.</summary>
    public StorageOptions NewStorageOptions() => new() { ConnectionString = ConnectionString, TablePrefix = NewTablePrefix() };

    /// <summary>A task hub name no other test uses: Durable's queues, tables and containers are named after it.</summary>
    public static string NewTaskHub() => "h" + Guid.NewGuid().ToString("N")[..12];

    public async Task InitializeAsync()
    {
        var azurite = FindAzurite();
        // Ports are picked free and then handed over, so another process can grab one in between;
        // a failed start simply tries again with new ports.
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await StartAsync(azurite);
                return;
            }
            catch (InvalidOperationException) when (attempt < 3)
            {
                Stop();
            }
        }
    }

    public Task DisposeAsync()
    {
        Dispose();
        return Task.CompletedTask;
    }

    public void Dispose() => Stop();

    private async Task StartAsync(string azurite)
    {
        (BlobPort, TablePort, QueuePort) = (FreePort(), FreePort(), FreePort());
        // In-memory persistence refuses --location; the working directory catches any stray file instead.
        _workspace = Directory.CreateTempSubdirectory("azurite-").FullName;
        var start = new ProcessStartInfo(azurite)
        {
            WorkingDirectory = _workspace,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var (name, value) in ProcessEnvironment) start.Environment[name] = value;
        foreach (var arg in new[]
        {
            "--inMemoryPersistence", "--disableTelemetry", "--skipApiVersionCheck", "--loose", "--silent",
            "--blobHost", "127.0.0.1", "--blobPort", BlobPort.ToString(),
            "--queueHost", "127.0.0.1", "--queuePort", QueuePort.ToString(),
            "--tableHost", "127.0.0.1", "--tablePort", TablePort.ToString(),
        })
        {
            start.ArgumentList.Add(arg);
        }

        _output.Clear();
        _process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {azurite}.");
        _process.OutputDataReceived += (_, e) => Append(e.Data);
        _process.ErrorDataReceived += (_, e) => Append(e.Data);
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();

        await WaitUntilListeningAsync(TablePort);
        await WaitUntilListeningAsync(BlobPort);
        // Durable's work items and timers go through queues, so the app and the Durable tests need it too.
        await WaitUntilListeningAsync(QueuePort);
        ConnectionString =
            $"DefaultEndpointsProtocol=http;AccountName={AccountName};AccountKey={AccountKey};" +
            $"BlobEndpoint=http://127.0.0.1:{BlobPort}/{AccountName};" +
            $"QueueEndpoint=http://127.0.0.1:{QueuePort}/{AccountName};" +
            $"TableEndpoint=http://127.0.0.1:{TablePort}/{AccountName};";
    }

    private async Task WaitUntilListeningAsync(int port)
    {
        var deadline = Stopwatch.StartNew();
        while (true)
        {
            if (_process!.HasExited)
                throw new InvalidOperationException($"Azurite exited with code {_process.ExitCode}:\n{Output()}");
            try
            {
                using var client = new TcpClient();
                await client.ConnectAsync(IPAddress.Loopback, port);
                return;
            }
            catch (SocketException) when (deadline.Elapsed < StartTimeout)
            {
                await Task.Delay(50);
            }
            catch (SocketException e)
            {
                throw new InvalidOperationException($"Azurite did not listen on port {port} within {StartTimeout.TotalSeconds}s:\n{Output()}", e);
            }
        }
    }

    private void Stop()
    {
        if (_process is { } process)
        {
            try
            {
                if (!process.HasExited) process.Kill(entireProcessTree: true);
                process.WaitForExit(5000);
            }
            catch (InvalidOperationException)
            {
                // Already gone.
            }
            process.Dispose();
            _process = null;
        }
        if (_workspace is { } workspace && Directory.Exists(workspace))
        {
            try { Directory.Delete(workspace, recursive: true); } catch (IOException) { }
        }
        _workspace = null;
    }

    private static string FindAzurite()
    {
        var root = Repository.Root();
        var azurite = Path.Combine(root, "node_modules", ".bin", OperatingSystem.IsWindows() ? "azurite.cmd" : "azurite");
        if (!File.Exists(azurite))
            throw new InvalidOperationException(
                $"Azurite is not installed ({azurite} is missing). Run `npm ci` in {root} (./test does it) to install the version pinned in package.json.");
        return azurite;
    }

    private static int FreePort() => LoopbackPorts.Next();

    private void Append(string? line)
    {
        if (line is null) return;
        lock (_output) _output.AppendLine(line);
    }

    private string Output()
    {
        lock (_output) return _output.ToString();
    }
}
