using System.Net;
using System.Net.Http.Json;
using Gamgyul.Tests.Chat;
using Gamgyul.Tests.Search.Indexing;
using StackExchange.Redis;

namespace Gamgyul.Tests.Accounts;

/// <summary>
/// Each Api node keeps checked security stamps in memory (no Redis round trip per request) and drops them when
/// any node announces a change. Two real nodes on Kestrel share one Postgres database and one Redis database;
/// the memory is set to ten minutes, so only the announcement can make a node refuse a revoked token in time.
/// </summary>
public sealed class SecurityStampMemoryTests : IAsyncLifetime
{
    private const string NewPassword = "Tangerine-Grove-2026";
    private readonly ChatNodeFactory _nodeA = Remembering(new ChatNodeFactory());
    private ChatNodeFactory _nodeB = null!;

    public async Task InitializeAsync()
    {
        await _nodeA.InitializeAsync();
        _nodeB = Remembering(new ChatNodeFactory(_nodeA));
        await _nodeB.InitializeAsync();
    }

    public async Task DisposeAsync()
    {
        await _nodeB.DisposeAsync();
        await _nodeA.DisposeAsync();
    }

    [Fact]
    public async Task A_checked_stamp_is_answered_from_memory_not_from_redis()
    {
        var session = await Client(_nodeA).SignUpAsync();
        Assert.Equal(HttpStatusCode.OK, (await Client(_nodeB).WithBearer(session.Access).GetAsync("/accounts/me")).StatusCode);

        // Spoil the shared Redis entry behind the node's back: a node that asked Redis would now refuse the token.
        var user = await _nodeA.FindUserByEmailAsync(session.Email);
        await using var redis = await ConnectionMultiplexer.ConnectAsync(_nodeA.RedisConnectionString);
        var key = $"accounts:sstamp:{user.Id:N}";
        Assert.True(await redis.GetDatabase().KeyExistsAsync(key));
        await redis.GetDatabase().StringSetAsync(key, "spoiled", TimeSpan.FromMinutes(5));

        Assert.Equal(HttpStatusCode.OK, (await Client(_nodeB).WithBearer(session.Access).GetAsync("/accounts/me")).StatusCode);
        // Node A never checked this token, so it asks Redis and refuses: the spoiled entry is what a node without memory sees.
        await (await Client(_nodeA).WithBearer(session.Access).GetAsync("/accounts/me")).AssertProblemAsync(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task A_password_changed_on_one_node_revokes_the_old_token_on_the_other_at_once()
    {
        var session = await Client(_nodeA).SignUpAsync();
        var onB = Client(_nodeB).WithBearer(session.Access);
        Assert.Equal(HttpStatusCode.OK, (await onB.GetAsync("/accounts/me")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await onB.GetAsync("/accounts/me")).StatusCode);

        var changed = await Client(_nodeA).WithBearer(session.Access).PostAsJsonAsync("/accounts/password/change/",
            new { old_password = AccountsApi.Password, new_password1 = NewPassword, new_password2 = NewPassword });
        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);

        // The announcement travels over Redis pub/sub: allow it a moment, far less than the ten minutes of memory.
        await Eventually.HoldsAsync(async () =>
            (await Client(_nodeB).WithBearer(session.Access).GetAsync("/accounts/me")).StatusCode == HttpStatusCode.Unauthorized,
            "node B refuses the revoked token", TimeSpan.FromSeconds(30));
        var renewed = (await changed.JsonAsync()).GetProperty("access").GetString()!;
        Assert.Equal(HttpStatusCode.OK, (await Client(_nodeB).WithBearer(renewed).GetAsync("/accounts/me")).StatusCode);
    }

    private static HttpClient Client(ChatNodeFactory node) => new() { BaseAddress = node.HttpBase };

    private static ChatNodeFactory Remembering(ChatNodeFactory node)
    {
        node.WithSetting("Accounts:SecurityStampMemorySeconds", "600");
        return node;
    }
}
