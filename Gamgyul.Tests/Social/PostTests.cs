using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Gamgyul.Api.Accounts;
using Gamgyul.Data.Entities;
using Gamgyul.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Gamgyul.Tests.Social;

public class PostTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    [Fact]
    public async Task Create_parses_hashtags_and_normalises_tags_with_hangul()
    {
        var author = await factory.CreateUserAsync();
        // "감귤" in decomposed jamo (NFD) must become the same tag as the composed form.
        var decomposed = "감귤".Normalize(NormalizationForm.FormD);

        var post = await author.CreatePostAsync($"제주 #{decomposed} 최고 #Tangerine, #감귤 a#notatag",
            tags: [" JEJU ", "#제주", "jeju", "제주 도"], images: ["https://cdn.example.com/a.jpg"], category: "daily");

        Assert.Equal(["jeju", "제주", "제주도", "감귤", "tangerine"], post.GetProperty("tags").Strings());
        Assert.Equal(["https://cdn.example.com/a.jpg"], post.GetProperty("images").Strings());
        Assert.Equal("daily", post.GetProperty("category").GetString());
        Assert.Equal("published", post.GetProperty("status").GetString());
        Assert.Equal(author.Handle, post.GetProperty("user").GetProperty("handle").GetString());
        Assert.False(post.GetProperty("is_liked").GetBoolean());
        Assert.Equal(0, post.GetProperty("comments").GetArrayLength());
    }

    [Fact]
    public async Task Create_requires_a_signed_in_user()
    {
        var response = await factory.CreateClient().PostAsJsonAsync("/posts/p/", new { text = "hello" });

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Theory]
    [InlineData("""{"text": ""}""", "text")]
    [InlineData("""{"text": "   "}""", "text")]
    [InlineData("""{"tags": ["a"]}""", "text")]
    [InlineData("""{"text": "x", "tags": ["a","b","c","d","e","f","g","h","i","j","k"]}""", "tags")]
    [InlineData("""{"text": "#a #b #c #d #e #f", "tags": ["g","h","i","j","k"]}""", "tags")]
    [InlineData("""{"text": "x", "tags": ["no-dash"]}""", "tags[0]")]
    [InlineData("""{"text": "x", "images": ["javascript:alert(1)"]}""", "images[0]")]
    [InlineData("""{"text": "x", "images": ["http://127.0.0.1/a.png"]}""", "images[0]")]
    [InlineData("""{"text": "x", "category": "012345678901234567890123456789012345678901234567890"}""", "category")]
    public async Task Create_refuses_bad_input_with_field_errors(string body, string field)
    {
        var author = await factory.CreateUserAsync();

        var response = await author.Client.PostAsync("/posts/p/", new StringContent(body, Encoding.UTF8, "application/json"));

        Assert.Contains(field, await response.ValidationErrorFieldsAsync());
    }

    [Fact]
    public async Task Create_refuses_text_over_5000_characters()
    {
        var author = await factory.CreateUserAsync();

        var response = await author.Client.PostAsJsonAsync("/posts/p/", new { text = new string('귤', 5001) });

        Assert.Contains("text", await response.ValidationErrorFieldsAsync());
    }

    [Fact]
    public async Task Detail_answers_anonymous_callers_with_the_full_shape()
    {
        var author = await factory.CreateUserAsync();
        var created = await author.CreatePostAsync("anonymous may read #open");

        var post = await factory.CreateClient().GetJsonAsync($"/posts/p/{created.Uuid()}/");

        Assert.Equal(created.Uuid(), post.Uuid());
        Assert.False(post.GetProperty("is_liked").GetBoolean());
        var user = post.GetProperty("user");
        Assert.Equal(author.Handle, user.GetProperty("handle").GetString());
        Assert.True(user.GetProperty("profile").TryGetProperty("link_1", out _));
        Assert.False(user.TryGetProperty("email", out _));
        foreach (var key in new[] { "views_count", "likes_count", "comments_count", "created_at", "updated_at", "tags", "images", "comments" })
        {
            Assert.True(post.TryGetProperty(key, out _), key);
        }
    }

    [Fact]
    public async Task Unknown_and_malformed_ids_are_404_not_500()
    {
        var client = factory.CreateClient();

        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/posts/p/{Guid.NewGuid()}/")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/posts/p/not-a-uuid/")).StatusCode);
        var user = await factory.CreateUserAsync();
        Assert.Equal(HttpStatusCode.NotFound, (await user.Client.DeleteAsync($"/posts/p/{Guid.NewGuid()}/")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await user.Client.PatchAsJsonAsync("/posts/p/zzz/", new { text = "x" })).StatusCode);
    }

    [Fact]
    public async Task Only_the_author_or_an_admin_may_change_a_post()
    {
        var author = await factory.CreateUserAsync();
        var other = await factory.CreateUserAsync();
        var admin = await factory.CreateUserAsync(null, Roles.Admin);
        var post = await author.CreatePostAsync("original #first");
        var url = $"/posts/p/{post.Uuid()}/";

        Assert.Equal(HttpStatusCode.Unauthorized, (await factory.CreateClient().PatchAsJsonAsync(url, new { text = "x" })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await other.Client.PatchAsJsonAsync(url, new { text = "x" })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await other.Client.PutAsJsonAsync(url, new { text = "x" })).StatusCode);

        var patched = await (await author.Client.PatchAsJsonAsync(url, new { text = "edited #second" })).ReadJsonAsync();
        Assert.Equal("edited #second", patched.GetProperty("text").GetString());
        Assert.Equal(["second"], patched.GetProperty("tags").Strings());

        var byAdmin = await (await admin.Client.PutAsJsonAsync(url, new { text = "moderated", tags = new[] { "note" } })).ReadJsonAsync();
        Assert.Equal("moderated", byAdmin.GetProperty("text").GetString());
        Assert.Equal(author.Handle, byAdmin.GetProperty("user").GetProperty("handle").GetString());

        await using var db = factory.CreateDbContext();
        var audit = await db.AuditLog.SingleAsync(e => e.TargetId == post.Uuid());
        Assert.Equal(admin.Id, audit.ActorId);
        Assert.Equal("post.updated", audit.Action);
    }

    [Fact]
    public async Task Patch_keeps_given_tags_rereads_hashtags_and_validates()
    {
        var author = await factory.CreateUserAsync();
        var post = await author.CreatePostAsync("text #old", tags: ["kept"], images: ["https://img.example.com/1.png"]);
        var url = $"/posts/p/{post.Uuid()}/";

        var patched = await (await author.Client.PatchAsJsonAsync(url, new { text = "new text #new" })).ReadJsonAsync();
        Assert.Equal(["kept", "new"], patched.GetProperty("tags").Strings());
        Assert.Equal(["https://img.example.com/1.png"], patched.GetProperty("images").Strings());

        var images = await (await author.Client.PatchAsJsonAsync(url, new { images = new[] { "https://img.example.com/2.png", "https://img.example.com/3.png" } })).ReadJsonAsync();
        Assert.Equal(["https://img.example.com/2.png", "https://img.example.com/3.png"], images.GetProperty("images").Strings());
        Assert.Equal("new text #new", images.GetProperty("text").GetString());

        Assert.Contains("text", await (await author.Client.PatchAsJsonAsync(url, new { text = "" })).ValidationErrorFieldsAsync());
        Assert.Contains("text", await (await author.Client.PutAsJsonAsync(url, new { tags = new[] { "a" } })).ValidationErrorFieldsAsync());
    }

    [Fact]
    public async Task Delete_by_author_or_admin_only_and_the_post_is_gone()
    {
        var author = await factory.CreateUserAsync();
        var other = await factory.CreateUserAsync();
        var admin = await factory.CreateUserAsync(null, Roles.Admin);
        var first = await author.CreatePostAsync("to delete");
        var second = await author.CreatePostAsync("to moderate");

        Assert.Equal(HttpStatusCode.Unauthorized, (await factory.CreateClient().DeleteAsync($"/posts/p/{first.Uuid()}/")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await other.Client.DeleteAsync($"/posts/p/{first.Uuid()}/")).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await author.Client.DeleteAsync($"/posts/p/{first.Uuid()}/")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await factory.CreateClient().GetAsync($"/posts/p/{first.Uuid()}/")).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await admin.Client.DeleteAsync($"/posts/p/{second.Uuid()}/")).StatusCode);

        await using var db = factory.CreateDbContext();
        Assert.False(await db.Posts.AnyAsync(p => p.AuthorId == author.Id));
        Assert.True(await db.AuditLog.AnyAsync(e => e.TargetId == second.Uuid() && e.Action == "post.deleted" && e.ActorId == admin.Id));
    }

    [Fact]
    public async Task Every_post_change_writes_an_outbox_event()
    {
        var author = await factory.CreateUserAsync();
        var post = await author.CreatePostAsync("outbox #events");
        await (await author.Client.PatchAsJsonAsync($"/posts/p/{post.Uuid()}/", new { text = "changed" })).ReadJsonAsync();
        await (await author.Client.DeleteAsync($"/posts/p/{post.Uuid()}/")).ExpectAsync(HttpStatusCode.NoContent);

        await using var db = factory.CreateDbContext();
        var key = post.Uuid().ToString();
        var types = await db.Outbox.Where(m => m.Key == key).OrderBy(m => m.OccurredAt).Select(m => m.Type).ToListAsync();
        Assert.Equal(["post.created", "post.updated", "post.deleted"], types);
        var payload = JsonDocument.Parse((await db.Outbox.Where(m => m.Key == key).OrderBy(m => m.OccurredAt).FirstAsync()).Payload).RootElement;
        Assert.Equal("outbox #events", payload.GetProperty("text").GetString());
        Assert.Equal(author.Id, payload.GetProperty("author_id").GetGuid());
    }
}
