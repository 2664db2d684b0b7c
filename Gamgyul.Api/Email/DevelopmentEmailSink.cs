using System.Collections.Concurrent;
using System.Globalization;
using System.Text;
using Microsoft.Extensions.Options;

namespace Gamgyul.Api.Email;

/// <summary>
/// Delivers nothing: keeps the latest messages in memory (tests read them through <see cref="Messages"/>),
/// logs them so that a developer finds links in the console or the Aspire dashboard, and writes them as
/// <c>.eml</c> files when <see cref="EmailOptions.SinkDirectory"/> is set.
/// </summary>
public sealed class DevelopmentEmailSink(IOptions<EmailOptions> options, ILogger<DevelopmentEmailSink> logger) : IEmailSender
{
    private const int Capacity = 500;
    private readonly ConcurrentQueue<EmailMessage> _messages = new();

    /// <summary>The messages "sent" so far, oldest first (at most the latest 500).</summary>
    public IReadOnlyList<EmailMessage> Messages => [.. _messages];

    public async Task SendAsync(EmailMessage message, CancellationToken cancellationToken)
    {
        _messages.Enqueue(message);
        while (_messages.Count > Capacity && _messages.TryDequeue(out _))
        {
        }

        logger.LogInformation("E-mail to {To}: {Subject}\n{Body}", message.To, message.Subject, message.TextBody);

        if (options.Value.SinkDirectory is { Length: > 0 } directory)
        {
            Directory.CreateDirectory(directory);
            var name = string.Create(CultureInfo.InvariantCulture, $"{DateTimeOffset.UtcNow:yyyyMMddTHHmmssfff}-{Guid.NewGuid():N}.eml");
            var eml = new StringBuilder()
                .Append("From: ").AppendLine(options.Value.From)
                .Append("To: ").AppendLine(message.To)
                .Append("Subject: ").AppendLine(message.Subject)
                .AppendLine("Content-Type: text/plain; charset=utf-8")
                .AppendLine()
                .AppendLine(message.TextBody)
                .ToString();
            await File.WriteAllTextAsync(Path.Combine(directory, name), eml, Encoding.UTF8, cancellationToken);
        }
    }
}
