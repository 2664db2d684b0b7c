namespace Gamgyul.Search.Embeddings;

/// <summary>The <c>Embeddings:OpenAI</c> section: any server that speaks OpenAI's <c>POST /embeddings</c>.</summary>
public sealed class OpenAIEmbeddingOptions
{
    /// <summary>The API base including its version path, e.g. <c>https://api.openai.com/v1</c> or <c>http://localhost:11434/v1</c>.</summary>
    public Uri? Endpoint { get; set; }

    /// <summary>A multilingual model, e.g. <c>text-embedding-3-small</c> or <c>bge-m3</c>; English-only models cannot read Hangul.</summary>
    public string? Model { get; set; }

    /// <summary>Sent as a bearer token; local servers usually accept any value.</summary>
    public string? ApiKey { get; set; }

    /// <summary>
    /// Ask the server to shorten vectors to <see cref="EmbeddingOptions.Dimensions"/> (OpenAI's
    /// <c>dimensions</c> parameter). Off by default: many compatible servers reject the parameter.
    /// </summary>
    public bool SendDimensions { get; set; }

    /// <summary>How long one request may take before it fails.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(30);
}
