using System.Diagnostics;
using Gamgyul.Bench;
using Gamgyul.Data;
using Gamgyul.Data.Entities;
using Gamgyul.Search.Embeddings;
using Gamgyul.Search.Vectors;
using Gamgyul.Search.Vectors.Exact;
using Gamgyul.Search.Vectors.Milvus;
using Gamgyul.Search.Vectors.Postgres;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

// Measures the search library's hot paths: n-gram embedding throughput, exact top-k latency over the whole
// corpus, and (optionally) the Postgres and Milvus adapters with their recall@k against exact search.
var options = BenchOptions.Parse(args);
Console.WriteLine($"Gamgyul.Bench: {options.Documents:N0} documents, {options.Dimensions} dimensions, {options.Queries} queries, top {options.Top}");
Console.WriteLine($"{Environment.ProcessorCount} cores, .NET {Environment.Version}, {(Debugger.IsAttached ? "debugger attached, " : "")}" +
    $"{(typeof(BenchOptions).Assembly.GetCustomAttributes(typeof(DebuggableAttribute), false).OfType<DebuggableAttribute>().Any(d => d.IsJITOptimizerDisabled) ? "DEBUG build: numbers are meaningless" : "Release build")}");

if (options.Endpoint)
{
    await EndpointBench.RunAsync(options,
        options.Postgres ?? throw new ArgumentException("--endpoint needs --postgres (an empty database)"),
        options.Redis ?? throw new ArgumentException("--endpoint needs --redis host:port"));
    return;
}

var corpus = new SyntheticCorpus(seed: 42);
var texts = Enumerable.Range(0, options.Documents).Select(_ => corpus.Document()).ToArray();
var queryTexts = Enumerable.Range(0, options.Queries).Select(_ => corpus.Query()).ToArray();
var authors = Enumerable.Range(0, 1000).Select(i => new Guid(i, 0, 0, new byte[8])).ToArray();
var ids = Enumerable.Range(0, options.Documents).Select(_ => Guid.CreateVersion7()).ToArray();

// 1. Embedding throughput.
using var embedder = new NGramEmbeddingGenerator(options.Dimensions);
var vectors = new float[options.Documents][];
for (var i = 0; i < Math.Min(2000, texts.Length); i++)
{
    embedder.Embed(texts[i], new float[options.Dimensions]); // warm-up (JIT tiering)
}

var characters = texts.Sum(t => (long)t.Length);
var watch = Stopwatch.StartNew();
for (var i = 0; i < texts.Length; i++)
{
    vectors[i] = new float[options.Dimensions];
    embedder.Embed(texts[i], vectors[i]);
}

watch.Stop();
Console.WriteLine($"embed, 1 thread:   {texts.Length / watch.Elapsed.TotalSeconds,12:N0} docs/s  ({characters / watch.Elapsed.TotalSeconds / 1e6:F1} M chars/s, mean {characters / (double)texts.Length:F0} chars)");
watch.Restart();
Parallel.For(0, texts.Length, i => embedder.Embed(texts[i], vectors[i]));
watch.Stop();
Console.WriteLine($"embed, {Environment.ProcessorCount} threads:   {texts.Length / watch.Elapsed.TotalSeconds,12:N0} docs/s");
watch.Restart();
var batch = await embedder.GenerateAsync(texts.Take(10_000));
watch.Stop();
Console.WriteLine($"embed, IEmbeddingGenerator batch of {batch.Count:N0}: {batch.Count / watch.Elapsed.TotalSeconds,8:N0} docs/s");

var queries = queryTexts.Select(q =>
{
    var vector = new float[options.Dimensions];
    embedder.Embed(q, vector);
    return vector;
}).ToArray();

var records = Enumerable.Range(0, options.Documents).Select(i => new VectorRecord(
    new VectorKey(SearchDocumentKind.Post, ids[i]),
    vectors[i],
    new VectorMetadata { Model = embedder.ModelId, AuthorId = authors[i % authors.Length], CreatedAt = DateTimeOffset.UtcNow })).ToList();

// 2. Exact top-k in process (what the Postgres adapter searches with).
using var exact = new ExactVectorStore(options.Dimensions);
watch.Restart();
foreach (var record in records)
{
    exact.Upsert(record.Key, record.Vector.Span, new ExactEntry { AuthorId = record.Metadata.AuthorId, CreatedAt = record.Metadata.CreatedAt });
}

watch.Stop();
Console.WriteLine($"exact store fill:  {records.Count / watch.Elapsed.TotalSeconds,12:N0} vectors/s ({GC.GetTotalMemory(false) / 1e6:F0} MB managed heap)");

VectorSearchRequest Request(float[] vector, bool filtered = false) => new()
{
    Vector = vector,
    Kind = SearchDocumentKind.Post,
    Top = options.Top,
    ExcludeAuthorIds = filtered ? [authors[0], authors[1]] : [],
    ExcludeIds = filtered ? ids.Take(50).ToArray() : [],
};

exact.Search(Request(queries[0])); // warm-up
var truth = new List<IReadOnlyList<VectorHit>>();
var samples = new List<TimeSpan>();
watch.Restart();
foreach (var query in queries)
{
    var started = Stopwatch.GetTimestamp();
    truth.Add(exact.Search(Request(query)));
    samples.Add(Stopwatch.GetElapsedTime(started));
}

watch.Stop();
Console.WriteLine($"exact top-{options.Top}, 1 thread:   {new LatencyStats(samples)}, {queries.Length / watch.Elapsed.TotalSeconds:N0} queries/s");

samples.Clear();
foreach (var query in queries)
{
    var started = Stopwatch.GetTimestamp();
    exact.Search(Request(query, filtered: true));
    samples.Add(Stopwatch.GetElapsedTime(started));
}

Console.WriteLine($"exact top-{options.Top}, filtered: {new LatencyStats(samples)}");
watch.Restart();
Parallel.ForEach(queries, query => exact.Search(Request(query)));
watch.Stop();
Console.WriteLine($"exact top-{options.Top}, {Environment.ProcessorCount} threads:  {queries.Length / watch.Elapsed.TotalSeconds:N0} queries/s");

// 3. The exact path against a naive brute force (double precision) on a sample of queries.
var naiveRecall = queries.Take(10).Select((query, q) =>
{
    var naive = Enumerable.Range(0, vectors.Length)
        .Select(i => (Id: ids[i], Score: Cosine(query, vectors[i])))
        .OrderByDescending(x => x.Score).ThenBy(x => x.Id).Take(options.Top).Select(x => x.Id).ToHashSet();
    return truth[q].Count(h => naive.Contains(h.Key.Id)) / (double)Math.Max(1, naive.Count);
}).Average();
Console.WriteLine($"exact vs naive brute force: recall@{options.Top} = {naiveRecall:F4}");

// 4. The Postgres adapter (migrates the database; its search_documents table must be empty).
if (options.Postgres is { } connectionString)
{
    var dbOptions = new DbContextOptionsBuilder<GamgyulDbContext>().UseNpgsql(connectionString);
    dbOptions.UseGamgyulConventions();
    await using (var db = new GamgyulDbContext(dbOptions.Options))
    {
        await db.Database.MigrateAsync();
        if (await db.SearchDocuments.AnyAsync())
        {
            throw new InvalidOperationException("--postgres needs a database whose search_documents table is empty (recall is measured against this run's vectors only)");
        }
    }

    await using var dataSource = NpgsqlDataSource.Create(connectionString);
    using var writer = new PostgresVectorIndex(dataSource, options.Dimensions, new PostgresVectorIndexOptions(), TimeProvider.System,
        NullLogger<PostgresVectorIndex>.Instance);
    watch.Restart();
    foreach (var chunk in records.Chunk(500))
    {
        await writer.UpsertAsync(chunk);
    }

    watch.Stop();
    Console.WriteLine($"postgres upsert:   {records.Count / watch.Elapsed.TotalSeconds,12:N0} vectors/s");

    using var reader = new PostgresVectorIndex(dataSource, options.Dimensions, new PostgresVectorIndexOptions(), TimeProvider.System,
        NullLogger<PostgresVectorIndex>.Instance);
    watch.Restart();
    await reader.SearchAsync(Request(queries[0]));
    watch.Stop();
    Console.WriteLine($"postgres first search (loads {reader.CachedCount:N0} vectors): {watch.Elapsed.TotalMilliseconds:N0} ms");
    await ReportAdapterAsync(reader);
}

// 5. The Milvus adapter (a collection of its own, dropped afterwards).
if (options.Milvus is { } endpoint)
{
    var milvusOptions = new MilvusOptions { Endpoint = endpoint, Token = options.MilvusToken, Collection = $"gamgyul_bench_{Guid.NewGuid():N}" };
    var client = new MilvusRestClient(new HttpClient { Timeout = TimeSpan.FromMinutes(2) }, milvusOptions);
    var milvus = new MilvusVectorIndex(client, milvusOptions, options.Dimensions, TimeProvider.System, NullLogger<MilvusVectorIndex>.Instance);
    try
    {
        await milvus.EnsureCreatedAsync();
        watch.Restart();
        foreach (var chunk in records.Chunk(milvusOptions.BatchSize))
        {
            await milvus.UpsertAsync(chunk);
        }

        watch.Stop();
        Console.WriteLine($"milvus upsert:     {records.Count / watch.Elapsed.TotalSeconds,12:N0} vectors/s");
        await Task.Delay(TimeSpan.FromSeconds(3)); // Bounded consistency: let the last batches become searchable
        await ReportAdapterAsync(milvus);
    }
    finally
    {
        await client.DropCollectionAsync(milvusOptions.Collection);
    }
}

async Task ReportAdapterAsync(IVectorIndex index)
{
    var latencies = new List<TimeSpan>();
    var recalls = new List<double>();
    watch.Restart();
    for (var q = 0; q < queries.Length; q++)
    {
        var started = Stopwatch.GetTimestamp();
        var hits = await index.SearchAsync(Request(queries[q]));
        latencies.Add(Stopwatch.GetElapsedTime(started));
        var expected = truth[q].Select(h => h.Key.Id).ToHashSet();
        recalls.Add(expected.Count == 0 ? 1 : hits.Count(h => expected.Contains(h.Key.Id)) / (double)expected.Count);
    }

    watch.Stop();
    Console.WriteLine($"{index.Name} top-{options.Top}: {new LatencyStats(latencies)}, {queries.Length / watch.Elapsed.TotalSeconds:N0} queries/s, " +
        $"recall@{options.Top} vs exact = {recalls.Average():F4}");
}

static double Cosine(float[] a, float[] b)
{
    double dot = 0, na = 0, nb = 0;
    for (var i = 0; i < a.Length; i++)
    {
        dot += (double)a[i] * b[i];
        na += (double)a[i] * a[i];
        nb += (double)b[i] * b[i];
    }

    return na == 0 || nb == 0 ? 0 : dot / Math.Sqrt(na * nb);
}
