namespace Gamgyul.Search.Embeddings;

/// <summary>The values of <c>Embeddings:Provider</c>.</summary>
public static class EmbeddingProviders
{
    public const string NGram = "ngram";
    public const string OpenAI = "openai";
}
