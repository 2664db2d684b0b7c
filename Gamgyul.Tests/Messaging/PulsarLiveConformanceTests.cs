using Gamgyul.Messaging;
using Gamgyul.Messaging.Pulsar;
using Microsoft.Extensions.Logging.Abstractions;

namespace Gamgyul.Tests.Messaging;

/// <summary>
/// The conformance suite against a real Pulsar (standalone is fine) named by <c>PULSAR_SERVICE_URL</c>
/// (and optionally <c>PULSAR_ADMIN_URL</c>, <c>PULSAR_TOKEN</c>, <c>PULSAR_TENANT</c>, <c>PULSAR_NAMESPACE</c>).
/// Without them every test is reported as skipped, never as passed.
/// </summary>
[RequiresEnvironment(PulsarLiveSettings.ServiceUrlVariable)]
public sealed class PulsarLiveConformanceTests : MessageBusConformanceTests
{
    private readonly HttpClient _http = new();

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        _http.Dispose();
    }

    protected override Task<IMessageBus> CreateNodeAsync() => Task.FromResult<IMessageBus>(
        new PulsarMessageBus(PulsarLiveSettings.Options(), $"live-{Guid.NewGuid():N}"[..13], _http, NullLoggerFactory.Instance));

    protected override Task CrashNodeAsync(IMessageBus node)
    {
        ((PulsarMessageBus)node).Crash();
        return Task.CompletedTask;
    }
}
