using System.Diagnostics;
using System.Globalization;
using System.Net.Sockets;

namespace Gamgyul.Tests.Infrastructure;

/// <summary>
/// A throw-away s3rver (an S3 protocol server from npm, installed into tools/s3rver by scripts/prereqs.sh)
/// on a free loopback port, shared by the test run. It speaks S3's REST and browser-POST protocols but
/// checks neither signatures nor POST policies: policy documents are unit-tested separately.
/// </summary>
internal sealed class S3rverServer : IDisposable
{
    public const string Bucket = "gamgyul-test";
    public const string Credential = "S3RVER";
    private static readonly Lazy<Task<S3rverServer>> Shared = new(StartAsync);
    private readonly ExternalProcess _process;

    private S3rverServer(string serviceUrl, ExternalProcess process)
    {
        ServiceUrl = serviceUrl;
        _process = process;
    }

    public string ServiceUrl { get; }

    public static Task<S3rverServer> GetAsync() => Shared.Value;

    public void Dispose() => _process.Dispose();

    private static async Task<S3rverServer> StartAsync()
    {
        var node = SystemBinaries.FindOnPath("node")
            ?? throw new InvalidOperationException("node was not found on PATH. Run scripts/prereqs.sh (or: apt-get install nodejs npm).");
        var script = Path.Combine(RepositoryRoot(), "tools", "s3rver", "node_modules", "s3rver", "bin", "s3rver.js");
        if (!File.Exists(script))
        {
            throw new InvalidOperationException($"{script} is missing. Run scripts/prereqs.sh (it runs npm ci in tools/s3rver).");
        }

        var runDirectory = Environment.GetEnvironmentVariable("GAMGYUL_TEST_RUN_DIR") is { Length: > 0 } configured
            ? configured
            : Path.Combine(Path.GetTempPath(), $"gamgyul-tests-{Environment.ProcessId}");
        var directory = Path.Combine(runDirectory, $"s3rver-{Guid.NewGuid():N}");
        Directory.CreateDirectory(Path.Combine(directory, "data"));
        var port = FreePort.Next();
        var process = ExternalProcess.Start(node,
        [
            script, "-d", Path.Combine(directory, "data"), "-a", "127.0.0.1", "-p", port.ToString(CultureInfo.InvariantCulture),
            "--silent", "--configure-bucket", Bucket,
        ]).StopWhenTestHostExits();
        // scripts/test.sh stops whatever a crashed test host left behind by this file.
        await File.WriteAllTextAsync(Path.Combine(directory, "s3rver.pid"), process.Id.ToString(CultureInfo.InvariantCulture));
        AppDomain.CurrentDomain.ProcessExit += (_, _) => process.Dispose();

        var stopwatch = Stopwatch.StartNew();
        while (true)
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"s3rver exited during start-up:\n{process.Output}");
            }

            try
            {
                using var client = new TcpClient();
                await client.ConnectAsync("127.0.0.1", port);
                return new S3rverServer($"http://127.0.0.1:{port}", process);
            }
            catch (SocketException) when (stopwatch.Elapsed < TimeSpan.FromSeconds(60))
            {
                await Task.Delay(100);
            }
        }
    }

    private static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Gamgyul.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("The repository root (with Gamgyul.sln) was not found above the test binaries.");
    }
}
