using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Gamgyul.Api.Infrastructure;

public static class DbTransactionExtensions
{
    /// <summary>
    /// Runs <paramref name="work"/> in one transaction under the context's retrying execution strategy (a
    /// deadlock or a dropped connection re-runs the whole unit). The change tracker is cleared before each
    /// attempt, so <paramref name="work"/> must load and change everything it needs itself.
    /// </summary>
    public static Task<T> InTransactionAsync<T>(this DbContext db, Func<CancellationToken, Task<T>> work,
        CancellationToken cancellationToken)
    {
        var strategy = db.Database.CreateExecutionStrategy();
        return strategy.ExecuteAsync(work, async (_, operation, token) =>
        {
            db.ChangeTracker.Clear();
            await using var transaction = await db.Database.BeginTransactionAsync(token);
            var result = await operation(token);
            await transaction.CommitAsync(token);
            return result;
        }, null, cancellationToken);
    }

    /// <summary>True when the save failed on a unique constraint (e.g. a racing duplicate insert).</summary>
    public static bool IsUniqueViolation(this DbUpdateException exception) =>
        exception.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation };

    /// <summary>True when the save failed because a referenced row is gone (e.g. deleted meanwhile).</summary>
    public static bool IsForeignKeyViolation(this Exception exception) =>
        (exception as PostgresException ?? exception.InnerException as PostgresException) is
        { SqlState: PostgresErrorCodes.ForeignKeyViolation };
}
