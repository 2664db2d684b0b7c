using System.Net.Mail;

namespace Gamgyul.Api.Email;

internal static class MailAddressParser
{
    /// <summary>Parses <c>Name &lt;address&gt;</c> or a bare address.</summary>
    public static MailAddress Parse(string value)
    {
        var open = value.LastIndexOf('<');
        var close = value.LastIndexOf('>');
        return open >= 0 && close > open
            ? new MailAddress(value[(open + 1)..close].Trim(), value[..open].Trim())
            : new MailAddress(value.Trim());
    }
}
