using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Gamgyul.Tests.Infrastructure;

namespace Gamgyul.Tests.Social;

/// <summary>Small helpers for calling the social endpoints from tests.</summary>
internal static class SocialApi
{
    public static async Task<JsonElement> CreatePostAsync(this TestUser user, string text, string[]? tags = null,
        string[]? images = null, string? category = null)
    {
        var response = await user.Client.PostAsJsonAsync("/posts/p/", new { text, tags, images, category });
        await ExpectAsync(response, HttpStatusCode.Created);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    public static async Task<JsonElement> ReadJsonAsync(this HttpResponseMessage response, HttpStatusCode expected = HttpStatusCode.OK)
    {
        await ExpectAsync(response, expected);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    public static async Task<JsonElement> GetJsonAsync(this HttpClient client, string url, HttpStatusCode expected = HttpStatusCode.OK) =>
        await (await client.GetAsync(url)).ReadJsonAsync(expected);

    public static async Task ExpectAsync(this HttpResponseMessage response, HttpStatusCode expected)
    {
        if (response.StatusCode != expected)
        {
            Assert.Fail($"{response.RequestMessage?.Method} {response.RequestMessage?.RequestUri} answered {(int)response.StatusCode}, expected {(int)expected}:\n{await response.Content.ReadAsStringAsync()}");
        }
    }

    /// <summary>The field names of a 400's <c>errors</c> map.</summary>
    public static async Task<string[]> ValidationErrorFieldsAsync(this HttpResponseMessage response)
    {
        var problem = await response.ReadJsonAsync(HttpStatusCode.BadRequest);
        return problem.GetProperty("errors").EnumerateObject().Select(p => p.Name).ToArray();
    }

    public static Guid Uuid(this JsonElement element) => element.GetProperty("uuid").GetGuid();

    public static string[] Strings(this JsonElement array) => array.EnumerateArray().Select(e => e.GetString()!).ToArray();

    public static JsonElement[] Results(this JsonElement page) => page.GetProperty("results").EnumerateArray().ToArray();

    /// <summary>The path and query of a page's <c>next</c> link, or null.</summary>
    public static string? NextLink(this JsonElement page) => Link(page, "next");

    public static string? PreviousLink(this JsonElement page) => Link(page, "previous");

    private static string? Link(JsonElement page, string name) =>
        page.GetProperty(name).GetString() is { } url ? new Uri(url).PathAndQuery : null;
}
