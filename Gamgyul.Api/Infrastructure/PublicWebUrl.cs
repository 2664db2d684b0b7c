using System.Net;
using System.Net.Sockets;

namespace Gamgyul.Api.Infrastructure;

/// <summary>
/// Checks links that users publish (store links, image links): absolute http or https only, no credentials,
/// and no host that names this machine or a private network. Script schemes (<c>javascript:</c>,
/// <c>data:</c>) fail the scheme check. Host names are not resolved: the Api never fetches these URLs,
/// and a check against today's DNS would prove nothing about tomorrow's.
/// </summary>
public static class PublicWebUrl
{
    public const int MaxLength = 1000;

    public static bool IsValid(string? value)
    {
        if (string.IsNullOrWhiteSpace(value) || value.Length > MaxLength || value.Trim() != value)
        {
            return false;
        }

        if (!Uri.TryCreate(value, UriKind.Absolute, out var uri)
            || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps)
            || !string.IsNullOrEmpty(uri.UserInfo))
        {
            return false;
        }

        var host = uri.IdnHost.TrimEnd('.');
        if (uri.HostNameType is UriHostNameType.IPv4 or UriHostNameType.IPv6)
        {
            return IPAddress.TryParse(host.Trim('[', ']'), out var address) && IsPublic(address);
        }

        // A single-label name ("intranet", "localhost") only resolves inside some private network.
        return uri.HostNameType == UriHostNameType.Dns
            && host.Contains('.', StringComparison.Ordinal)
            && !host.EndsWith(".localhost", StringComparison.OrdinalIgnoreCase)
            && !host.EndsWith(".local", StringComparison.OrdinalIgnoreCase)
            && !host.EndsWith(".internal", StringComparison.OrdinalIgnoreCase)
            && !host.EndsWith(".home.arpa", StringComparison.OrdinalIgnoreCase);
    }

    private static bool IsPublic(IPAddress address)
    {
        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }

        if (IPAddress.IsLoopback(address) || address.Equals(IPAddress.Any) || address.Equals(IPAddress.IPv6Any))
        {
            return false;
        }

        if (address.AddressFamily == AddressFamily.InterNetwork)
        {
            var b = address.GetAddressBytes();
            return b[0] switch
            {
                0 or 10 or 127 => false,
                100 when b[1] >= 64 && b[1] <= 127 => false, // carrier-grade NAT
                169 when b[1] == 254 => false, // link-local, cloud metadata
                172 when b[1] >= 16 && b[1] <= 31 => false,
                192 when b[1] == 168 => false,
                192 when b[1] == 0 && b[2] == 0 => false,
                198 when b[1] is 18 or 19 => false, // benchmarking
                >= 224 => false, // multicast and reserved
                _ => true,
            };
        }

        return !(address.IsIPv6LinkLocal || address.IsIPv6SiteLocal || address.IsIPv6UniqueLocal || address.IsIPv6Multicast);
    }
}
