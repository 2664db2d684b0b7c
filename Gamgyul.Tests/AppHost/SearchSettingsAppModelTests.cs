namespace Gamgyul.Tests.AppHost;

/// <summary>The Api and the SearchIndexer must embed with the same settings: the AppHost hands both the same ones.</summary>
public sealed class SearchSettingsAppModelTests
{
    [Fact]
    public async Task Embedding_and_fusion_settings_reach_the_api_and_the_search_indexer_alike()
    {
        await using var model = await AppModel.BuildAsync("local",
            "--Embeddings:Provider=openai", "--Embeddings:Dimensions=1024", "--Embeddings:OpenAI:Model=bge-m3", "--Search:Fusion:K=30");

        foreach (var service in new[] { "api", "searchindexer" })
        {
            var environment = await model.EnvironmentOf(service);
            Assert.Equal("openai", environment["Embeddings__Provider"]);
            Assert.Equal("1024", environment["Embeddings__Dimensions"]);
            Assert.Equal("bge-m3", environment["Embeddings__OpenAI__Model"]);
            Assert.Equal("30", environment["Search__Fusion__K"]);
            Assert.Equal("postgres", environment["VectorIndex__Provider"]);
            Assert.Equal("redis", environment["Bus__Provider"]);
            Assert.Contains("ConnectionStrings__db", environment.Keys);
            Assert.Contains("ConnectionStrings__cache", environment.Keys);
        }
    }
}
