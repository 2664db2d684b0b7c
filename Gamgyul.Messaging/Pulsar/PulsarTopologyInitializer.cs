using Microsoft.Extensions.Hosting;

namespace Gamgyul.Messaging.Pulsar;

/// <summary>Creates the namespace, retention policy and Gamgyul's topics when the host starts.</summary>
internal sealed class PulsarTopologyInitializer(IMessageBus bus) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) =>
        bus is PulsarMessageBus pulsar ? pulsar.EnsureTopologyAsync(Topics.All, cancellationToken) : Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
