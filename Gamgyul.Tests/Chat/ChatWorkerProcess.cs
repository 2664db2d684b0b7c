using System.Diagnostics;
using System.Text;
using Gamgyul.Tests.Infrastructure;

namespace Gamgyul.Tests.Chat;

/// <summary>
/// The real ChatWorker program as a child process (its own build output), so a test can kill it the way a crash
/// would: SIGKILL, no shutdown code runs.
/// </summary>
internal sealed class ChatWorkerProcess : IDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();

    private ChatWorkerProcess(Process process, int port)
    {
        _process = process;
        Port = port;
    }

    public int Port { get; }

    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    public static async Task<ChatWorkerProcess> StartAsync(string database, string redis, IDictionary<string, string>? settings = null)
    {
        var port = FreePort.Next();
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(DllPath());
        start.Environment["DOTNET_ENVIRONMENT"] = "Testing";
        start.Environment["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}";
        start.Environment["ConnectionStrings__db"] = database;
        start.Environment["ConnectionStrings__cache"] = redis;
        start.Environment["Bus__Provider"] = "redis";
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
        {
            start.Environment[key] = value;
        }

        var process = new Process { StartInfo = start };
        var worker = new ChatWorkerProcess(process, port);
        process.OutputDataReceived += (_, e) => worker.Append(e.Data);
        process.ErrorDataReceived += (_, e) => worker.Append(e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        await worker.WaitHealthyAsync();
        return worker;
    }

    /// <summary>A crash: SIGKILL, nothing is handed back or flushed.</summary>
    public void Kill()
    {
        _process.Kill(entireProcessTree: true);
        _process.WaitForExit();
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit(TimeSpan.FromSeconds(10));
        }

        _process.Dispose();
    }

    private async Task WaitHealthyAsync()
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        // A cold process beside a parallel test run can take long to start.
        var deadline = DateTime.UtcNow.AddMinutes(3);
        while (DateTime.UtcNow < deadline)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"The ChatWorker exited with {_process.ExitCode}:\n{Output}");
            }

            try
            {
                if ((await http.GetAsync($"http://127.0.0.1:{Port}/health")).IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
                // Not listening yet.
            }

            await Task.Delay(200);
        }

        throw new TimeoutException($"The ChatWorker did not become healthy:\n{Output}");
    }

    /// <summary>The ChatWorker's own build output, next to this test assembly's configuration (Debug or Release).</summary>
    private static string DllPath()
    {
        var binDirectory = new DirectoryInfo(AppContext.BaseDirectory);
        var configuration = binDirectory.Parent!.Name;
        var framework = binDirectory.Name;
        var root = binDirectory;
        while (root is not null && !File.Exists(Path.Combine(root.FullName, "Gamgyul.sln")))
        {
            root = root.Parent;
        }

        var path = Path.Combine(root?.FullName ?? throw new InvalidOperationException("Gamgyul.sln not found above the test output."),
            "Gamgyul.ChatWorker", "bin", configuration, framework, "Gamgyul.ChatWorker.dll");
        return File.Exists(path) ? path : throw new FileNotFoundException("Build Gamgyul.ChatWorker (the AppHost build does).", path);
    }

    private void Append(string? line)
    {
        if (line is not null)
        {
            lock (_output)
            {
                _output.AppendLine(line);
            }
        }
    }
}
