using System.Collections.Concurrent;
using System.Linq.Expressions;
using System.Reflection;

namespace Gamgyul.Api.Infrastructure;

/// <summary>
/// Inlines calls to <see cref="ExpandableAttribute"/> methods, so one projection (say, of a user into its
/// public summary) is written once and reused inside every query that needs it, still as SQL.
/// </summary>
public static class ProjectionExpander
{
    private static readonly ConcurrentDictionary<MethodInfo, LambdaExpression?> Bodies = new();

    public static Expression<TDelegate> Expand<TDelegate>(Expression<TDelegate> expression) =>
        (Expression<TDelegate>)new Expander().Visit(expression);

    /// <summary><c>Select</c> with the projection's expandable calls inlined.</summary>
    public static IQueryable<TResult> SelectExpanded<TSource, TResult>(this IQueryable<TSource> source,
        Expression<Func<TSource, TResult>> projection) => source.Select(Expand(projection));

    private static LambdaExpression? BodyOf(MethodInfo method) => Bodies.GetOrAdd(method, m =>
        m.GetCustomAttribute<ExpandableAttribute>() is { } expandable
            ? (LambdaExpression?)m.DeclaringType!.GetProperty(expandable.ExpressionProperty,
                BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static)!.GetValue(null)
            : null);

    private sealed class Expander : ExpressionVisitor
    {
        protected override Expression VisitMethodCall(MethodCallExpression node)
        {
            if (node.Object is null && BodyOf(node.Method) is { } lambda)
            {
                var arguments = node.Arguments.Select(Visit).ToList();
                var replacements = lambda.Parameters.Zip(arguments, (p, a) => (p, a!))
                    .ToDictionary(x => x.p, x => x.Item2);
                return Visit(new Substitute(replacements).Visit(lambda.Body));
            }

            return base.VisitMethodCall(node);
        }
    }

    private sealed class Substitute(Dictionary<ParameterExpression, Expression> replacements) : ExpressionVisitor
    {
        protected override Expression VisitParameter(ParameterExpression node) =>
            replacements.TryGetValue(node, out var replacement) ? replacement : node;
    }
}
