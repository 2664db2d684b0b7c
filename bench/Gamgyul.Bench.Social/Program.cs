using Gamgyul.Bench.Social;

// Gamgyul.Bench.Social <command> --option value ...   (see README.md beside this file)
if (args.Length == 0)
{
    Console.Error.WriteLine("usage: Gamgyul.Bench.Social seed|tokens|baseline|load|report|sql [--option value ...]");
    return 2;
}

var options = BenchOptions.Parse(args.Skip(1));
return args[0] switch
{
    "seed" => await Seeder.RunAsync(options),
    "tokens" => await TokenMinter.RunAsync(options),
    "baseline" => await BaselineServer.RunAsync(options),
    "load" => await LoadGenerator.RunAsync(options),
    "report" => Report.Run(options),
    "sql" => PrintSql(options),
    _ => Fail(args[0]),
};

static int PrintSql(BenchOptions options)
{
    var sql = FeedSql.Capture(options.Get("db"));
    foreach (var statement in new[] { sql.Posts, sql.Previews })
    {
        Console.WriteLine(statement.Sql);
        Console.WriteLine("-- " + string.Join(", ", statement.Parameters));
        Console.WriteLine();
    }

    return 0;
}

static int Fail(string command)
{
    Console.Error.WriteLine($"unknown command '{command}'");
    return 2;
}
