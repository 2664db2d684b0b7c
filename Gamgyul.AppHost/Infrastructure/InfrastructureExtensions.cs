using Microsoft.Extensions.Configuration;

namespace Gamgyul.AppHost.Infrastructure;

public static class InfrastructureExtensions
{
    /// <summary>Adds the backing services of the configured mode (<c>Gamgyul:Mode</c>).</summary>
    /// <exception cref="InfrastructureUnavailableException">The mode cannot run on this machine.</exception>
    public static GamgyulInfrastructure AddGamgyulInfrastructure(this IDistributedApplicationBuilder builder)
    {
        var (mode, reason) = InfrastructureModeSelector.Select(builder.Configuration, builder.ExecutionContext);
        Console.WriteLine($"Gamgyul: infrastructure mode '{mode.ToString().ToLowerInvariant()}' ({reason}).");
        return mode == InfrastructureMode.Local
            ? builder.AddLocalInfrastructure(LocalInfrastructureOptions.From(builder.Configuration, builder.AppHostDirectory))
            : builder.AddContainerInfrastructure();
    }

    internal static ReferenceExpression Literal(string value) => ReferenceExpression.Create($"{value}");
}
