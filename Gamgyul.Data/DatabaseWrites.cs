using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Gamgyul.Data;

/// <summary>
/// A generation number that moves on every command that may have changed data, and again when a
/// transaction that wrote commits. A read cache that keys its entries by the generation it saw before
/// loading never serves, in this process, anything older than this process's last write.
/// </summary>
public sealed class DatabaseWrites : DbCommandInterceptor, IDbTransactionInterceptor
{
    /// <summary>The instance every <see cref="GamgyulDbContext"/> of the process reports to.</summary>
    public static DatabaseWrites Instance { get; } = new();

    private static readonly AsyncLocal<bool> InUnobservedScope = new();
    private readonly ConditionalWeakTable<DbTransaction, object> writingTransactions = [];
    private long generation;

    public long Generation => Interlocked.Read(ref generation);

    /// <summary>Moves the generation on; for writes made without EF (and for tests).</summary>
    public void Advance() => Interlocked.Increment(ref generation);

    /// <summary>
    /// Writes made (in this async flow) until the scope is disposed leave the generation alone: for writes that no
    /// cached read has to show at once, such as the batched view counts, which would otherwise empty every read
    /// cache on each flush.
    /// </summary>
    public static IDisposable Unobserved()
    {
        InUnobservedScope.Value = true;
        return new UnobservedScope();
    }

    public override int NonQueryExecuted(DbCommand command, CommandExecutedEventData eventData, int result)
    {
        Written(command);
        return result;
    }

    public override ValueTask<int> NonQueryExecutedAsync(DbCommand command, CommandExecutedEventData eventData, int result,
        CancellationToken cancellationToken = default)
    {
        Written(command);
        return ValueTask.FromResult(result);
    }

    // SaveChanges sends INSERT ... RETURNING and UPDATE batches as readers.
    public override DbDataReader ReaderExecuted(DbCommand command, CommandExecutedEventData eventData, DbDataReader result)
    {
        AdvanceUnlessRead(command);
        return result;
    }

    public override ValueTask<DbDataReader> ReaderExecutedAsync(DbCommand command, CommandExecutedEventData eventData,
        DbDataReader result, CancellationToken cancellationToken = default)
    {
        AdvanceUnlessRead(command);
        return ValueTask.FromResult(result);
    }

    // A reader that loaded between a write and its commit saw the old rows under the new generation; a
    // transaction that only read (the outbox relay polling, for one) moves nothing.
    void IDbTransactionInterceptor.TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData) =>
        Committed(transaction);

    Task IDbTransactionInterceptor.TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData,
        CancellationToken cancellationToken)
    {
        Committed(transaction);
        return Task.CompletedTask;
    }

    private void Committed(DbTransaction transaction)
    {
        if (writingTransactions.Remove(transaction))
        {
            Advance();
        }
    }

    private void Written(DbCommand command)
    {
        if (InUnobservedScope.Value)
        {
            return;
        }

        Advance();
        if (command.Transaction is { } transaction)
        {
            writingTransactions.AddOrUpdate(transaction, transaction);
        }
    }

    private void AdvanceUnlessRead(DbCommand command)
    {
        if (!IsRead(command.CommandText))
        {
            Written(command);
        }
    }

    /// <summary>Whether the statement starts with SELECT, after blank space and <c>--</c> comment lines.</summary>
    public static bool IsRead(string sql)
    {
        var text = sql.AsSpan().TrimStart();
        while (text.StartsWith("--"))
        {
            var end = text.IndexOf('\n');
            text = end < 0 ? [] : text[(end + 1)..].TrimStart();
        }

        return text.StartsWith("SELECT", StringComparison.OrdinalIgnoreCase);
    }

    private sealed class UnobservedScope : IDisposable
    {
        public void Dispose() => InUnobservedScope.Value = false;
    }
}
