using System.Text.Json;
using System.Text.Json.Nodes;
using Gamgyul.Search;
using Gamgyul.Search.Embeddings;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;

namespace Gamgyul.Tests.Search;

/// <summary>The OpenAI-compatible provider, against a local server that answers <c>POST /v1/embeddings</c> as documented.</summary>
public sealed class OpenAIEmbeddingGeneratorTests
{
    /// <summary>A deterministic fake model: the vector of a text is [length, first char, 1, 0, …].</summary>
    private static float[] FakeVector(string text, int dimensions)
    {
        var vector = new float[dimensions];
        vector[0] = text.Length;
        vector[1] = text.Length > 0 ? text[0] : 0;
        vector[2] = 1;
        return vector;
    }

    private static LoopbackResponse AnswerEmbeddings(RecordedRequest request, int dimensions)
    {
        var body = request.Json;
        var inputs = body.GetProperty("input").ValueKind == JsonValueKind.Array
            ? body.GetProperty("input").EnumerateArray().Select(i => i.GetString()!).ToList()
            : [body.GetProperty("input").GetString()!];
        var base64 = body.TryGetProperty("encoding_format", out var format) && format.GetString() == "base64";
        var data = new JsonArray();
        for (var i = 0; i < inputs.Count; i++)
        {
            var vector = FakeVector(inputs[i], dimensions);
            JsonNode embedding = base64
                ? Convert.ToBase64String(vector.SelectMany(BitConverter.GetBytes).ToArray())
                : new JsonArray([.. vector.Select(v => (JsonNode)v)]);
            data.Add(new JsonObject { ["object"] = "embedding", ["index"] = i, ["embedding"] = embedding });
        }

        var response = new JsonObject
        {
            ["object"] = "list",
            ["data"] = data,
            ["model"] = body.GetProperty("model").GetString(),
            ["usage"] = new JsonObject { ["prompt_tokens"] = 7, ["total_tokens"] = 7 },
        };
        return new LoopbackResponse(response.ToJsonString());
    }

    private static IEmbeddingGenerator<string, Embedding<float>> BuildGenerator(Uri server, int dimensions, bool sendDimensions = false)
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ConnectionStrings:db"] = "Host=localhost;Database=unused",
            ["Embeddings:Provider"] = "openai",
            ["Embeddings:Dimensions"] = dimensions.ToString(),
            ["Embeddings:OpenAI:Endpoint"] = new Uri(server, "/v1").ToString(),
            ["Embeddings:OpenAI:Model"] = "multilingual-e5-small",
            ["Embeddings:OpenAI:ApiKey"] = "sk-test-key",
            ["Embeddings:OpenAI:SendDimensions"] = sendDimensions.ToString(),
        });
        builder.AddGamgyulSearch();
        return builder.Build().Services.GetRequiredService<IEmbeddingGenerator<string, Embedding<float>>>();
    }

    [Fact]
    public async Task Posts_the_inputs_to_v1_embeddings_with_the_model_and_bearer_key_and_reads_the_vectors()
    {
        await using var server = await LoopbackServer.StartAsync(r => AnswerEmbeddings(r, 8));
        var generator = BuildGenerator(server.BaseAddress, 8);

        var embeddings = await generator.GenerateAsync(["제주 감귤", "귤"]);

        var request = Assert.Single(server.Requests);
        Assert.Equal("POST", request.Method);
        Assert.Equal("/v1/embeddings", request.Path);
        Assert.Equal("Bearer sk-test-key", request.Header("Authorization"));
        Assert.Equal("multilingual-e5-small", request.Json.GetProperty("model").GetString());
        Assert.Equal(["제주 감귤", "귤"], request.Json.GetProperty("input").EnumerateArray().Select(i => i.GetString()));
        Assert.False(request.Json.TryGetProperty("dimensions", out _));
        Assert.Equal(2, embeddings.Count);
        Assert.Equal(FakeVector("제주 감귤", 8), embeddings[0].Vector.ToArray());
        Assert.Equal(FakeVector("귤", 8), embeddings[1].Vector.ToArray());
        Assert.Equal(7, embeddings.Usage?.InputTokenCount);
    }

    [Fact]
    public async Task Sends_the_dimensions_parameter_only_when_configured()
    {
        await using var server = await LoopbackServer.StartAsync(r => AnswerEmbeddings(r, 16));
        var generator = BuildGenerator(server.BaseAddress, 16, sendDimensions: true);

        await generator.GenerateAsync(["감귤"]);

        Assert.Equal(16, Assert.Single(server.Requests).Json.GetProperty("dimensions").GetInt32());
    }

    [Fact]
    public async Task A_model_answering_with_another_size_than_configured_fails_loudly()
    {
        await using var server = await LoopbackServer.StartAsync(r => AnswerEmbeddings(r, 12));
        var generator = BuildGenerator(server.BaseAddress, 8);

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => generator.GenerateAsync(["감귤"]));
        Assert.Contains("12 dimensions", error.Message);
    }

    [Fact]
    public async Task A_server_error_surfaces_as_an_exception()
    {
        await using var server = await LoopbackServer.StartAsync(_ =>
            new LoopbackResponse("""{"error":{"message":"model not found","type":"invalid_request_error"}}""", Status: 404));
        var generator = BuildGenerator(server.BaseAddress, 8);

        await Assert.ThrowsAsync<System.ClientModel.ClientResultException>(() => generator.GenerateAsync(["감귤"]));
        Assert.NotEmpty(server.Requests);
    }

    [Fact]
    public void Missing_endpoint_or_model_is_reported_when_the_generator_is_built()
    {
        var error = Assert.Throws<InvalidOperationException>(() =>
            OpenAIEmbeddingGeneratorFactory.Create(new EmbeddingOptions { Provider = "openai" }, new HttpClient()));
        Assert.Contains("Embeddings:OpenAI:Endpoint", error.Message);
    }
}
