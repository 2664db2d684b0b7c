using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Microsoft.Extensions.Logging;

namespace Gamgyul.Messaging.Pulsar;

/// <summary>
/// The few admin REST calls the bus needs (docs: admin-api-tenants, admin-api-namespaces, admin-api-topics,
/// cookbooks-retention-expiry). Every "create" treats 409 Conflict as "already there".
/// </summary>
internal sealed partial class PulsarAdminClient(HttpClient http, PulsarOptions options, ILogger<PulsarAdminClient> logger)
{
    /// <summary>Tenant (allowed on the configured cluster), namespace, and the namespace's retention policy.</summary>
    public async Task EnsureNamespaceAsync(CancellationToken cancellationToken)
    {
        var tenant = PulsarTopic.Escape(options.Tenant);
        var ns = PulsarTopic.Escape(options.Namespace);
        await CreateAsync(HttpMethod.Put, $"admin/v2/tenants/{tenant}",
            new { adminRoles = Array.Empty<string>(), allowedClusters = new[] { options.Cluster } }, tolerateForbidden: true,
            cancellationToken).ConfigureAwait(false);
        await CreateAsync(HttpMethod.Put, $"admin/v2/namespaces/{tenant}/{ns}", null, tolerateForbidden: false,
            cancellationToken).ConfigureAwait(false);
        // Retention keeps acknowledged messages for a while (replay, history); without it the broker deletes
        // whatever every subscription has acknowledged.
        await CreateAsync(HttpMethod.Post, $"admin/v2/namespaces/{tenant}/{ns}/retention",
            new { retentionTimeInMinutes = options.RetentionMinutes, retentionSizeInMB = options.RetentionSizeMb },
            tolerateForbidden: false, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>A non-partitioned persistent topic.</summary>
    public Task EnsureTopicAsync(PulsarTopic topic, CancellationToken cancellationToken) =>
        CreateAsync(HttpMethod.Put, $"admin/v2/{topic.Path}", null, tolerateForbidden: false, cancellationToken);

    /// <summary>
    /// A durable subscription positioned at the earliest message. Subscribing through the WebSocket API alone would
    /// create it at the latest message and lose everything published before the first consumer connected.
    /// </summary>
    public Task EnsureSubscriptionAsync(PulsarTopic topic, string subscription, CancellationToken cancellationToken) =>
        CreateAsync(HttpMethod.Put, $"admin/v2/{topic.Path}/subscription/{PulsarTopic.Escape(subscription)}",
            new { ledgerId = -1L, entryId = -1L, partitionIndex = -1 }, tolerateForbidden: false, cancellationToken);

    private async Task CreateAsync(HttpMethod method, string path, object? body, bool tolerateForbidden, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(method, new Uri(options.AdminBase, path));
        if (!string.IsNullOrEmpty(options.Token))
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", options.Token);
        }

        if (body is not null)
        {
            request.Content = JsonContent.Create(body);
        }

        using var response = await http.SendAsync(request, cancellationToken).ConfigureAwait(false);
        if (response.IsSuccessStatusCode || response.StatusCode == HttpStatusCode.Conflict)
        {
            return;
        }

        var detail = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        if (tolerateForbidden && response.StatusCode is HttpStatusCode.Forbidden or HttpStatusCode.Unauthorized)
        {
            // Creating tenants needs super-user rights that an application token usually lacks; the tenant is then
            // expected to exist already, and the namespace call below says so if it does not.
            LogNotAllowed(logger, method.Method, path, (int)response.StatusCode);
            return;
        }

        throw new MessageBusException($"Pulsar admin {method} {path} failed with HTTP {(int)response.StatusCode}: {detail}");
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Pulsar admin {Method} {Path} was not allowed (HTTP {Status}); assuming it exists")]
    private static partial void LogNotAllowed(ILogger logger, string method, string path, int status);
}
