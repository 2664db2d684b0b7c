using System.ClientModel;
using System.ClientModel.Primitives;
using Microsoft.Extensions.AI;
using OpenAI;
using OpenAI.Embeddings;

namespace Gamgyul.Search.Embeddings;

/// <summary>Builds the Microsoft.Extensions.AI generator for an OpenAI-compatible embeddings endpoint.</summary>
internal static class OpenAIEmbeddingGeneratorFactory
{
    public static IEmbeddingGenerator<string, Embedding<float>> Create(EmbeddingOptions options, HttpClient httpClient)
    {
        var openAI = options.OpenAI;
        if (openAI.Endpoint is null || string.IsNullOrWhiteSpace(openAI.Model))
        {
            throw new InvalidOperationException(
                "Embeddings:OpenAI:Endpoint and Embeddings:OpenAI:Model are required when Embeddings:Provider is 'openai'.");
        }

        var clientOptions = new OpenAIClientOptions
        {
            Endpoint = openAI.Endpoint,
            // The host's HttpClient brings its telemetry and handlers; the SDK keeps its own retry policy.
            Transport = new HttpClientPipelineTransport(httpClient),
            NetworkTimeout = openAI.Timeout,
        };
        // Local servers often need no key, but the SDK insists on one.
        var key = new ApiKeyCredential(string.IsNullOrEmpty(openAI.ApiKey) ? "unused" : openAI.ApiKey);
        var client = new EmbeddingClient(openAI.Model, key, clientOptions);
        var generator = client.AsIEmbeddingGenerator(openAI.SendDimensions ? options.Dimensions : null);
        return new DimensionCheckingEmbeddingGenerator(generator, options.Dimensions);
    }
}
