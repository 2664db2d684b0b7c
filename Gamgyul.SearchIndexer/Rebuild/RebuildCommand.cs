namespace Gamgyul.SearchIndexer.Rebuild;

/// <summary>
/// <c>Gamgyul.SearchIndexer rebuild-index [fresh]</c>: rebuilds the index from Postgres instead of serving, then
/// exits. Run again after an interruption to resume; <c>fresh</c> starts over.
/// </summary>
public static class RebuildCommand
{
    public const string Name = "rebuild-index";

    /// <summary>Null when the arguments are not this command (the host then serves as usual).</summary>
    public static async Task<int?> RunAsync(IServiceProvider services, string[] args, TextWriter output, CancellationToken cancellationToken)
    {
        if (args is not [Name, .. var rest])
        {
            return null;
        }

        if (rest is not ([] or ["fresh"]))
        {
            await output.WriteLineAsync($"usage: Gamgyul.SearchIndexer {Name} [fresh]");
            return 2;
        }

        var done = await services.GetRequiredService<IndexRebuilder>().RunAsync(fresh: rest is ["fresh"], cancellationToken);
        await output.WriteLineAsync($"Rebuilt the search index: {done} documents.");
        return 0;
    }
}
