namespace Gamgyul.Tests.Chat;

/// <summary>
/// A whole chat deployment: two Api instances (real Kestrel ports) sharing one Postgres database and one Redis
/// (the Redis Streams bus), and the real ChatWorker as a child process. Both instances keep media in one folder of
/// their own (file-system storage, shared signing key), like two nodes sharing a bucket.
/// </summary>
public sealed class ChatSystem : IAsyncLifetime
{
    /// <summary>Short keep-alive so the ping test is quick; the other settings are the defaults.</summary>
    private static readonly (string Key, string Value)[] NodeSettings =
    [
        ("Chat:KeepAliveInterval", "00:00:01"),
        ("Chat:KeepAliveTimeout", "00:00:05"),
        ("Chat:MaxTextLength", "2000"),
        ("Chat:MaxFrameBytes", "16384"),
        ("Chat:MessagesPerSecond", "20"),
        ("Chat:MessageBurst", "40"),
        ("Chat:AllowedOrigins:0", "https://app.gamgyul.test"),
        // Unreferenced media are swept one second after their last attach (the sweep itself is run by the test).
        ("Media:AbandonedAfter", "00:00:01"),
    ];

    public string StorageRoot { get; } = Path.Combine(Path.GetTempPath(), $"gamgyul-chat-media-{Guid.NewGuid():N}");

    public ChatNodeFactory NodeA { get; }

    public ChatNodeFactory NodeB { get; private set; } = null!;

    internal ChatWorkerProcess Worker { get; private set; } = null!;

    public ChatSystem() => NodeA = Configure(new ChatNodeFactory());

    public async Task InitializeAsync()
    {
        await NodeA.InitializeAsync();
        NodeB = Configure(new ChatNodeFactory(NodeA));
        await NodeB.InitializeAsync();
        Worker = await ChatWorkerProcess.StartAsync(NodeA.DatabaseConnectionString, NodeA.RedisConnectionString);
    }

    public async Task DisposeAsync()
    {
        Worker?.Dispose();
        await NodeB.DisposeAsync();
        await NodeA.DisposeAsync();
        if (Directory.Exists(StorageRoot))
        {
            Directory.Delete(StorageRoot, recursive: true);
        }
    }

    private ChatNodeFactory Configure(ChatNodeFactory node)
    {
        foreach (var (key, value) in NodeSettings)
        {
            node.WithSetting(key, value);
        }

        node.WithSetting("Storage:Provider", "filesystem");
        node.WithSetting("Storage:FileSystem:Root", StorageRoot);
        return node;
    }
}
