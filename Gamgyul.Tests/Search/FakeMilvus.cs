using System.Text.Json.Nodes;

namespace Gamgyul.Tests.Search;

/// <summary>
/// Answers Milvus REST v2 paths with the replies the API reference documents, from a table the test fills
/// in; unknown paths get the documented "invalid parameter" error envelope.
/// </summary>
internal sealed class FakeMilvus
{
    private readonly Dictionary<string, Queue<string>> _replies = [];

    /// <summary>Queues replies for <paramref name="path"/> (after <c>/v2/vectordb/</c>); the last one repeats.</summary>
    public FakeMilvus On(string path, params string[] replies)
    {
        _replies[path] = new Queue<string>(replies);
        return this;
    }

    public LoopbackResponse Respond(RecordedRequest request)
    {
        var path = request.Path.StartsWith("/v2/vectordb/", StringComparison.Ordinal) ? request.Path["/v2/vectordb/".Length..] : request.Path;
        if (!_replies.TryGetValue(path, out var queue) || queue.Count == 0)
        {
            return new LoopbackResponse("""{"code":1100,"message":"invalid parameter[expected=known path][actual=unknown]"}""");
        }

        return new LoopbackResponse(queue.Count > 1 ? queue.Dequeue() : queue.Peek());
    }

    public const string Ok = """{"code":0,"data":{}}""";

    public static string Has(bool has) => $$$"""{"code":0,"data":{"has":{{{(has ? "true" : "false")}}}}}""";

    public static string LoadState(string state) => $$$"""{"code":0,"data":{"loadState":"{{{state}}}","loadProgress":100}}""";

    /// <summary>A <c>collections/describe</c> reply in the v2 shape: type parameters as key/value pairs.</summary>
    public static string Describe(int dimensions) => new JsonObject
    {
        ["code"] = 0,
        ["data"] = new JsonObject
        {
            ["collectionName"] = "gamgyul_search",
            ["autoId"] = false,
            ["enableDynamicField"] = false,
            ["fields"] = new JsonArray(
                new JsonObject { ["name"] = "pk", ["type"] = "VarChar", ["primaryKey"] = true, ["partitionKey"] = false, ["id"] = 100,
                    ["params"] = new JsonArray(new JsonObject { ["key"] = "max_length", ["value"] = "64" }) },
                new JsonObject { ["name"] = "kind", ["type"] = "VarChar", ["primaryKey"] = false, ["partitionKey"] = true, ["id"] = 101,
                    ["params"] = new JsonArray(new JsonObject { ["key"] = "max_length", ["value"] = "16" }) },
                new JsonObject { ["name"] = "vector", ["type"] = "FloatVector", ["primaryKey"] = false, ["partitionKey"] = false, ["id"] = 107,
                    ["params"] = new JsonArray(new JsonObject { ["key"] = "dim", ["value"] = dimensions.ToString() }) }),
            ["indexes"] = new JsonArray(new JsonObject { ["fieldName"] = "vector", ["indexName"] = "vector_idx", ["metricType"] = "COSINE" }),
            ["load"] = "LoadStateLoaded",
            ["shardsNum"] = 1,
        },
    }.ToJsonString();
}
