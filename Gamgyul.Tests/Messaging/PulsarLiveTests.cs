using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using Gamgyul.Messaging;
using Gamgyul.Messaging.Pulsar;
using Microsoft.Extensions.Logging.Abstractions;

namespace Gamgyul.Tests.Messaging;

/// <summary>Checks against a live Pulsar that the fake server cannot prove: the real admin API's answers.</summary>
public sealed class PulsarLiveTests
{
    [PulsarLiveFact]
    public async Task The_topology_is_created_with_the_configured_retention_on_a_live_broker()
    {
        var options = PulsarLiveSettings.Options();
        options.RetentionMinutes = 120;
        options.RetentionSizeMb = 64;
        using var http = new HttpClient();
        await using var bus = new PulsarMessageBus(options, "live-topology", http, NullLoggerFactory.Instance);

        await bus.EnsureTopologyAsync(Topics.All, CancellationToken.None);

        using var request = new HttpRequestMessage(HttpMethod.Get,
            new Uri(options.AdminBase, $"admin/v2/namespaces/{options.Tenant}/{options.Namespace}/retention"));
        if (!string.IsNullOrEmpty(options.Token))
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", options.Token);
        }

        using var response = await http.SendAsync(request);
        response.EnsureSuccessStatusCode();
        var retention = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Equal(120, (int)retention["retentionTimeInMinutes"]!);
        Assert.Equal(64, (int)retention["retentionSizeInMB"]!);
    }
}
