using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Gamgyul.Tests.Infrastructure;
using Gamgyul.Tests.Social;

namespace Gamgyul.Tests.Media;

/// <summary>The client side of an upload, as a browser does it.</summary>
internal static class MediaApi
{
    /// <summary>Storage is reached without the Api's token, like a browser posting to a bucket.</summary>
    private static readonly HttpClient Browser = new() { Timeout = TimeSpan.FromMinutes(2) };

    public static async Task<JsonElement> PresignAsync(this TestUser user, string contentType, long size, string purpose = "post") =>
        await (await user.Client.PostAsJsonAsync("/images/presigned/", new { purpose, content_type = contentType, size })).ReadJsonAsync();

    /// <summary>Posts every field of the form, then the file last.</summary>
    public static async Task<HttpResponseMessage> UploadAsync(JsonElement presigned, byte[] content, string fileName = "photo.jpg",
        Action<MultipartFormDataContent, Dictionary<string, string>>? tamper = null)
    {
        var fields = presigned.GetProperty("fields").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetString()!);
        using var form = new MultipartFormDataContent();
        tamper?.Invoke(form, fields);
        foreach (var (name, value) in fields)
        {
            form.Add(new StringContent(value), name);
        }

        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new MediaTypeHeaderValue(fields.GetValueOrDefault("Content-Type") ?? "application/octet-stream");
        form.Add(file, "file", fileName);
        return await Browser.PostAsync(presigned.GetProperty("url").GetString(), form);
    }

    public static Guid MediaId(this JsonElement element) => element.GetProperty("media_id").GetGuid();

    public static Task<HttpResponseMessage> CompleteAsync(this TestUser user, Guid mediaId) =>
        user.Client.PostAsync($"/images/{mediaId}/complete/", null);

    /// <summary>Polls until processing has finished (generous deadline: the machine may be loaded).</summary>
    public static async Task<JsonElement> WaitProcessedAsync(this TestUser user, Guid mediaId)
    {
        var stopwatch = Stopwatch.StartNew();
        while (true)
        {
            var media = await user.Client.GetJsonAsync($"/images/{mediaId}/");
            var state = media.GetProperty("state").GetString();
            if (state is "ready" or "failed")
            {
                return media;
            }

            Assert.True(stopwatch.Elapsed < TimeSpan.FromMinutes(2), $"media {mediaId} still {state} after two minutes");
            await Task.Delay(100);
        }
    }

    /// <summary>Presign, upload, complete and wait: the whole happy path of a client.</summary>
    public static async Task<JsonElement> UploadImageAsync(this TestUser user, byte[] content, string contentType, string purpose = "post")
    {
        var presigned = await user.PresignAsync(contentType, content.Length, purpose);
        var upload = await UploadAsync(presigned, content);
        Assert.True(upload.IsSuccessStatusCode, $"upload answered {(int)upload.StatusCode}: {await upload.Content.ReadAsStringAsync()}");
        var completed = await user.CompleteAsync(presigned.MediaId());
        Assert.True(completed.StatusCode is HttpStatusCode.Accepted or HttpStatusCode.OK, $"complete answered {completed.StatusCode}");
        return await user.WaitProcessedAsync(presigned.MediaId());
    }

    public static async Task<byte[]> DownloadAsync(string url, string? accept = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        if (accept is not null)
        {
            request.Headers.Accept.ParseAdd(accept);
        }

        using var response = await Browser.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsByteArrayAsync();
    }

    public static JsonElement[] Variants(this JsonElement media) => media.GetProperty("variants").EnumerateArray().ToArray();
}
