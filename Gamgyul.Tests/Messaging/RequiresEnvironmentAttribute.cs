namespace Gamgyul.Tests.Messaging;

/// <summary>
/// On a test class: its <see cref="BusFactAttribute"/> tests run only when all these environment variables are set,
/// and are reported as skipped (with the names) otherwise.
/// </summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class RequiresEnvironmentAttribute(params string[] variables) : Attribute
{
    public IReadOnlyList<string> Variables { get; } = variables;
}
