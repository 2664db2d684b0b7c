using System.Numerics.Tensors;
using System.Text;
using Microsoft.Extensions.AI;

namespace Gamgyul.Search.Embeddings;

/// <summary>
/// The default, offline embedder: hashed character n-grams of Hangul syllables, jamo and Latin words
/// (see <see cref="NGramFeatures"/>), L2-normalised. It needs no model download, is deterministic across
/// processes and machines, and makes Korean texts that share words or word parts close. It knows no
/// synonyms: "귤" and "오렌지" stay unrelated; a semantic model through <c>Embeddings:Provider=openai</c> does that.
/// </summary>
public sealed class NGramEmbeddingGenerator : IEmbeddingGenerator<string, Embedding<float>>
{
    /// <summary>Bump when the features change: stored vectors of another version must be re-indexed.</summary>
    public const string Version = "ngram-v1";

    private readonly EmbeddingGeneratorMetadata _metadata;

    public NGramEmbeddingGenerator(int dimensions = EmbeddingOptions.DefaultDimensions)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(dimensions, 16);
        Dimensions = dimensions;
        ModelId = $"{Version}-{dimensions}";
        _metadata = new EmbeddingGeneratorMetadata("gamgyul-ngram", providerUri: null, ModelId, dimensions);
    }

    public int Dimensions { get; }

    /// <summary>The model name stored beside every vector (e.g. <c>ngram-v1-384</c>).</summary>
    public string ModelId { get; }

    public Task<GeneratedEmbeddings<Embedding<float>>> GenerateAsync(
        IEnumerable<string> values,
        EmbeddingGenerationOptions? options = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(values);
        if (options?.Dimensions is { } requested && requested != Dimensions)
        {
            throw new ArgumentException(
                $"This embedder produces {Dimensions} dimensions; {requested} were requested.", nameof(options));
        }

        var result = values is ICollection<string> collection
            ? new GeneratedEmbeddings<Embedding<float>>(collection.Count)
            : [];
        var createdAt = DateTimeOffset.UtcNow;
        foreach (var value in values)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var vector = new float[Dimensions];
            Embed(value, vector);
            result.Add(new Embedding<float>(vector) { ModelId = ModelId, CreatedAt = createdAt });
        }

        return Task.FromResult(result);
    }

    /// <summary>
    /// Embeds <paramref name="text"/> into <paramref name="destination"/> (length <see cref="Dimensions"/>)
    /// without allocating, except for the rare text that needs Unicode normalisation. A text without letters
    /// or digits gives the zero vector, which is similar to nothing.
    /// </summary>
    public void Embed(string? text, Span<float> destination)
    {
        if (destination.Length != Dimensions)
        {
            throw new ArgumentException($"The destination must have {Dimensions} elements.", nameof(destination));
        }

        destination.Clear();
        if (string.IsNullOrEmpty(text))
        {
            return;
        }

        NGramFeatures.Accumulate(NeedsNormalization(text) ? text.Normalize(NormalizationForm.FormKC) : text, destination);
        var norm = TensorPrimitives.Norm(destination);
        if (norm > 0)
        {
            TensorPrimitives.Divide(destination, norm, destination);
        }
    }

    /// <summary>
    /// Decomposed syllables (NFD, as some keyboards and macOS file names send them), compatibility jamo
    /// typed alone, and full-width Latin letters all have to become the usual composed form first.
    /// </summary>
    private static bool NeedsNormalization(string text)
    {
        foreach (var c in text)
        {
            if ((uint)(c - 0x1100) < 0x100 || (uint)(c - 0x3130) < 0x60 || (uint)(c - 0xFF00) < 0xF0)
            {
                return true;
            }
        }

        return false;
    }

    public object? GetService(Type serviceType, object? serviceKey = null)
    {
        ArgumentNullException.ThrowIfNull(serviceType);
        return serviceKey is not null ? null
            : serviceType == typeof(EmbeddingGeneratorMetadata) ? _metadata
            : serviceType.IsInstanceOfType(this) ? this
            : null;
    }

    public void Dispose()
    {
        // Nothing to release: the embedder holds no native or pooled resources.
    }
}
