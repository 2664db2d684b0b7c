using System.Text;

namespace Gamgyul.Tests.Infrastructure;

/// <summary>A message as the test SMTP server received it: envelope and raw data.</summary>
public sealed record ReceivedMail(string From, IReadOnlyList<string> To, string Data)
{
    /// <summary>The body, decoded when the sender used base64 (it does for UTF-8 text).</summary>
    public string DecodedBody
    {
        get
        {
            var split = Data.IndexOf("\r\n\r\n", StringComparison.Ordinal);
            var headers = Data[..split];
            var body = Data[(split + 4)..];
            return headers.Contains("Content-Transfer-Encoding: base64", StringComparison.OrdinalIgnoreCase)
                ? Encoding.UTF8.GetString(Convert.FromBase64String(body.Replace("\r\n", "", StringComparison.Ordinal)))
                : body;
        }
    }
}
