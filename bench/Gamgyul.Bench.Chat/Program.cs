using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Net.WebSockets;
using System.Text.Json;
using Gamgyul.Api;
using Gamgyul.Api.Accounts;
using Gamgyul.Bench.Chat;
using Gamgyul.Data;
using Gamgyul.Data.Entities;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

// Chat delivery: messages delivered per second and end-to-end latency (send -> message.new on each member's
// socket) for rooms of 2 and of 50 members, through Gamgyul's gateway (membership check, Redis Streams bus,
// broadcast subscription; the ChatWorker storing every message runs beside it when bench/chat.sh starts it) and
// through a bare in-process broadcaster, under the same closed-loop load in the same run.
var settings = ParseArguments(args);
Console.WriteLine($"Gamgyul.Bench.Chat: {Environment.ProcessorCount} cores, .NET {Environment.Version}, " +
    $"{(typeof(BareBroadcaster).Assembly.GetCustomAttributes(typeof(DebuggableAttribute), false).OfType<DebuggableAttribute>().Any(d => d.IsJITOptimizerDisabled) ? "DEBUG build: numbers are meaningless" : "Release build")}, " +
    $"warm-up {settings.Warmup.TotalSeconds} s, measured {settings.Duration.TotalSeconds} s, window {settings.Window} per sender");

await using (var migrate = OpenDatabase(settings))
{
    await migrate.Database.MigrateAsync();
}

var scenarios = new[]
{
    new Scenario("rooms of 2", RoomSize: 2, Rooms: 20, SendersPerRoom: 2),
    new Scenario("rooms of 50", RoomSize: 50, Rooms: 2, SendersPerRoom: 5),
};

// The ChatWorker stores every message while the load runs, as in a deployment (the bare broadcaster stores nothing).
using var worker = settings.WorkerDll is { } dll ? StartWorker(dll, settings) : null;
Console.WriteLine(worker is null ? "no ChatWorker (pass --worker): messages are delivered but not stored" : "ChatWorker running beside the Api");
await using var gamgyul = new GamgyulServer(settings);
await gamgyul.StartAsync();
var results = new List<string>();
foreach (var scenario in scenarios)
{
    var bare = await RunBareAsync(scenario, settings);
    var ours = await RunGamgyulAsync(gamgyul, scenario, settings);
    Report(scenario, "bare broadcaster", bare);
    Report(scenario, "gamgyul gateway ", ours);
    results.Add($"{scenario.Name}: throughput ratio {ours.PerSecond / bare.PerSecond:F2} (goal >= 0.5), " +
        $"p99 ratio {ours.Percentile(99) / bare.Percentile(99):F2} (goal < 2)");
}

Console.WriteLine();
results.ForEach(Console.WriteLine);
if (worker is not null)
{
    await using var count = OpenDatabase(settings);
    Console.WriteLine($"messages stored by the ChatWorker so far: {await count.ChatMessages.CountAsync(m => m.Kind == ChatMessageKind.Text):N0}");
    worker.Kill(entireProcessTree: true);
}

return 0;

static GamgyulDbContext OpenDatabase(BenchSettings settings)
{
    var options = new DbContextOptionsBuilder<GamgyulDbContext>().UseNpgsql(settings.Database);
    options.UseGamgyulConventions();
    return new GamgyulDbContext(options.Options);
}

static Process StartWorker(string dll, BenchSettings settings)
{
    var start = new ProcessStartInfo("dotnet") { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
    start.ArgumentList.Add(dll);
    start.Environment["DOTNET_ENVIRONMENT"] = "Testing";
    start.Environment["ASPNETCORE_URLS"] = "http://127.0.0.1:0";
    start.Environment["ConnectionStrings__db"] = settings.Database;
    start.Environment["ConnectionStrings__cache"] = settings.Redis;
    start.Environment["Bus__Provider"] = "redis";
    start.Environment["Logging__LogLevel__Default"] = "Warning";
    var process = Process.Start(start)!;
    process.OutputDataReceived += (_, _) => { };
    process.ErrorDataReceived += (_, e) => { if (e.Data is not null) Console.Error.WriteLine($"[chatworker] {e.Data}"); };
    process.BeginOutputReadLine();
    process.BeginErrorReadLine();
    return process;
}

static void Report(Scenario scenario, string server, LoadResult result) =>
    Console.WriteLine($"{scenario.Name,-12} {server}: {result.PerSecond,10:N0} delivered/s  p50 {result.Percentile(50),7:F2} ms  " +
        $"p99 {result.Percentile(99),7:F2} ms  ({result.Delivered:N0} deliveries)");

static async Task<LoadResult> RunBareAsync(Scenario scenario, BenchSettings settings)
{
    await using var server = new BareBroadcaster(FreePort());
    await server.StartAsync();
    var rooms = Enumerable.Range(0, scenario.Rooms).Select(_ => Guid.NewGuid()).ToArray();
    var sockets = new List<ClientWebSocket>();
    var senders = new List<(int, Guid)>();
    foreach (var room in rooms)
    {
        for (var member = 0; member < scenario.RoomSize; member++)
        {
            var socket = new ClientWebSocket();
            await socket.ConnectAsync(new Uri($"{server.Uri}?rooms={room}"), CancellationToken.None);
            if (member < scenario.SendersPerRoom)
            {
                senders.Add((sockets.Count, room));
            }

            sockets.Add(socket);
        }
    }

    return await LoadRun.RunAsync(sockets, senders, settings.Window, settings.Warmup, settings.Duration);
}

static async Task<LoadResult> RunGamgyulAsync(GamgyulServer server, Scenario scenario, BenchSettings settings)
{
    var sockets = new List<ClientWebSocket>();
    var senders = new List<(int, Guid)>();
    for (var r = 0; r < scenario.Rooms; r++)
    {
        var members = new List<(string Handle, string Token)>();
        for (var m = 0; m < scenario.RoomSize; m++)
        {
            members.Add(await server.CreateUserAsync());
        }

        var room = await server.CreateRoomAsync(members[0].Token, members.Skip(1).Select(m => m.Handle).ToArray(), scenario.RoomSize > 2);
        for (var m = 0; m < members.Count; m++)
        {
            var socket = new ClientWebSocket();
            socket.Options.SetRequestHeader("Authorization", $"Bearer {members[m].Token}");
            await socket.ConnectAsync(server.SocketUri, CancellationToken.None);
            if (m < scenario.SendersPerRoom)
            {
                senders.Add((sockets.Count, room));
            }

            sockets.Add(socket);
        }
    }

    return await LoadRun.RunAsync(sockets, senders, settings.Window, settings.Warmup, settings.Duration);
}

static int FreePort()
{
    using var listener = new TcpListener(IPAddress.Loopback, 0);
    listener.Start();
    return ((IPEndPoint)listener.LocalEndpoint).Port;
}

static BenchSettings ParseArguments(string[] args)
{
    string? Value(string name) => args.SkipWhile(a => a != name).Skip(1).FirstOrDefault();
    return new BenchSettings(
        Value("--db") ?? throw new ArgumentException("--db <Postgres connection string> is required (bench/chat.sh passes it)"),
        Value("--redis") ?? throw new ArgumentException("--redis <host:port> is required"),
        TimeSpan.FromSeconds(double.Parse(Value("--warmup") ?? "3")),
        TimeSpan.FromSeconds(double.Parse(Value("--seconds") ?? "10")),
        int.Parse(Value("--window") ?? "4"),
        Value("--worker"));
}

internal sealed record Scenario(string Name, int RoomSize, int Rooms, int SendersPerRoom);

internal sealed record BenchSettings(string Database, string Redis, TimeSpan Warmup, TimeSpan Duration, int Window, string? WorkerDll);

/// <summary>The real Api (every feature, as deployed) on a Kestrel port, against the bench's Postgres and Redis.</summary>
internal sealed class GamgyulServer(BenchSettings settings) : WebApplicationFactory<ApiEntryPoint>
{
    private readonly int _port = FreePortNumber();

    public Uri SocketUri => new($"ws://127.0.0.1:{_port}/chats/ws/");

    public Task StartAsync()
    {
        UseKestrel(_port);
        StartServer();
        return Task.CompletedTask;
    }

    public async Task<(string Handle, string Token)> CreateUserAsync()
    {
        using var scope = Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<User>>();
        var handle = $"b{Guid.NewGuid():N}"[..20];
        var now = DateTimeOffset.UtcNow;
        var user = new User { UserName = handle, Email = $"{handle}@bench.test", DisplayName = handle, CreatedAt = now, UpdatedAt = now };
        var created = await users.CreateAsync(user);
        if (!created.Succeeded)
        {
            throw new InvalidOperationException(string.Join("; ", created.Errors.Select(e => e.Description)));
        }

        return (handle, scope.ServiceProvider.GetRequiredService<AccessTokenIssuer>().Issue(user, []));
    }

    public async Task<Guid> CreateRoomAsync(string token, string[] handles, bool group)
    {
        using var client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{_port}") };
        client.DefaultRequestHeaders.Authorization = new("Bearer", token);
        var response = await client.PostAsJsonAsync("/chats/rooms/", new { handles, name = group ? "bench" : null });
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("uuid").GetGuid();
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("ConnectionStrings:db", settings.Database);
        builder.UseSetting("ConnectionStrings:cache", settings.Redis);
        builder.UseSetting("Jwt:SigningKey", "bench-signing-key-0123456789-abcdefghijklmnopqrstuvwxyz");
        builder.UseSetting("Chat:MessagesPerSecond", "1000000");
        builder.UseSetting("Chat:MessageBurst", "1000000");
        builder.UseSetting("Chat:SendQueueLimit", "100000");
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
    }

    private static int FreePortNumber()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
