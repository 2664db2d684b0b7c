using Microsoft.Extensions.AI;

namespace Gamgyul.Search.Embeddings;

/// <summary>
/// Fails loudly when a model answers with another vector size than the index was created for: otherwise the
/// mistake would surface later as a confusing error from the vector index, or not at all.
/// </summary>
internal sealed class DimensionCheckingEmbeddingGenerator(IEmbeddingGenerator<string, Embedding<float>> inner, int dimensions)
    : DelegatingEmbeddingGenerator<string, Embedding<float>>(inner)
{
    public override async Task<GeneratedEmbeddings<Embedding<float>>> GenerateAsync(
        IEnumerable<string> values,
        EmbeddingGenerationOptions? options = null,
        CancellationToken cancellationToken = default)
    {
        var embeddings = await base.GenerateAsync(values, options, cancellationToken);
        foreach (var embedding in embeddings)
        {
            if (embedding.Vector.Length != dimensions)
            {
                throw new InvalidOperationException(
                    $"The embedding model '{embedding.ModelId}' returned {embedding.Vector.Length} dimensions, " +
                    $"but Embeddings:Dimensions is {dimensions}.");
            }
        }

        return embeddings;
    }
}
