namespace Gamgyul.Api.Infrastructure;

/// <summary>
/// Marks a static method whose body is also available as an expression (the static property named here),
/// so <see cref="ProjectionExpander"/> can inline it into a LINQ query that the database then runs.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class ExpandableAttribute(string expressionProperty) : Attribute
{
    public string ExpressionProperty { get; } = expressionProperty;
}
