namespace Gamgyul.Search.Embeddings;

/// <summary>The <c>Embeddings</c> configuration section.</summary>
public sealed class EmbeddingOptions
{
    public const string SectionName = "Embeddings";
    public const int DefaultDimensions = 384;

    /// <summary><see cref="EmbeddingProviders.NGram"/> (default, offline) or <see cref="EmbeddingProviders.OpenAI"/>.</summary>
    public string Provider { get; set; } = EmbeddingProviders.NGram;

    /// <summary>
    /// The length of every vector. For the n-gram embedder any size works; for an OpenAI-compatible model
    /// it must be the model's output size (or a size the model can shorten to, see <see cref="OpenAIEmbeddingOptions.SendDimensions"/>).
    /// The vector index is created with it.
    /// </summary>
    public int Dimensions { get; set; } = DefaultDimensions;

    public OpenAIEmbeddingOptions OpenAI { get; set; } = new();
}
