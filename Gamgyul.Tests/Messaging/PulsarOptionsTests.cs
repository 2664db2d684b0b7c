using Gamgyul.Messaging.Pulsar;

namespace Gamgyul.Tests.Messaging;

/// <summary>Where the Pulsar adapter finds the WebSocket and admin APIs, from the settings it may be given.</summary>
public sealed class PulsarOptionsTests
{
    [Theory]
    // An HTTP service URL serves both APIs.
    [InlineData("http://pulsar:8080", null, null, "ws://pulsar:8080/", "http://pulsar:8080/")]
    [InlineData("ws://pulsar:8080", null, null, "ws://pulsar:8080/", "http://pulsar:8080/")]
    [InlineData("https://pulsar.example", null, null, "wss://pulsar.example/", "https://pulsar.example/")]
    // The AppHost's shape: a binary-protocol service URL, with the HTTP addresses given separately.
    [InlineData("pulsar://pulsar:6650", "http://pulsar:8080", "ws://pulsar:8080", "ws://pulsar:8080/", "http://pulsar:8080/")]
    [InlineData("pulsar://pulsar:6650", "http://pulsar:8080", null, "ws://pulsar:8080/", "http://pulsar:8080/")]
    // A separate WebSocket proxy under a path.
    [InlineData("http://pulsar:8080", null, "wss://edge.example/pulsar", "wss://edge.example/pulsar/", "http://pulsar:8080/")]
    public void The_websocket_and_admin_bases_follow_from_the_settings(string service, string? admin, string? webSocket,
        string expectedWebSocket, string expectedAdmin)
    {
        var options = new PulsarOptions
        {
            ServiceUrl = new Uri(service),
            AdminUrl = admin is null ? null : new Uri(admin),
            WebSocketUrl = webSocket is null ? null : new Uri(webSocket),
        };

        Assert.Equal(new Uri(expectedWebSocket), options.WebSocketBase);
        Assert.Equal(new Uri(expectedAdmin), options.AdminBase);
    }

    [Fact]
    public void A_binary_protocol_service_url_alone_is_refused_with_the_settings_to_add()
    {
        var options = new PulsarOptions { ServiceUrl = new Uri("pulsar://pulsar:6650") };

        var error = Assert.Throws<InvalidOperationException>(() => options.Validate());

        Assert.Contains("Pulsar:WebSocketUrl", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Reconnect_delays_must_be_ordered()
    {
        var options = new PulsarOptions
        {
            ServiceUrl = new Uri("http://pulsar:8080"),
            ReconnectMinDelay = TimeSpan.FromSeconds(5),
            ReconnectMaxDelay = TimeSpan.FromSeconds(1),
        };

        Assert.Throws<InvalidOperationException>(() => options.Validate());
    }
}
