namespace Gamgyul.Search.Vectors.Milvus;

/// <summary>The <c>code</c> values of Milvus error envelopes that callers act on (merr, errors.go).</summary>
public static class MilvusErrorCodes
{
    public const int CollectionNotFound = 100;
    public const int CollectionNotLoaded = 101;
    public const int IndexNotFound = 700;
    public const int InvalidParameter = 1100;
    public const int MissingParameter = 1101;
    public const int NotAuthenticated = 1800;
    public const int NotJson = 1801;
    public const int MissingRequiredParameters = 1802;
    public const int InvalidInsertData = 1804;
    public const int RateLimited = 1807;
}
