using System.Globalization;
using Gamgyul.Api.Search;
using Gamgyul.Data.Entities;
using Gamgyul.SearchIndexer.Rebuild;
using Gamgyul.Tests.Infrastructure;
using Gamgyul.Tests.Search.Indexing;
using Xunit.Abstractions;

namespace Gamgyul.Tests.Search.Relevance;

/// <summary>
/// The labelled Korean set through the real stack: documents in Postgres, embedded by the SearchIndexer's rebuild,
/// queried through the Api's HybridSearch in each ranking mode; nDCG@10 averaged over the 30 queries.
/// </summary>
public sealed class HybridRelevanceTests(HybridRelevanceTests.Fixture fixture, ITestOutputHelper output)
    : IClassFixture<HybridRelevanceTests.Fixture>
{
    [Fact]
    public async Task Hybrid_ndcg_at_10_beats_lexical_only_and_vector_only()
    {
        var scores = new Dictionary<RankingMode, List<double>>();
        foreach (var mode in Enum.GetValues<RankingMode>())
        {
            scores[mode] = [];
        }

        foreach (var query in fixture.Set.Queries)
        {
            var line = new List<string>();
            foreach (var mode in Enum.GetValues<RankingMode>())
            {
                var ranking = await fixture.RankAsync(query, mode);
                var score = Ndcg.AtK(ranking, query.Relevant);
                scores[mode].Add(score);
                line.Add($"{mode}={score:F3}");
            }

            output.WriteLine($"{query.Q,-16} {string.Join(' ', line)}");
        }

        var mean = scores.ToDictionary(s => s.Key, s => s.Value.Average());
        output.WriteLine(string.Join(", ", mean.Select(m => string.Create(CultureInfo.InvariantCulture, $"{m.Key} nDCG@10 = {m.Value:F3}"))));
        Assert.Equal(30, fixture.Set.Queries.Count);
        Assert.True(mean[RankingMode.Hybrid] > mean[RankingMode.LexicalOnly], $"hybrid {mean[RankingMode.Hybrid]:F3} vs lexical {mean[RankingMode.LexicalOnly]:F3}");
        Assert.True(mean[RankingMode.Hybrid] > mean[RankingMode.VectorOnly], $"hybrid {mean[RankingMode.Hybrid]:F3} vs vector {mean[RankingMode.VectorOnly]:F3}");
    }

    [Fact]
    public void The_set_has_at_least_100_documents_and_30_queries_with_judged_items_that_exist()
    {
        var ids = fixture.Set.Posts.Select(p => p.Id).Concat(fixture.Set.Products.Select(p => p.Id)).ToHashSet();
        Assert.True(ids.Count >= 100);
        Assert.Equal(30, fixture.Set.Queries.Count);
        Assert.All(fixture.Set.Queries, q => Assert.All(q.Relevant.Keys, id => Assert.Contains(id, ids)));
    }

    public sealed class Fixture : IAsyncLifetime
    {
        private readonly Dictionary<Guid, string> _labels = [];

        public SearchPipelineFactory Factory { get; } = new();
        public RelevanceSet Set { get; } = RelevanceSet.Load();

        public async Task InitializeAsync()
        {
            await ((IAsyncLifetime)Factory).InitializeAsync();
            var author = await Factory.CreateUserAsync();
            var seller = await Factory.CreateUserAsync();
            await using (var db = Factory.CreateDbContext())
            {
                // Ids and times one millisecond apart in the set's order: ties between equal scores then break the same
                // way on every run, so the figures are reproducible.
                var start = DateTimeOffset.UtcNow;
                var step = 0;
                foreach (var post in Set.Posts)
                {
                    var now = start.AddMilliseconds(step++);
                    var id = Guid.CreateVersion7(now);
                    _labels[id] = post.Id;
                    db.Posts.Add(new Post { Id = id, AuthorId = author.Id, Text = post.Text, Tags = [.. post.Tags], CreatedAt = now, UpdatedAt = now });
                }

                foreach (var product in Set.Products)
                {
                    var now = start.AddMilliseconds(step++);
                    var id = Guid.CreateVersion7(now);
                    _labels[id] = product.Id;
                    db.Products.Add(new Product
                    {
                        Id = id, OwnerId = seller.Id, Name = product.Name, Description = product.Description,
                        ExternalUrl = $"https://store.example/{product.Id}", Price = 10000, CreatedAt = now, UpdatedAt = now,
                    });
                }

                await db.SaveChangesAsync();
            }

            await using var indexer = Factory.StartIndexer();
            await RebuildCommand.RunAsync(indexer.Services, [RebuildCommand.Name, "fresh"], TextWriter.Null, CancellationToken.None);
        }

        public async Task<IReadOnlyList<string>> RankAsync(RelevanceQuery query, RankingMode mode)
        {
            await using var scope = Factory.Services.CreateAsyncScope();
            var kind = query.Type == "products" ? SearchDocumentKind.Product : SearchDocumentKind.Post;
            var ids = await scope.ServiceProvider.GetRequiredService<HybridSearch>().RankAsync(kind, query.Q, mode, CancellationToken.None);
            return ids.Select(id => _labels.GetValueOrDefault(id, "?")).ToList();
        }

        public async Task DisposeAsync() => await Factory.DisposeAsync();
    }
}
