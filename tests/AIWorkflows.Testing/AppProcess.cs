using System.Diagnostics;

namespace AIWorkflows.Testing;

/// <summary>
/// A built app as an operating-system process of its own, as a host runs it: <c>dotnet app.dll</c> from its
/// own folder (its content root), on a loopback port that stays the same across restarts. The reliability
/// tests SIGKILL it at any moment and start it again on the same port and storage; the bench times its
/// start-up and reads its memory. In-process tests use <see cref="AIWorkflowsApp"/> instead.
/// </summary>
public sealed class AppProcess : IAsyncDisposable
{
    private readonly string _dll;
    private readonly Dictionary<string, string> _environment;
    private readonly string _readyPath;
    private readonly Queue<string> _output = new();
    private Process? _process;

    /// <param name="environment">Environment variables (<c>Storage__ConnectionString</c>); see <see cref="Variables"/> for configuration keys.</param>
    /// <param name="readyPath">The path that answers 200 once the app serves (the bare app has only <c>/</c>).</param>
    public AppProcess(string dll, IReadOnlyDictionary<string, string> environment, string readyPath = "/api/healthz")
    {
        _dll = File.Exists(dll) ? dll : throw new InvalidOperationException($"{dll} is missing; build it first.");
        _readyPath = readyPath;
        Port = LoopbackPorts.Next();
        BaseUrl = new Uri($"http://127.0.0.1:{Port}/");
        _environment = new Dictionary<string, string>(environment)
        {
            ["App__BaseUrl"] = BaseUrl.ToString(),
            ["DOTNET_NOLOGO"] = "1",
        };
    }

    /// <summary>The app's own build (<c>AIWorkflows.LocalHost.dll</c>), in the configuration and framework the caller was built in.</summary>
    public static string LocalHostDll
    {
        get
        {
            var bin = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
            var (framework, configuration) = (bin.Name, bin.Parent!.Name);
            return Path.Combine(Repository.Root(), "src", "AIWorkflows.LocalHost", "bin", configuration, framework, "AIWorkflows.LocalHost.dll");
        }
    }

    public int Port { get; }

    public Uri BaseUrl { get; }

    /// <summary>How many times it was started.</summary>
    public int Starts { get; private set; }

    /// <summary>From <c>Process.Start</c> to the first 200 on the ready path, at the last start.</summary>
    public TimeSpan StartUp { get; private set; }

    public int ProcessId => _process?.Id ?? throw new InvalidOperationException("The app is not running.");

    /// <summary>Configuration keys (<c>Storage:ConnectionString</c>) as the environment variables .NET reads them from.</summary>
    public static Dictionary<string, string> Variables(IEnumerable<KeyValuePair<string, string?>> settings) =>
        settings.Where(s => s.Value is not null).ToDictionary(s => s.Key.Replace(":", "__", StringComparison.Ordinal), s => s.Value!);

    public static async Task<AppProcess> StartAsync(string dll, IReadOnlyDictionary<string, string> environment, string readyPath = "/", TimeSpan? timeout = null)
    {
        var app = new AppProcess(dll, environment, readyPath);
        await app.StartAsync(timeout);
        return app;
    }

    /// <summary>Starts the app and returns once the ready path answers 200.</summary>
    public async Task StartAsync(TimeSpan? timeout = null)
    {
        if (_process is not null) throw new InvalidOperationException("The app is running; kill it first.");
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = Path.GetDirectoryName(_dll)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var a in new[] { _dll, "--urls", BaseUrl.ToString().TrimEnd('/') }) start.ArgumentList.Add(a);
        foreach (var (k, v) in _environment) start.Environment[k] = v;
        using var http = new HttpClient { BaseAddress = BaseUrl, Timeout = TimeSpan.FromSeconds(5) };
        var clock = Stopwatch.StartNew();
        var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {_dll}.");
        process.OutputDataReceived += (_, e) => Keep(e.Data);
        process.ErrorDataReceived += (_, e) => Keep(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        _process = process;
        Starts++;

        var patience = timeout ?? TimeSpan.FromSeconds(180);
        while (true)
        {
            if (process.HasExited) throw new InvalidOperationException($"{Path.GetFileName(_dll)} exited with {process.ExitCode}:\n{Output()}");
            try
            {
                using var ready = await http.GetAsync(_readyPath);
                if (ready.IsSuccessStatusCode)
                {
                    StartUp = clock.Elapsed;
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            catch (TaskCanceledException)
            {
                // Listening, not answering yet.
            }
            if (clock.Elapsed > patience)
            {
                Kill();
                throw new InvalidOperationException($"{Path.GetFileName(_dll)} gave no 200 on GET {_readyPath} within {patience.TotalSeconds:F0} s:\n{Output()}");
            }
            // Short, so the bench's start-up figure is not rounded up by the wait.
            await Task.Delay(5);
        }
    }

    /// <summary>SIGKILL: no shutdown, no flushing, no finally blocks, as in a host crash.</summary>
    public void Kill()
    {
        if (_process is not { } process) return;
        _process = null;
        if (!process.HasExited) process.Kill(entireProcessTree: true);
        process.WaitForExit();
        process.Dispose();
    }

    /// <summary>The last 200 lines it wrote.</summary>
    public string Output()
    {
        lock (_output) return string.Join('\n', _output);
    }

    public ValueTask DisposeAsync()
    {
        Kill();
        return ValueTask.CompletedTask;
    }

    private void Keep(string? line)
    {
        if (line is null) return;
        lock (_output)
        {
            _output.Enqueue(line);
            while (_output.Count > 200) _output.Dequeue();
        }
    }
}
