using System.Linq.Expressions;
using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;

namespace Gamgyul.Api.Infrastructure;

/// <summary>
/// Keyset pagination over <c>(time, id)</c>: a row-value comparison (<c>(created_at, id) &lt; (@t, @id)</c>)
/// that the composite indexes answer directly, in either list order and page direction.
/// </summary>
public static class KeysetQueryExtensions
{
    private static readonly System.Reflection.MethodInfo LessThan = typeof(NpgsqlDbFunctionsExtensions)
        .GetMethod(nameof(NpgsqlDbFunctionsExtensions.LessThan), [typeof(DbFunctions), typeof(ITuple), typeof(ITuple)])!;

    private static readonly System.Reflection.MethodInfo GreaterThan = typeof(NpgsqlDbFunctionsExtensions)
        .GetMethod(nameof(NpgsqlDbFunctionsExtensions.GreaterThan), [typeof(DbFunctions), typeof(ITuple), typeof(ITuple)])!;

    private static readonly System.Reflection.MethodInfo CreateTuple = typeof(ValueTuple).GetMethods()
        .Single(m => m.Name == nameof(ValueTuple.Create) && m.GetGenericArguments().Length == 2)
        .MakeGenericMethod(typeof(DateTimeOffset), typeof(Guid));

    /// <summary>
    /// Filters to the requested page and orders it, fetching one extra row so the caller can tell whether
    /// more follow. <paramref name="newestFirst"/> is the list's order; a backward page is read in reverse
    /// and put back in list order by <see cref="CursorPaging.ToPage{T}"/>.
    /// </summary>
    public static IQueryable<T> KeysetPage<T>(this IQueryable<T> source, CursorPageRequest page,
        Expression<Func<T, DateTimeOffset>> time, Expression<Func<T, Guid>> id, bool newestFirst = true)
    {
        // Reading towards older rows when the list is newest-first and we go forward, or oldest-first and we go back.
        var descending = newestFirst != page.Backward;
        if (page.Position is { } position)
        {
            source = source.Where(Compare(time, id, position, descending ? LessThan : GreaterThan));
        }

        var ordered = descending
            ? source.OrderByDescending(time).ThenByDescending(id)
            : source.OrderBy(time).ThenBy(id);
        return ordered.Take(page.PageSize + 1);
    }

    private static Expression<Func<T, bool>> Compare<T>(Expression<Func<T, DateTimeOffset>> time,
        Expression<Func<T, Guid>> id, KeysetCursor position, System.Reflection.MethodInfo comparison)
    {
        var row = time.Parameters[0];
        var idBody = new ReplaceParameter(id.Parameters[0], row).Visit(id.Body);
        // A captured object's members become SQL parameters, so one query plan serves every cursor.
        var bound = Expression.Constant(new Bound(position.CreatedAt, position.Id));
        var left = Expression.Call(CreateTuple, time.Body, idBody);
        var right = Expression.Call(CreateTuple,
            Expression.Property(bound, nameof(Bound.Time)), Expression.Property(bound, nameof(Bound.Id)));
        var call = Expression.Call(comparison,
            Expression.Property(null, typeof(EF), nameof(EF.Functions)),
            Expression.Convert(left, typeof(ITuple)),
            Expression.Convert(right, typeof(ITuple)));
        return Expression.Lambda<Func<T, bool>>(call, row);
    }

    private sealed record Bound(DateTimeOffset Time, Guid Id);

    private sealed class ReplaceParameter(ParameterExpression from, ParameterExpression to) : ExpressionVisitor
    {
        protected override Expression VisitParameter(ParameterExpression node) => node == from ? to : node;
    }
}
