namespace Gamgyul.Tests.Search;

/// <summary>
/// A test that needs a real Milvus: it runs when <c>MILVUS_ENDPOINT</c> is set (and <c>MILVUS_TOKEN</c> when
/// auth is on) and is reported as skipped, with the reason, otherwise: never silently green.
/// </summary>
public sealed class MilvusFactAttribute : FactAttribute
{
    public const string EndpointVariable = "MILVUS_ENDPOINT";
    public const string TokenVariable = "MILVUS_TOKEN";

    public MilvusFactAttribute()
    {
        if (string.IsNullOrWhiteSpace(Environment.GetEnvironmentVariable(EndpointVariable)))
        {
            Skip = $"No Milvus to test against: set {EndpointVariable} (e.g. http://localhost:19530) and, with auth on, {TokenVariable}.";
        }
    }
}
