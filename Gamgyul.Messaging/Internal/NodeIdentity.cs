namespace Gamgyul.Messaging.Internal;

/// <summary>Names this process on the bus: broadcast subscriptions and consumer names are per node.</summary>
internal static class NodeIdentity
{
    /// <summary>
    /// The configured name (or the machine name) plus a random suffix. The suffix keeps two processes on one machine,
    /// or a restarted process, from sharing a broadcast subscription and stealing each other's messages.
    /// </summary>
    public static string Create(string? configured)
    {
        var baseName = string.IsNullOrWhiteSpace(configured) ? Environment.MachineName : configured;
        var safe = new string(baseName.ToLowerInvariant()
            .Select(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' ? c : '-')
            .Take(40)
            .ToArray());
        return $"{(safe.Length == 0 ? "node" : safe)}-{Guid.NewGuid().ToString("N")[..8]}";
    }
}
