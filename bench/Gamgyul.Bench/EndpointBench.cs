using System.Diagnostics;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Numerics.Tensors;
using Gamgyul.Api;
using Gamgyul.Api.Accounts;
using Gamgyul.Data;
using Gamgyul.Data.Entities;
using Gamgyul.Search.Documents;
using Gamgyul.Search.Vectors;
using Gamgyul.SearchIndexer;
using Gamgyul.SearchIndexer.Rebuild;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using NpgsqlTypes;

namespace Gamgyul.Bench;

/// <summary>
/// <c>--endpoint --postgres CS --redis HOST:PORT</c>: the whole search path on synthetic posts. Writes the posts into
/// an empty database (migrated here), rebuilds the index with the real SearchIndexer (indexing throughput: read,
/// embed, upsert), then times <c>GET /search/</c> through the real Api (in-memory HTTP) against the same queries sent
/// straight to the vector index.
/// </summary>
internal static class EndpointBench
{
    public static async Task RunAsync(BenchOptions options, string postgres, string redis)
    {
        var settings = new Dictionary<string, string?>
        {
            [$"ConnectionStrings:{DataServiceExtensions.ConnectionName}"] = postgres,
            ["ConnectionStrings:cache"] = redis,
            ["Jwt:SigningKey"] = "bench-signing-key-0123456789-abcdefghijklmnopqrstuvwxyz",
            ["Embeddings:Dimensions"] = options.Dimensions.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Logging:LogLevel:Default"] = "Warning",
            ["Email:Delivery"] = "Sink",
        };

        var dbOptions = new DbContextOptionsBuilder<GamgyulDbContext>().UseNpgsql(postgres);
        dbOptions.UseGamgyulConventions();
        await using (var db = new GamgyulDbContext(dbOptions.Options))
        {
            await db.Database.MigrateAsync();
        }

        await using var api = new Host<ApiEntryPoint>(settings);
        var (author, token) = await CreateAuthorAsync(api);
        var corpus = new SyntheticCorpus(seed: 42);
        var watch = Stopwatch.StartNew();
        var postIds = await CopyPostsAsync(postgres, author, Enumerable.Range(0, options.Documents).Select(_ => corpus.Document()));
        Console.WriteLine($"posts written (COPY): {options.Documents:N0} in {watch.Elapsed.TotalSeconds:F1} s");

        await using (var indexer = new Host<IndexerEntryPoint>(settings))
        {
            watch.Restart();
            await RebuildCommand.RunAsync(indexer.Services, [RebuildCommand.Name, "fresh"], TextWriter.Null, CancellationToken.None);
            watch.Stop();
            Console.WriteLine($"indexing (rebuild-index: read from Postgres, embed, upsert): {options.Documents / watch.Elapsed.TotalSeconds,10:N0} docs/s ({watch.Elapsed.TotalSeconds:F1} s)");
        }

        var queries = Enumerable.Range(0, options.Queries).Select(_ => corpus.Query()).ToArray();
        var client = api.CreateClient();
        var index = api.Services.GetRequiredService<IVectorIndex>();
        var embedder = api.Services.GetRequiredService<IEmbeddingGenerator<string, Embedding<float>>>();

        // Warm up both paths (JIT, the index's first full load, connection pools).
        foreach (var q in queries.Take(20))
        {
            (await client.GetAsync(Url(q))).EnsureSuccessStatusCode();
        }

        var direct = await MeasureAsync(queries, async q =>
        {
            var vector = await embedder.GenerateVectorAsync(q);
            await index.SearchAsync(new VectorSearchRequest { Vector = vector, Kind = SearchDocumentKind.Post, Top = options.Top });
        }, concurrency: 1);
        var endpoint = await MeasureAsync(queries, async q => (await client.GetAsync(Url(q))).EnsureSuccessStatusCode(), concurrency: 1);
        var clients = Environment.ProcessorCount * 2;
        var directParallel = await MeasureAsync(queries, async q =>
        {
            var vector = await embedder.GenerateVectorAsync(q);
            await index.SearchAsync(new VectorSearchRequest { Vector = vector, Kind = SearchDocumentKind.Post, Top = options.Top });
        }, concurrency: clients);
        var endpointParallel = await MeasureAsync(queries, async q => (await client.GetAsync(Url(q))).EnsureSuccessStatusCode(),
            concurrency: clients);
        Console.WriteLine($"vector index direct (embed + top {options.Top}), 1 client: {direct.Stats}, {direct.Qps:N0} q/s");
        Console.WriteLine($"vector index direct, {clients} clients: {directParallel.Stats}, {directParallel.Qps:N0} q/s");
        Console.WriteLine($"GET /search/ (lexical + vector + RRF + page), 1 client: {endpoint.Stats}, {endpoint.Qps:N0} q/s");
        Console.WriteLine($"GET /search/, {clients} clients: {endpointParallel.Stats}, {endpointParallel.Qps:N0} q/s");

        if (options.Edits > 0)
        {
            await MeasureEditLagAsync(options, settings, api, token, postIds);
        }
    }

    /// <summary>
    /// Edits posts through the Api while the SearchIndexer consumes <c>content-events</c>, and times each edit from
    /// the PATCH until the Api's own vector index returns the edited text's vector for the post: outbox relay poll,
    /// bus, indexer (read, embed, upsert) and the Api's index refresh, all with their default settings. Lexical
    /// search sees an edit at once (it reads the posts table), so this lag is the vector ranking's.
    /// </summary>
    private static async Task MeasureEditLagAsync(BenchOptions options, Dictionary<string, string?> settings,
        Host<ApiEntryPoint> api, string token, IReadOnlyList<Guid> postIds)
    {
        await using var indexer = new Host<IndexerEntryPoint>(settings);
        _ = indexer.Services; // starts the content-events consumer
        var writer = api.CreateClient();
        writer.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        var index = api.Services.GetRequiredService<IVectorIndex>();
        var embedder = api.Services.GetRequiredService<IEmbeddingGenerator<string, Embedding<float>>>();
        var corpus = new SyntheticCorpus(seed: 7);
        var lags = new List<TimeSpan>();
        var deadline = TimeSpan.FromMinutes(2);
        for (var i = 0; i < options.Edits; i++)
        {
            var id = postIds[(i * 7919) % postIds.Count];
            var text = $"수정 {i}: {corpus.Document()}";
            var started = Stopwatch.GetTimestamp();
            var response = await writer.PatchAsJsonAsync($"/posts/p/{id}/", new { text });
            response.EnsureSuccessStatusCode();
            var expected = (await embedder.GenerateVectorAsync(SearchText.ForPost(text, []))).ToArray();
            var key = new VectorKey(SearchDocumentKind.Post, id);
            while (true)
            {
                var stored = await index.GetVectorsAsync([key]);
                if (stored.TryGetValue(key, out var vector) && TensorPrimitives.CosineSimilarity(vector.Span, expected) > 0.999f)
                {
                    lags.Add(Stopwatch.GetElapsedTime(started));
                    break;
                }

                if (Stopwatch.GetElapsedTime(started) > deadline)
                {
                    throw new TimeoutException($"edit {i} of post {id} not searchable after {deadline}");
                }

                await Task.Delay(20);
            }
        }

        Console.WriteLine($"edit to searchable (PATCH until the Api's vector index has the new vector), {lags.Count} edits: {new LatencyStats(lags)}");
    }

    private static string Url(string q) => $"/search/?type=posts&page_size=10&q={Uri.EscapeDataString(q)}";

    private static async Task<(LatencyStats Stats, double Qps)> MeasureAsync(string[] queries, Func<string, Task> run, int concurrency)
    {
        var samples = new TimeSpan[queries.Length];
        var next = -1;
        var wall = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, concurrency).Select(async _ =>
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) < queries.Length)
            {
                var started = Stopwatch.GetTimestamp();
                await run(queries[i]);
                samples[i] = Stopwatch.GetElapsedTime(started);
            }
        }));
        wall.Stop();
        return (new LatencyStats(samples), queries.Length / wall.Elapsed.TotalSeconds);
    }

    private static async Task<(Guid Id, string Token)> CreateAuthorAsync(Host<ApiEntryPoint> api)
    {
        using var scope = api.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<User>>();
        var now = DateTimeOffset.UtcNow;
        var user = new User
        {
            UserName = $"bench_{Guid.NewGuid():N}"[..20], Email = $"{Guid.NewGuid():N}@bench.test", DisplayName = "bench",
            CreatedAt = now, UpdatedAt = now,
        };
        var result = await users.CreateAsync(user, "bench-Password-2026");
        if (!result.Succeeded)
        {
            throw new InvalidOperationException(string.Join("; ", result.Errors.Select(e => e.Description)));
        }

        return (user.Id, scope.ServiceProvider.GetRequiredService<AccessTokenIssuer>().Issue(user, []));
    }

    private static async Task<List<Guid>> CopyPostsAsync(string postgres, Guid author, IEnumerable<string> texts)
    {
        var ids = new List<Guid>();
        await using var connection = new NpgsqlConnection(postgres);
        await connection.OpenAsync();
        await using var writer = await connection.BeginBinaryImportAsync(
            "COPY posts (id, author_id, text, tags, status, views_count, likes_count, comments_count, created_at, updated_at) FROM STDIN (FORMAT BINARY)");
        var time = DateTimeOffset.UtcNow.AddDays(-30);
        foreach (var text in texts)
        {
            time = time.AddMilliseconds(10);
            ids.Add(Guid.CreateVersion7(time));
            await writer.StartRowAsync();
            await writer.WriteAsync(ids[^1], NpgsqlDbType.Uuid);
            await writer.WriteAsync(author, NpgsqlDbType.Uuid);
            await writer.WriteAsync(text.Length > 5000 ? text[..5000] : text, NpgsqlDbType.Varchar);
            await writer.WriteAsync(Array.Empty<string>(), NpgsqlDbType.Array | NpgsqlDbType.Text);
            await writer.WriteAsync(nameof(ContentStatus.Published), NpgsqlDbType.Varchar);
            await writer.WriteAsync(0L, NpgsqlDbType.Bigint);
            await writer.WriteAsync(0, NpgsqlDbType.Integer);
            await writer.WriteAsync(0, NpgsqlDbType.Integer);
            await writer.WriteAsync(time, NpgsqlDbType.TimestampTz);
            await writer.WriteAsync(time, NpgsqlDbType.TimestampTz);
        }

        await writer.CompleteAsync();
        return ids;
    }

    /// <summary>A real host of the Api or the indexer, in process, with the bench's settings.</summary>
    private sealed class Host<TEntryPoint>(Dictionary<string, string?> settings) : WebApplicationFactory<TEntryPoint>
        where TEntryPoint : class
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseEnvironment("Production");
            foreach (var (key, value) in settings)
            {
                builder.UseSetting(key, value);
            }
        }
    }
}
