namespace Gamgyul.Api.Search;

/// <summary>Which rankings a search uses; the API always uses <see cref="Hybrid"/>, the relevance tests compare all three.</summary>
public enum RankingMode
{
    Hybrid,
    LexicalOnly,
    VectorOnly,
}
