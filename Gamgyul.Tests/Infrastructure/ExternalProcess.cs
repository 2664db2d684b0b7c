using System.Diagnostics;
using System.Runtime.InteropServices;
using System.Text;

namespace Gamgyul.Tests.Infrastructure;

/// <summary>A server process started by the test run, with its output kept for error messages.</summary>
internal sealed class ExternalProcess : IDisposable
{
    private const int SigInt = 2;
    private readonly Process _process;
    private readonly StringBuilder _output = new();

    private ExternalProcess(Process process) => _process = process;

    public bool HasExited => _process.HasExited;

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

    public static ExternalProcess Start(string fileName, IEnumerable<string> arguments)
    {
        var info = new ProcessStartInfo(fileName)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        var process = new Process { StartInfo = info };
        var started = new ExternalProcess(process);
        process.OutputDataReceived += (_, e) => started.Append(e.Data);
        process.ErrorDataReceived += (_, e) => started.Append(e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return started;
    }

    public int Id => _process.Id;

    /// <summary>
    /// Makes sure the server stops even when the test host dies without running its exit handlers (killed
    /// by the runner, a crash): a detached watchdog waits for the host to end, then stops the server.
    /// </summary>
    public ExternalProcess StopWhenTestHostExits() => StopWhenProcessExits(Environment.ProcessId);

    /// <summary>
    /// Starts a detached watchdog (its own session, so the host's death does not take it along) that waits
    /// for <paramref name="hostProcessId"/> to end and then sends SIGINT, and SIGKILL ten seconds later, to
    /// this server. It signals only while the pid still runs the same executable, so a pid recycled after a
    /// normal stop is never touched.
    /// </summary>
    public ExternalProcess StopWhenProcessExits(int hostProcessId)
    {
        var pid = _process.Id;
        var script = "exec </dev/null >/dev/null 2>&1; "
            + $"exe=$(readlink /proc/{pid}/exe); [ -n \"$exe\" ] || exit 0; "
            + $"same() {{ [ \"$(readlink /proc/{pid}/exe)\" = \"$exe\" ]; }}; "
            + $"while kill -0 {hostProcessId} 2>/dev/null; do sleep 1; done; "
            + $"same && kill -INT {pid}; i=0; while [ $i -lt 10 ] && same; do sleep 1; i=$((i+1)); done; "
            + $"same && kill -KILL {pid}; exit 0";
        using var watchdog = Process.Start(new ProcessStartInfo("setsid", ["/bin/sh", "-c", script])
        {
            UseShellExecute = false,
            // Own pipes, so the watchdog never holds the test runner's output open after the host ends.
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        });
        return this;
    }

    /// <summary>Asks the server to shut down (SIGINT: a fast, clean stop for postgres and redis), then kills it.</summary>
    public void Dispose()
    {
        try
        {
            if (!_process.HasExited)
            {
                _ = Kill(_process.Id, SigInt);
                if (!_process.WaitForExit(TimeSpan.FromSeconds(10)))
                {
                    _process.Kill(entireProcessTree: true);
                }
            }
        }
        catch (InvalidOperationException)
        {
            // Already gone.
        }

        _process.Dispose();
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_output)
        {
            _output.AppendLine(line);
        }
    }

    [DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static extern int Kill(int pid, int signal);
}
