using System.Net;
using System.Net.Http.Json;
using Gamgyul.Tests.Infrastructure;
using Gamgyul.Tests.Social;
using Microsoft.EntityFrameworkCore;

namespace Gamgyul.Tests.Chat;

public class ChatRoomTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    [Fact]
    public async Task A_direct_room_is_unique_per_pair_and_reused_from_either_side()
    {
        var a = await factory.CreateUserAsync();
        var b = await factory.CreateUserAsync();

        var created = await a.OpenRoomAsync([b.Handle]);
        var again = await a.OpenRoomAsync([b.Handle.ToUpperInvariant()], expected: HttpStatusCode.OK);
        var fromB = await b.OpenRoomAsync([a.Handle], expected: HttpStatusCode.OK);

        Assert.Equal(created.Uuid(), again.Uuid());
        Assert.Equal(created.Uuid(), fromB.Uuid());
        Assert.Equal("direct", created.GetProperty("kind").GetString());
        Assert.Equal(System.Text.Json.JsonValueKind.Null, created.GetProperty("owner").ValueKind);
        Assert.Equal(new[] { a.Handle, b.Handle }.Order(), created.MemberHandles());
        await using var db = factory.CreateDbContext();
        Assert.Equal(1, await db.ChatRooms.CountAsync(r => r.Members.Any(m => m.UserId == a.Id) && r.Members.Any(m => m.UserId == b.Id)));
    }

    [Fact]
    public async Task Bad_requests_are_refused_and_create_nothing()
    {
        var a = await factory.CreateUserAsync();
        var b = await factory.CreateUserAsync();

        Assert.Contains("handles", await (await a.Client.PostAsJsonAsync("/chats/rooms/", new { handles = new[] { "no_such_user_x" } })).ValidationErrorFieldsAsync());
        Assert.Contains("handles", await (await a.Client.PostAsJsonAsync("/chats/rooms/", new { handles = new[] { a.Handle } })).ValidationErrorFieldsAsync());
        Assert.Contains("handles", await (await a.Client.PostAsJsonAsync("/chats/rooms/", new { name = "x" })).ValidationErrorFieldsAsync());
        Assert.Contains("handles", await (await a.Client.PostAsJsonAsync("/chats/rooms/", new { handles = new[] { b.Handle, b.Handle } })).ValidationErrorFieldsAsync());
        Assert.Equal(HttpStatusCode.Unauthorized, (await factory.CreateClient().GetAsync("/chats/rooms/")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await a.Client.GetAsync($"/chats/rooms/{Guid.NewGuid()}/")).StatusCode);

        await using var db = factory.CreateDbContext();
        Assert.False(await db.ChatMembers.AnyAsync(m => m.UserId == a.Id));
    }

    [Fact]
    public async Task A_group_has_an_owner_and_a_name_and_only_the_owner_changes_it()
    {
        var owner = await factory.CreateUserAsync();
        var b = await factory.CreateUserAsync();
        var c = await factory.CreateUserAsync();
        var outsider = await factory.CreateUserAsync();

        var room = await owner.OpenRoomAsync([b.Handle], name: "귤 농장");
        var id = room.Uuid();
        Assert.Equal(("group", "귤 농장", owner.Handle), (room.GetProperty("kind").GetString(), room.GetProperty("name").GetString(), room.GetProperty("owner").GetString()));

        Assert.Equal(HttpStatusCode.Forbidden, (await b.Client.PatchAsJsonAsync($"/chats/rooms/{id}/", new { name = "mine" })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await outsider.Client.PatchAsJsonAsync($"/chats/rooms/{id}/", new { name = "mine" })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await outsider.Client.GetAsync($"/chats/rooms/{id}/")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await b.Client.DeleteAsync($"/chats/rooms/{id}/")).StatusCode);
        Assert.Contains("remove", await (await owner.Client.PatchAsJsonAsync($"/chats/rooms/{id}/", new { remove = new[] { outsider.Handle } })).ValidationErrorFieldsAsync());

        var renamed = await (await owner.Client.PatchAsJsonAsync($"/chats/rooms/{id}/", new { name = "감귤 모임", add = new[] { c.Handle } })).ReadJsonAsync();
        Assert.Equal("감귤 모임", renamed.GetProperty("name").GetString());
        Assert.Equal(new[] { owner.Handle, b.Handle, c.Handle }.Order(), renamed.MemberHandles());

        var replaced = await (await owner.Client.PatchAsJsonAsync($"/chats/rooms/{id}/", new { handles = new[] { c.Handle } })).ReadJsonAsync();
        Assert.Equal(new[] { owner.Handle, c.Handle }.Order(), replaced.MemberHandles());
        Assert.Equal(HttpStatusCode.NotFound, (await b.Client.GetAsync($"/chats/rooms/{id}/")).StatusCode);

        var history = await c.HistoryAsync(id);
        Assert.Equal([$"{b.Handle}님이 나갔습니다.", $"{c.Handle}님이 들어왔습니다.", "방 이름이 '감귤 모임'(으)로 바뀌었습니다."], history.Texts()[..3]);
        Assert.All(history, m => Assert.Equal("system", m.GetProperty("kind").GetString()));

        await (await owner.Client.DeleteAsync($"/chats/rooms/{id}/")).ExpectAsync(HttpStatusCode.NoContent);
        Assert.Equal(HttpStatusCode.NotFound, (await c.Client.GetAsync($"/chats/rooms/{id}/")).StatusCode);
    }

    [Fact]
    public async Task Leaving_passes_ownership_on_announces_it_and_keeps_the_leavers_messages()
    {
        var owner = await factory.CreateUserAsync();
        var b = await factory.CreateUserAsync();
        var c = await factory.CreateUserAsync();
        var id = (await owner.OpenRoomAsync([b.Handle, c.Handle], name: "g")).Uuid();
        await factory.StoreMessageAsync(id, owner.Id, "owner speaks");

        await (await owner.Client.DeleteAsync($"/chats/members/{id}/")).ExpectAsync(HttpStatusCode.NoContent);

        var room = await b.RoomAsync(id);
        Assert.Equal(b.Handle, room.GetProperty("owner").GetString());
        Assert.Equal(new[] { b.Handle, c.Handle }.Order(), room.MemberHandles());
        var history = await c.HistoryAsync(id);
        Assert.Equal([$"{owner.Handle}님이 나갔습니다.", "owner speaks"], history.Texts()[..2]);
        Assert.Equal(owner.Handle, history[1].GetProperty("sender").GetProperty("handle").GetString());
        Assert.Equal(HttpStatusCode.NotFound, (await owner.Client.GetAsync($"/chats/messages/{id}/messages/")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await owner.Client.DeleteAsync($"/chats/members/{id}/")).StatusCode);
        await (await b.Client.PatchAsJsonAsync($"/chats/rooms/{id}/", new { name = "b's now" })).ExpectAsync(HttpStatusCode.OK);
    }

    [Fact]
    public async Task History_is_for_members_only_newest_first_with_cursors_and_catch_up_after_a_message()
    {
        var a = await factory.CreateUserAsync();
        var b = await factory.CreateUserAsync();
        var outsider = await factory.CreateUserAsync();
        var id = (await a.OpenRoomAsync([b.Handle])).Uuid();
        var ids = new List<Guid>();
        for (var i = 0; i < 7; i++)
        {
            ids.Add(await factory.StoreMessageAsync(id, i % 2 == 0 ? a.Id : b.Id, $"m{i}"));
        }

        Assert.Equal(HttpStatusCode.NotFound, (await outsider.Client.GetAsync($"/chats/messages/{id}/messages/")).StatusCode);

        var first = await a.Client.GetJsonAsync($"/chats/messages/{id}/messages/?page_size=3");
        Assert.Equal(["m6", "m5", "m4"], first.Results().Texts());
        var second = await a.Client.GetJsonAsync(first.NextLink()!);
        Assert.Equal(["m3", "m2", "m1"], second.Results().Texts());
        var third = await a.Client.GetJsonAsync(second.NextLink()!);
        Assert.Equal(["m0"], third.Results().Texts());
        Assert.Null(third.NextLink());

        var caughtUp = await a.Client.GetJsonAsync($"/chats/messages/{id}/messages/?after={ids[2]}&page_size=2");
        Assert.Equal(["m3", "m4"], caughtUp.Results().Texts());
        Assert.Equal(["m5", "m6"], (await a.Client.GetJsonAsync(caughtUp.NextLink()!)).Results().Texts());
        Assert.Contains("after", await (await a.Client.GetAsync($"/chats/messages/{id}/messages/?after={Guid.NewGuid()}")).ValidationErrorFieldsAsync());
        Assert.Contains("cursor", await (await a.Client.GetAsync($"/chats/messages/{id}/messages/?cursor=garbage")).ValidationErrorFieldsAsync());
    }

    [Fact]
    public async Task Unread_counts_follow_the_read_pointer_which_only_moves_forward()
    {
        var a = await factory.CreateUserAsync();
        var b = await factory.CreateUserAsync();
        var outsider = await factory.CreateUserAsync();
        var id = (await a.OpenRoomAsync([b.Handle])).Uuid();
        var first = await factory.StoreMessageAsync(id, a.Id, "one");
        await factory.StoreMessageAsync(id, a.Id, "two");
        var third = await factory.StoreMessageAsync(id, a.Id, "three");

        Assert.Equal(3, (await b.RoomAsync(id)).GetProperty("unread_count").GetInt32());
        Assert.Equal(0, (await a.RoomAsync(id)).GetProperty("unread_count").GetInt32());

        var read = await (await b.Client.PostAsJsonAsync($"/chats/rooms/{id}/read/", new { message_id = first })).ReadJsonAsync();
        Assert.Equal(2, read.GetProperty("unread_count").GetInt32());
        await (await b.Client.PostAsJsonAsync($"/chats/rooms/{id}/read/", new { message_id = third })).ExpectAsync(HttpStatusCode.OK);
        Assert.Equal(0, (await b.RoomAsync(id)).GetProperty("unread_count").GetInt32());
        var back = await (await b.Client.PostAsJsonAsync($"/chats/rooms/{id}/read/", new { message_id = first })).ReadJsonAsync();
        Assert.Equal((0, third), (back.GetProperty("unread_count").GetInt32(), back.GetProperty("last_read_message_id").GetGuid()));

        await factory.StoreMessageAsync(id, a.Id, "four");
        await factory.StoreMessageAsync(id, b.Id, "mine do not count");
        var listed = (await b.Client.GetJsonAsync("/chats/rooms/")).Results().Single(r => r.Uuid() == id);
        Assert.Equal(1, listed.GetProperty("unread_count").GetInt32());
        Assert.Equal("mine do not count", listed.GetProperty("last_message").GetProperty("text").GetString());
        Assert.Equal("mine do not count", listed.GetProperty("first_message").GetString());

        Assert.Equal(HttpStatusCode.NotFound, (await outsider.Client.PostAsJsonAsync($"/chats/rooms/{id}/read/", new { message_id = third })).StatusCode);
        Assert.Contains("message_id", await (await b.Client.PostAsJsonAsync($"/chats/rooms/{id}/read/", new { message_id = Guid.NewGuid() })).ValidationErrorFieldsAsync());
        Assert.Contains("message_id", await (await b.Client.PostAsJsonAsync($"/chats/rooms/{id}/read/", new { })).ValidationErrorFieldsAsync());
    }

    [Fact]
    public async Task Rooms_are_listed_by_most_recent_activity()
    {
        var me = await factory.CreateUserAsync();
        var b = await factory.CreateUserAsync();
        var c = await factory.CreateUserAsync();
        var withB = (await me.OpenRoomAsync([b.Handle])).Uuid();
        var withC = (await me.OpenRoomAsync([c.Handle])).Uuid();
        Assert.Equal([withC, withB], (await me.Client.GetJsonAsync("/chats/rooms/")).Results().Select(r => r.Uuid()));

        await factory.StoreMessageAsync(withB, b.Id, "hello");

        var page = await me.Client.GetJsonAsync("/chats/rooms/?page_size=1");
        Assert.Equal([withB], page.Results().Select(r => r.Uuid()));
        Assert.Equal([withC], (await me.Client.GetJsonAsync(page.NextLink()!)).Results().Select(r => r.Uuid()));
    }

    [Fact]
    public async Task Who_may_start_a_chat_is_each_users_choice_and_blocks_work_both_ways()
    {
        var me = await factory.CreateUserAsync();
        var closed = await factory.CreateUserAsync();
        var picky = await factory.CreateUserAsync();
        var blocker = await factory.CreateUserAsync();

        await (await closed.Client.PutAsJsonAsync("/chats/settings/", new { who_can_message = "nobody" })).ExpectAsync(HttpStatusCode.OK);
        await (await picky.Client.PutAsJsonAsync("/chats/settings/", new { who_can_message = "followers" })).ExpectAsync(HttpStatusCode.OK);
        Assert.Equal("followers", (await picky.Client.GetJsonAsync("/chats/settings/")).GetProperty("who_can_message").GetString());
        Assert.Contains("who_can_message", await (await picky.Client.PutAsJsonAsync("/chats/settings/", new { })).ValidationErrorFieldsAsync());

        Assert.Equal(HttpStatusCode.Forbidden, (await me.Client.PostAsJsonAsync("/chats/rooms/", new { handles = new[] { closed.Handle } })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await me.Client.PostAsJsonAsync("/chats/rooms/", new { handles = new[] { picky.Handle }, name = "g" })).StatusCode);
        await (await me.Client.PostAsJsonAsync("/follows/", new { handle = picky.Handle })).ExpectAsync(HttpStatusCode.Created);
        await me.OpenRoomAsync([picky.Handle]);

        await (await blocker.Client.PutAsync($"/chats/blocks/{me.Handle}/", null)).ExpectAsync(HttpStatusCode.NoContent);
        Assert.Equal([me.Handle], (await blocker.Client.GetJsonAsync("/chats/blocks/")).EnumerateArray().Select(x => x.GetProperty("user").GetProperty("handle").GetString()));
        Assert.Equal(HttpStatusCode.Forbidden, (await me.Client.PostAsJsonAsync("/chats/rooms/", new { handles = new[] { blocker.Handle } })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await blocker.Client.PostAsJsonAsync("/chats/rooms/", new { handles = new[] { me.Handle } })).StatusCode);
        var group = (await me.OpenRoomAsync([picky.Handle], name: "g2")).Uuid();
        Assert.Equal(HttpStatusCode.Forbidden, (await me.Client.PatchAsJsonAsync($"/chats/rooms/{group}/", new { add = new[] { blocker.Handle } })).StatusCode);

        await (await blocker.Client.DeleteAsync($"/chats/blocks/{me.Handle}/")).ExpectAsync(HttpStatusCode.NoContent);
        await me.OpenRoomAsync([blocker.Handle]);
        Assert.Equal(HttpStatusCode.NotFound, (await blocker.Client.DeleteAsync($"/chats/blocks/{me.Handle}/")).StatusCode);
    }
}
