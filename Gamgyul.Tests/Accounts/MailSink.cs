using System.Text.RegularExpressions;
using Gamgyul.Api.Email;
using Gamgyul.Tests.Infrastructure;

namespace Gamgyul.Tests.Accounts;

/// <summary>Reads what the Api "sent" through its development mail sink.</summary>
internal static partial class MailSink
{
    /// <summary>Waits for the message to <paramref name="to"/> that the Api's background dispatcher delivers.</summary>
    public static async Task<EmailMessage> WaitForMailAsync(this ApiFactory factory, string to, int count = 1)
    {
        var sink = factory.Services.GetRequiredService<DevelopmentEmailSink>();
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (DateTime.UtcNow < deadline)
        {
            var messages = sink.Messages.Where(m => m.To == to).ToList();
            if (messages.Count >= count)
            {
                return messages[count - 1];
            }

            await Task.Delay(50);
        }

        throw new TimeoutException($"No e-mail number {count} to {to} arrived.");
    }

    public static IReadOnlyList<EmailMessage> MailTo(this ApiFactory factory, string to) =>
        factory.Services.GetRequiredService<DevelopmentEmailSink>().Messages.Where(m => m.To == to).ToList();

    /// <summary>The <c>uid</c> and <c>token</c> of the reset link in the message.</summary>
    public static (string Uid, string Token) ResetLink(this EmailMessage message)
    {
        var match = LinkPattern().Match(message.TextBody);
        Assert.True(match.Success, "No reset link in: " + message.TextBody);
        return (match.Groups["uid"].Value, match.Groups["token"].Value);
    }

    [GeneratedRegex(@"\?uid=(?<uid>[0-9a-f]{32})&token=(?<token>[A-Za-z0-9_\-]+)")]
    private static partial Regex LinkPattern();
}
