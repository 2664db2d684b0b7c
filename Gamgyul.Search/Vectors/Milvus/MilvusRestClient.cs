using System.Globalization;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Gamgyul.Search.Vectors.Milvus;

/// <summary>
/// A small client for the Milvus RESTful API v2 (<c>POST {endpoint}/v2/vectordb/{category}/{action}</c>,
/// JSON both ways), covering what the vector index needs. Written here because the package source serves
/// no Milvus client. Every reply is an envelope <c>{"code":0,"data":…}</c>; a non-zero code (sent with
/// HTTP 200) becomes a <see cref="MilvusException"/>.
/// </summary>
public sealed class MilvusRestClient
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    private static readonly MediaTypeHeaderValue JsonMediaType = new("application/json");

    private readonly HttpClient _http;
    private readonly MilvusOptions _options;
    private readonly Uri _baseUri;

    public MilvusRestClient(HttpClient http, MilvusOptions options)
    {
        ArgumentNullException.ThrowIfNull(options.Endpoint, "VectorIndex:Milvus:Endpoint");
        _http = http;
        _options = options;
        var endpoint = options.Endpoint.ToString();
        // A trailing slash keeps a path prefix (a reverse proxy's /milvus/) when the API path is appended.
        _baseUri = new Uri(endpoint.EndsWith('/') ? endpoint : endpoint + "/");
    }

    private string? Db => string.IsNullOrEmpty(_options.Database) ? null : _options.Database;

    public async Task<bool> HasCollectionAsync(string collection, CancellationToken cancellationToken = default)
    {
        var data = await PostAsync("collections/has", new { dbName = Db, collectionName = collection }, cancellationToken);
        return data.GetProperty("has").GetBoolean();
    }

    public async Task<MilvusCollectionDescription> DescribeCollectionAsync(string collection, CancellationToken cancellationToken = default)
    {
        var data = await PostAsync("collections/describe", new { dbName = Db, collectionName = collection }, cancellationToken);
        return MilvusResponses.ReadDescription(data);
    }

    public Task CreateCollectionAsync(
        string collection,
        MilvusCollectionSchema schema,
        IReadOnlyList<MilvusIndexParam> indexParams,
        CancellationToken cancellationToken = default) =>
        PostAsync("collections/create",
            new { dbName = Db, collectionName = collection, schema, indexParams }, cancellationToken);

    public Task DropCollectionAsync(string collection, CancellationToken cancellationToken = default) =>
        PostAsync("collections/drop", new { dbName = Db, collectionName = collection }, cancellationToken);

    public Task LoadCollectionAsync(string collection, CancellationToken cancellationToken = default) =>
        PostAsync("collections/load", new { dbName = Db, collectionName = collection }, cancellationToken);

    /// <summary><c>LoadStateLoaded</c>, <c>LoadStateLoading</c>, <c>LoadStateNotLoad</c> or <c>LoadStateNotExist</c>.</summary>
    public async Task<string> GetLoadStateAsync(string collection, CancellationToken cancellationToken = default)
    {
        var data = await PostAsync("collections/get_load_state", new { dbName = Db, collectionName = collection }, cancellationToken);
        return data.GetProperty("loadState").GetString() ?? string.Empty;
    }

    /// <summary>Inserts or replaces rows (objects whose properties are the collection's fields); returns the upsert count.</summary>
    public async Task<long> UpsertAsync<TRow>(string collection, IReadOnlyList<TRow> rows, CancellationToken cancellationToken = default)
    {
        var data = await PostAsync("entities/upsert", new { dbName = Db, collectionName = collection, data = rows }, cancellationToken);
        return data.ValueKind == JsonValueKind.Object && data.TryGetProperty("upsertCount", out var count) ? count.GetInt64() : rows.Count;
    }

    /// <summary>Deletes the entities that match <paramref name="filter"/>, e.g. <c>pk in ["a","b"]</c>.</summary>
    public Task DeleteAsync(string collection, string filter, CancellationToken cancellationToken = default) =>
        PostAsync("entities/delete", new { dbName = Db, collectionName = collection, filter }, cancellationToken);

    /// <summary>The hits of one query vector, best first: each has <c>distance</c>, <c>id</c> and the output fields.</summary>
    public async Task<IReadOnlyList<JsonElement>> SearchAsync(MilvusSearchRequest request, CancellationToken cancellationToken = default)
    {
        var body = new
        {
            dbName = Db,
            collectionName = request.CollectionName,
            data = new[] { request.Vector },
            annsField = request.AnnsField,
            limit = request.Limit,
            filter = request.Filter,
            outputFields = request.OutputFields,
            searchParams = new
            {
                metricType = request.MetricType,
                @params = request.Ef is { } ef ? new Dictionary<string, int> { ["ef"] = ef } : null,
            },
            consistencyLevel = request.ConsistencyLevel,
        };
        var data = await PostAsync("entities/search", body, cancellationToken);
        return data.ValueKind == JsonValueKind.Array ? [.. data.EnumerateArray()] : [];
    }

    /// <summary>The entities with the given primary keys (those that exist), with <paramref name="outputFields"/>.</summary>
    public async Task<IReadOnlyList<JsonElement>> GetAsync(
        string collection, IReadOnlyList<string> ids, IReadOnlyList<string> outputFields, CancellationToken cancellationToken = default)
    {
        var data = await PostAsync("entities/get", new { dbName = Db, collectionName = collection, id = ids, outputFields }, cancellationToken);
        return data.ValueKind == JsonValueKind.Array ? [.. data.EnumerateArray()] : [];
    }

    /// <summary>Posts <paramref name="body"/> to <paramref name="operation"/> and returns the envelope's <c>data</c>.</summary>
    private async Task<JsonElement> PostAsync<TBody>(string operation, TBody body, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(_baseUri, "v2/vectordb/" + operation));
        request.Content = new ByteArrayContent(JsonSerializer.SerializeToUtf8Bytes(body, Json)) { Headers = { ContentType = JsonMediaType } };
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        request.Headers.Add("Request-Timeout", ((int)Math.Ceiling(_options.RequestTimeout.TotalSeconds)).ToString(CultureInfo.InvariantCulture));
        if (!string.IsNullOrEmpty(_options.Token))
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", _options.Token);
        }

        using var response = await _http.SendAsync(request, cancellationToken);
        var text = await response.Content.ReadAsStringAsync(cancellationToken);
        return MilvusResponses.ReadEnvelope(operation, response.StatusCode, text);
    }
}
