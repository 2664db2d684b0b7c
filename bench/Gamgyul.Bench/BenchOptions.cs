namespace Gamgyul.Bench;

/// <summary>Command-line options: <c>--documents 100000 --dimensions 384 --queries 300 --top 10 [--postgres CS] [--milvus URL [--milvus-token T]] | --endpoint --postgres CS --redis HOST:PORT [--edits 20]</c>.</summary>
internal sealed record BenchOptions(int Documents, int Dimensions, int Queries, int Top, string? Postgres, Uri? Milvus, string? MilvusToken,
    bool Endpoint = false, string? Redis = null, int Edits = 20)
{
    public static BenchOptions Parse(string[] args)
    {
        string? Value(string name) => args.SkipWhile(a => a != name).Skip(1).FirstOrDefault();
        int Number(string name, int fallback) => int.TryParse(Value(name), out var n) ? n : fallback;

        return new BenchOptions(
            Number("--documents", 100_000),
            Number("--dimensions", 384),
            Number("--queries", 300),
            Number("--top", 10),
            Value("--postgres"),
            Value("--milvus") is { } milvus ? new Uri(milvus) : null,
            Value("--milvus-token"),
            args.Contains("--endpoint"),
            Value("--redis"),
            Number("--edits", 20));
    }
}
