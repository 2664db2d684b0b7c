using Gamgyul.Messaging;
using Gamgyul.Messaging.InMemory;

namespace Gamgyul.Tests.Messaging;

/// <summary>The conformance suite against the in-memory adapter: every node is a bus on one shared broker.</summary>
public sealed class InMemoryBusConformanceTests : MessageBusConformanceTests
{
    private readonly InMemoryBroker _broker = new(negativeAckDelay: TimeSpan.FromMilliseconds(20));

    protected override Task<IMessageBus> CreateNodeAsync() => Task.FromResult<IMessageBus>(new InMemoryMessageBus(_broker));

    // In process, the broker notices a dead node only through its disposal; acks are never sent either way.
    protected override async Task CrashNodeAsync(IMessageBus node) => await node.DisposeAsync();
}
