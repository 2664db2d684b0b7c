namespace Gamgyul.Search;

/// <summary>Embedding generators, the vector index contract and its Milvus and Postgres adapters.</summary>
internal static class SearchAssembly;
