using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using AIWorkflows.Testing;

namespace AIWorkflows.App.Tests.Reliability;

/// <summary>
/// The built app (<c>dotnet AIWorkflows.LocalHost.dll</c>) as an operating-system process of its own, in
/// Development, on a fixed loopback port, so a test can SIGKILL it at any moment and start it again
/// on the same port and storage, as a host would after a crash.
/// </summary>
internal sealed class AppProcess : IAsyncDisposable
{
    private readonly Dictionary<string, string> _environment;
    private readonly Queue<string> _output = new();
    private Process? _process;

    public AppProcess(IDictionary<string, string?> settings)
    {
        Port = FreePort();
        BaseUrl = new Uri($"http://127.0.0.1:{Port}/");
        _environment = settings.Where(s => s.Value is not null).ToDictionary(s => s.Key.Replace(":", "__", StringComparison.Ordinal), s => s.Value!);
        _environment["ASPNETCORE_ENVIRONMENT"] = "Development";
        _environment["ASPNETCORE_URLS"] = BaseUrl.ToString().TrimEnd('/');
        _environment["App__BaseUrl"] = BaseUrl.ToString();
        _environment["DOTNET_NOLOGO"] = "1";
    }

    public int Port { get; }

    public Uri BaseUrl { get; }

    public int Starts { get; private set; }

    /// <summary>Starts the app and returns once it answers <c>GET /api/healthz</c>.</summary>
    public async Task StartAsync()
    {
        var dll = AppDll();
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = Path.GetDirectoryName(dll)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(dll);
        foreach (var (k, v) in _environment) start.Environment[k] = v;
        var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start the app.");
        process.OutputDataReceived += (_, e) => Keep(e.Data);
        process.ErrorDataReceived += (_, e) => Keep(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        _process = process;
        Starts++;

        using var http = new HttpClient { BaseAddress = BaseUrl, Timeout = TimeSpan.FromSeconds(5) };
        var until = DateTime.UtcNow.AddSeconds(180);
        while (true)
        {
            if (process.HasExited) throw new InvalidOperationException($"The app exited with {process.ExitCode}:\n{Output()}");
            try
            {
                using var health = await http.GetAsync("/api/healthz");
                if (health.IsSuccessStatusCode) return;
            }
            catch (HttpRequestException) { }
            catch (TaskCanceledException) { }
            if (DateTime.UtcNow > until) throw new InvalidOperationException($"The app was not healthy within 180 s:\n{Output()}");
            await Task.Delay(100);
        }
    }

    /// <summary>SIGKILL: no shutdown, no flushing, no finally blocks, as in a host crash.</summary>
    public void Kill()
    {
        if (_process is not { } process) return;
        _process = null;
        if (!process.HasExited) process.Kill();
        process.WaitForExit();
        process.Dispose();
    }

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

    /// <summary>The app's own build output in the configuration the tests were built in (bin/Release or bin/Debug).</summary>
    private static string AppDll()
    {
        var testBin = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        var (framework, configuration) = (testBin.Name, testBin.Parent!.Name);
        for (var dir = testBin; dir is not null; dir = dir.Parent)
        {
            if (!File.Exists(Path.Combine(dir.FullName, "AIWorkflows.sln"))) continue;
            var dll = Path.Combine(dir.FullName, "src", "AIWorkflows.LocalHost", "bin", configuration, framework, "AIWorkflows.LocalHost.dll");
            return File.Exists(dll) ? dll : throw new InvalidOperationException($"{dll} is missing; build the solution first.");
        }
        throw new InvalidOperationException("AIWorkflows.sln not found above " + AppContext.BaseDirectory);
    }

    private static int FreePort() => LoopbackPorts.Next();
}
