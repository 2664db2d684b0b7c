using System.Net;
using System.Text.Json.Nodes;
using Gamgyul.Data.Entities;
using Gamgyul.Search.Vectors;
using Gamgyul.Search.Vectors.Milvus;
using Microsoft.Extensions.Logging.Abstractions;

namespace Gamgyul.Tests.Search;

/// <summary>
/// The Milvus client and index at the protocol level: a local HTTP server checks the exact paths, bodies
/// and headers of the REST v2 requests and answers with the documented replies, errors included.
/// </summary>
public sealed class MilvusProtocolTests
{
    private const int Dimensions = 4;

    private static MilvusOptions Options(Uri endpoint) => new()
    {
        Endpoint = endpoint,
        Token = "root:Milvus",
        Collection = "gamgyul_search",
        BatchSize = 2,
    };

    private static MilvusVectorIndex Index(LoopbackServer server, MilvusOptions? options = null)
    {
        options ??= Options(server.BaseAddress);
        return new MilvusVectorIndex(new MilvusRestClient(new HttpClient(), options), options, Dimensions, TimeProvider.System,
            NullLogger<MilvusVectorIndex>.Instance);
    }

    private static void AssertJson(string expected, string actual) =>
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(expected), JsonNode.Parse(actual)), $"Expected {expected}\nActual   {actual}");

    private static string[] Paths(LoopbackServer server) => [.. server.Requests.Select(r => r.Path)];

    [Fact]
    public async Task Ensure_created_creates_the_schema_with_an_hnsw_cosine_index_and_waits_for_the_load()
    {
        var milvus = new FakeMilvus()
            .On("collections/has", FakeMilvus.Has(false))
            .On("collections/create", FakeMilvus.Ok)
            .On("collections/describe", FakeMilvus.Describe(Dimensions))
            .On("collections/get_load_state",
                FakeMilvus.LoadState("LoadStateNotLoad"), FakeMilvus.LoadState("LoadStateLoading"), FakeMilvus.LoadState("LoadStateLoaded"))
            .On("collections/load", FakeMilvus.Ok);
        await using var server = await LoopbackServer.StartAsync(milvus.Respond);

        await Index(server).EnsureCreatedAsync();

        Assert.Equal(
            ["/v2/vectordb/collections/has", "/v2/vectordb/collections/create", "/v2/vectordb/collections/describe",
             "/v2/vectordb/collections/get_load_state", "/v2/vectordb/collections/load",
             "/v2/vectordb/collections/get_load_state", "/v2/vectordb/collections/get_load_state"],
            Paths(server));
        var create = server.Requests.ElementAt(1);
        AssertJson("""
            {"collectionName":"gamgyul_search",
             "schema":{"fields":[
               {"fieldName":"pk","dataType":"VarChar","isPrimary":true,"elementTypeParams":{"max_length":"64"}},
               {"fieldName":"kind","dataType":"VarChar","isPartitionKey":true,"elementTypeParams":{"max_length":"16"}},
               {"fieldName":"document_id","dataType":"VarChar","elementTypeParams":{"max_length":"36"}},
               {"fieldName":"author_id","dataType":"VarChar","elementTypeParams":{"max_length":"36"}},
               {"fieldName":"created_at","dataType":"Int64"},
               {"fieldName":"status","dataType":"VarChar","elementTypeParams":{"max_length":"16"}},
               {"fieldName":"model","dataType":"VarChar","elementTypeParams":{"max_length":"100"}},
               {"fieldName":"vector","dataType":"FloatVector","elementTypeParams":{"dim":"4"}}],
               "autoID":false,"enableDynamicField":false},
             "indexParams":[{"fieldName":"vector","indexName":"vector_idx","metricType":"COSINE","indexType":"HNSW",
                             "params":{"M":16,"efConstruction":200}}]}
            """, create.Body);
        AssertJson("""{"collectionName":"gamgyul_search"}""", server.Requests.First().Body);
        Assert.All(server.Requests, r =>
        {
            Assert.Equal("POST", r.Method);
            Assert.Equal("Bearer root:Milvus", r.Header("Authorization"));
            Assert.Equal("application/json", r.Header("Content-Type"));
            Assert.Equal("30", r.Header("Request-Timeout"));
        });
    }

    [Fact]
    public async Task Ensure_created_leaves_an_existing_loaded_collection_alone()
    {
        var milvus = new FakeMilvus()
            .On("collections/has", FakeMilvus.Has(true))
            .On("collections/describe", FakeMilvus.Describe(Dimensions))
            .On("collections/get_load_state", FakeMilvus.LoadState("LoadStateLoaded"));
        await using var server = await LoopbackServer.StartAsync(milvus.Respond);

        await Index(server).EnsureCreatedAsync();

        Assert.Equal(["/v2/vectordb/collections/has", "/v2/vectordb/collections/describe", "/v2/vectordb/collections/get_load_state"], Paths(server));
    }

    [Fact]
    public async Task Ensure_created_refuses_a_collection_made_for_another_vector_size()
    {
        var milvus = new FakeMilvus()
            .On("collections/has", FakeMilvus.Has(true))
            .On("collections/describe", FakeMilvus.Describe(768));
        await using var server = await LoopbackServer.StartAsync(milvus.Respond);

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => Index(server).EnsureCreatedAsync());

        Assert.Contains("768", error.Message);
    }

    [Fact]
    public async Task Ensure_created_tolerates_losing_the_race_to_create_the_collection()
    {
        var milvus = new FakeMilvus()
            .On("collections/has", FakeMilvus.Has(false), FakeMilvus.Has(true))
            .On("collections/create", """{"code":1100,"message":"collection already exists"}""")
            .On("collections/describe", FakeMilvus.Describe(Dimensions))
            .On("collections/get_load_state", FakeMilvus.LoadState("LoadStateLoaded"));
        await using var server = await LoopbackServer.StartAsync(milvus.Respond);

        await Index(server).EnsureCreatedAsync();

        Assert.Equal(2, Paths(server).Count(p => p.EndsWith("/has", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Upsert_sends_rows_with_a_kind_qualified_primary_key_in_batches()
    {
        var milvus = new FakeMilvus().On("entities/upsert", """{"code":0,"data":{"upsertCount":2,"upsertIds":["a","b"]}}""");
        await using var server = await LoopbackServer.StartAsync(milvus.Respond);
        var author = Guid.Parse("0190a7a2-0000-7000-8000-000000000001");
        var post = Guid.Parse("0190a7a2-0000-7000-8000-0000000000aa");
        var records = new[]
        {
            new VectorRecord(new VectorKey(SearchDocumentKind.Post, post), new float[] { 0.5f, 0, 0, 0.25f }, new VectorMetadata
            {
                Model = "ngram-v1-4", AuthorId = author, CreatedAt = DateTimeOffset.FromUnixTimeMilliseconds(1767225600000),
                Status = ContentStatus.Published,
            }),
            new VectorRecord(new VectorKey(SearchDocumentKind.User, Guid.NewGuid()), new float[4], new VectorMetadata { Model = "m", CreatedAt = DateTimeOffset.UnixEpoch }),
            new VectorRecord(new VectorKey(SearchDocumentKind.Product, Guid.NewGuid()), new float[4], new VectorMetadata { Model = "m", Status = ContentStatus.Hidden }),
        };

        await Index(server).UpsertAsync(records);

        Assert.Equal(["/v2/vectordb/entities/upsert", "/v2/vectordb/entities/upsert"], Paths(server));
        var first = server.Requests.First().Json;
        AssertJson($$"""
            {"collectionName":"gamgyul_search","data":[
              {"pk":"Post:{{post}}","kind":"Post","document_id":"{{post}}","author_id":"{{author}}",
               "created_at":1767225600000,"status":"Published","model":"ngram-v1-4","vector":[0.5,0,0,0.25]},
              {"pk":"User:{{records[1].Key.Id}}","kind":"User","document_id":"{{records[1].Key.Id}}","author_id":"",
               "created_at":0,"status":"Published","model":"m","vector":[0,0,0,0]}]}
            """, first.GetRawText());
        Assert.Equal("Hidden", server.Requests.Last().Json.GetProperty("data")[0].GetProperty("status").GetString());
    }

    [Fact]
    public async Task Delete_sends_a_primary_key_filter()
    {
        var milvus = new FakeMilvus().On("entities/delete", """{"code":0,"cost":0,"data":{}}""");
        await using var server = await LoopbackServer.StartAsync(milvus.Respond);
        var id = Guid.NewGuid();
        var key = new VectorKey(SearchDocumentKind.Post, id);

        await Index(server).DeleteAsync([key, key]);

        AssertJson($$$"""{"collectionName":"gamgyul_search","filter":"pk in [\"Post:{{{id}}}\"]"}""", Assert.Single(server.Requests).Body);
    }

    [Fact]
    public async Task Search_sends_the_filter_limit_ef_and_output_fields_and_reads_the_flat_hit_list()
    {
        Guid hit1 = Guid.NewGuid(), hit2 = Guid.NewGuid(), author = Guid.NewGuid(), seen = Guid.NewGuid(), me = Guid.NewGuid();
        var milvus = new FakeMilvus().On("entities/search", $$"""
            {"code":0,"cost":0,"data":[
              {"distance":0.93,"id":"Product:{{hit1}}","kind":"Product","document_id":"{{hit1}}","author_id":"{{author}}","created_at":1767225600000},
              {"distance":0.41,"id":"Product:{{hit2}}","kind":"Product","document_id":"{{hit2}}","author_id":"","created_at":0}],
             "topks":[2]}
            """);
        await using var server = await LoopbackServer.StartAsync(milvus.Respond);

        var hits = await Index(server).SearchAsync(new VectorSearchRequest
        {
            Vector = new float[] { 1, 0, 0, 0 }, Kind = SearchDocumentKind.Product, Top = 100, ExcludeIds = [seen], ExcludeAuthorIds = [me],
        });

        AssertJson($$$"""
            {"collectionName":"gamgyul_search","data":[[1,0,0,0]],"annsField":"vector","limit":100,
             "filter":"kind == \"Product\" and status == \"Published\" and document_id not in [\"{{{seen}}}\"] and author_id not in [\"{{{me}}}\"]",
             "outputFields":["kind","document_id","author_id","created_at"],
             "searchParams":{"metricType":"COSINE","params":{"ef":100}},"consistencyLevel":"Bounded"}
            """, Assert.Single(server.Requests).Body);
        Assert.Equal(
            [new VectorHit(new VectorKey(SearchDocumentKind.Product, hit1), 0.93f, author, DateTimeOffset.FromUnixTimeMilliseconds(1767225600000)),
             new VectorHit(new VectorKey(SearchDocumentKind.Product, hit2), 0.41f, null, DateTimeOffset.UnixEpoch)],
            hits);
    }

    [Fact]
    public async Task Hidden_objects_are_searched_only_when_asked_and_small_limits_keep_the_configured_ef()
    {
        var milvus = new FakeMilvus().On("entities/search", """{"code":0,"data":[]}""");
        await using var server = await LoopbackServer.StartAsync(milvus.Respond);

        await Index(server).SearchAsync(new VectorSearchRequest { Vector = new float[4], Kind = SearchDocumentKind.Post, Top = 5, IncludeHidden = true });

        var body = Assert.Single(server.Requests).Json;
        Assert.Equal("kind == \"Post\"", body.GetProperty("filter").GetString());
        Assert.Equal(64, body.GetProperty("searchParams").GetProperty("params").GetProperty("ef").GetInt32());
    }

    [Fact]
    public async Task Get_vectors_asks_for_the_primary_keys_and_returns_unit_vectors()
    {
        var id = Guid.NewGuid();
        var milvus = new FakeMilvus().On("entities/get", $$"""
            {"code":0,"cost":0,"data":[{"pk":"Post:{{id}}","kind":"Post","document_id":"{{id}}","vector":[3,0,4,0]}]}
            """);
        await using var server = await LoopbackServer.StartAsync(milvus.Respond);
        var missing = new VectorKey(SearchDocumentKind.Post, Guid.NewGuid());

        var vectors = await Index(server).GetVectorsAsync([new VectorKey(SearchDocumentKind.Post, id), missing]);

        AssertJson($$"""{"collectionName":"gamgyul_search","id":["Post:{{id}}","Post:{{missing.Id}}"],"outputFields":["kind","document_id","vector"]}""",
            Assert.Single(server.Requests).Body);
        Assert.Equal([0.6f, 0, 0.8f, 0], Assert.Single(vectors).Value.ToArray());
    }

    [Fact]
    public async Task An_error_envelope_with_a_non_zero_code_becomes_a_typed_exception()
    {
        var milvus = new FakeMilvus().On("entities/search", """{"code":101,"message":"collection not loaded[collection=gamgyul_search]"}""");
        await using var server = await LoopbackServer.StartAsync(milvus.Respond);

        var error = await Assert.ThrowsAsync<MilvusException>(() =>
            Index(server).SearchAsync(new VectorSearchRequest { Vector = new float[4], Kind = SearchDocumentKind.Post }));

        Assert.Equal(MilvusErrorCodes.CollectionNotLoaded, error.Code);
        Assert.Equal("entities/search", error.Operation);
        Assert.Contains("collection not loaded", error.ServerMessage);
        Assert.Null(error.HttpStatus);
    }

    [Fact]
    public async Task Missing_authentication_is_reported_with_its_code_and_no_token_means_no_header()
    {
        var milvus = new FakeMilvus().On("collections/has", """{"code":1800,"message":"user hasn't authenticated"}""");
        await using var server = await LoopbackServer.StartAsync(milvus.Respond);
        var options = Options(server.BaseAddress);
        options.Token = null;

        var error = await Assert.ThrowsAsync<MilvusException>(() => Index(server, options).EnsureCreatedAsync());

        Assert.Equal(MilvusErrorCodes.NotAuthenticated, error.Code);
        Assert.Null(Assert.Single(server.Requests).Header("Authorization"));
    }

    [Fact]
    public async Task An_http_error_without_an_envelope_keeps_the_status()
    {
        await using var server = await LoopbackServer.StartAsync(_ => new LoopbackResponse("<html>Bad Gateway</html>", 502, "text/html"));

        var error = await Assert.ThrowsAsync<MilvusException>(() => Index(server).DeleteAsync([new VectorKey(SearchDocumentKind.Post, Guid.NewGuid())]));

        Assert.Equal(HttpStatusCode.BadGateway, error.HttpStatus);
        Assert.Equal(502, error.Code);
    }

    [Fact]
    public async Task Older_servers_success_code_200_is_accepted_and_the_database_and_path_prefix_are_kept()
    {
        var milvus = new FakeMilvus().On("collections/has", """{"code":200,"data":{"has":true}}""");
        await using var server = await LoopbackServer.StartAsync(request =>
            request.Path.StartsWith("/milvus/", StringComparison.Ordinal)
                ? milvus.Respond(request with { Path = request.Path["/milvus".Length..] })
                : new LoopbackResponse("not found", 404, "text/plain"));
        var options = Options(new Uri(server.BaseAddress, "/milvus"));
        options.Database = "gamgyul";
        var client = new MilvusRestClient(new HttpClient(), options);

        Assert.True(await client.HasCollectionAsync("gamgyul_search"));

        var request = Assert.Single(server.Requests);
        Assert.Equal("/milvus/v2/vectordb/collections/has", request.Path);
        AssertJson("""{"dbName":"gamgyul","collectionName":"gamgyul_search"}""", request.Body);
    }

    [Fact]
    public async Task Vectors_of_the_wrong_size_never_reach_the_server()
    {
        await using var server = await LoopbackServer.StartAsync(new FakeMilvus().Respond);
        var index = Index(server);

        await Assert.ThrowsAsync<ArgumentException>(() => index.UpsertAsync(
            [new VectorRecord(new VectorKey(SearchDocumentKind.Post, Guid.NewGuid()), new float[3], new VectorMetadata { Model = "m" })]));
        await Assert.ThrowsAsync<ArgumentException>(() => index.SearchAsync(new VectorSearchRequest { Vector = new float[5], Kind = SearchDocumentKind.Post }));
        Assert.Empty(server.Requests);
    }
}
