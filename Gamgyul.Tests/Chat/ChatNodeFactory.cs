using Gamgyul.Tests.Infrastructure;

namespace Gamgyul.Tests.Chat;

/// <summary>
/// One Api instance on a real Kestrel port (real WebSockets). Given a <paramref name="primary"/>, it shares that
/// instance's Postgres database and Redis database: two nodes of one deployment.
/// </summary>
public sealed class ChatNodeFactory(ChatNodeFactory? primary = null) : ApiFactory
{
    public int Port { get; } = FreePort.Next();

    public Uri HttpBase => new($"http://127.0.0.1:{Port}");

    public Uri SocketUri(string path = "/chats/ws/") => new($"ws://127.0.0.1:{Port}{path}");

    public string SharedDatabase => primary?.DatabaseConnectionString ?? DatabaseConnectionString;

    public string SharedRedis => primary?.RedisConnectionString ?? RedisConnectionString;

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        UseKestrel(Port);
        StartServer();
    }

    protected override void ConfigureWebHost(Microsoft.AspNetCore.Hosting.IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("ConnectionStrings:db", SharedDatabase);
        builder.UseSetting("ConnectionStrings:cache", SharedRedis);
    }
}
