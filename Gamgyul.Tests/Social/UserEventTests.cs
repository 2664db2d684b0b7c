using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Gamgyul.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Gamgyul.Tests.Social;

/// <summary>Profile changes are content changes too: the search indexer learns of them through the outbox.</summary>
public class UserEventTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    [Fact]
    public async Task Profile_changes_write_a_user_updated_event_and_refused_changes_write_none()
    {
        var user = await factory.CreateUserAsync();
        var other = await factory.CreateUserAsync();
        var url = $"/accounts/users/{user.Handle}/";

        await (await user.Client.PatchAsJsonAsync(url, new { username = "귤 농부", profile = new { bio = "제주 감귤" } })).ExpectAsync(HttpStatusCode.OK);
        await (await user.Client.PutAsJsonAsync(url, new { handle = user.Handle, username = "귤 농부 2", profile = new { } })).ExpectAsync(HttpStatusCode.OK);
        // Refused: someone else's handle, and someone else's account.
        Assert.Contains("handle", await (await user.Client.PatchAsJsonAsync(url, new { handle = other.Handle })).ValidationErrorFieldsAsync());
        Assert.Equal(HttpStatusCode.Forbidden, (await other.Client.PatchAsJsonAsync(url, new { username = "hijack" })).StatusCode);

        await using var db = factory.CreateDbContext();
        var events = await db.Outbox.Where(m => m.Key == user.Id.ToString() && m.Type == "user.updated")
            .OrderBy(m => m.OccurredAt).Select(m => m.Payload).ToListAsync();
        Assert.Equal(2, events.Count);
        var first = JsonDocument.Parse(events[0]).RootElement;
        Assert.Equal(user.Id, first.GetProperty("user_id").GetGuid());
        Assert.Equal("귤 농부", first.GetProperty("username").GetString());
        Assert.Equal("제주 감귤", first.GetProperty("bio").GetString());
        var second = JsonDocument.Parse(events[1]).RootElement;
        Assert.Equal("귤 농부 2", second.GetProperty("username").GetString());
        Assert.Equal(user.Handle, second.GetProperty("handle").GetString());
        Assert.Equal("", second.GetProperty("bio").GetString());
        Assert.False(await db.Outbox.AnyAsync(m => m.Key == other.Id.ToString() && m.Type == "user.updated"));
    }
}
