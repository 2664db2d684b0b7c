using Aspire.Hosting;
using Gamgyul.AppHost.Infrastructure;
using Microsoft.Extensions.Configuration;

namespace Gamgyul.Tests.AppHost;

public sealed class InfrastructureModeTests
{
    private static readonly DistributedApplicationExecutionContext Run = new(DistributedApplicationOperation.Run);

    [Theory]
    [InlineData("local", InfrastructureMode.Local)]
    [InlineData("LOCAL", InfrastructureMode.Local)]
    [InlineData("containers", InfrastructureMode.Containers)]
    public void An_explicit_mode_wins_without_asking_for_a_container_runtime(string configured, InfrastructureMode expected)
    {
        var (mode, _) = InfrastructureModeSelector.Select(Configuration(configured), Run,
            _ => throw new Xunit.Sdk.XunitException("an explicit mode must not probe for a container runtime"));

        Assert.Equal(expected, mode);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("auto")]
    public void Auto_picks_containers_only_when_a_container_runtime_answers(string? configured)
    {
        Assert.Equal(InfrastructureMode.Containers,
            InfrastructureModeSelector.Select(Configuration(configured), Run, _ => "docker").Mode);
        Assert.Equal(InfrastructureMode.Local,
            InfrastructureModeSelector.Select(Configuration(configured), Run, _ => null).Mode);
    }

    [Fact]
    public void An_unknown_mode_is_refused_with_the_allowed_values()
    {
        var error = Assert.Throws<InfrastructureUnavailableException>(
            () => InfrastructureModeSelector.Select(Configuration("kubernetes"), Run, _ => null));

        Assert.Contains("kubernetes", error.Message, StringComparison.Ordinal);
        Assert.Contains("auto, containers or local", error.Message, StringComparison.Ordinal);
    }

    private static IConfiguration Configuration(string? mode) =>
        new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { [InfrastructureModeSelector.ConfigurationKey] = mode })
            .Build();
}
