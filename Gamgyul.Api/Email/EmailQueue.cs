using System.Threading.Channels;

namespace Gamgyul.Api.Email;

/// <summary>
/// Mail to send in the background. Endpoints only enqueue, so that a request that sends mail takes as long
/// as one that does not (a password reset must not reveal by its timing whether the address has an
/// account) and a slow SMTP relay never holds a request.
/// </summary>
public sealed class EmailQueue
{
    private readonly Channel<EmailMessage> _channel = Channel.CreateBounded<EmailMessage>(
        new BoundedChannelOptions(10_000) { FullMode = BoundedChannelFullMode.DropWrite, SingleReader = true });

    public bool Enqueue(EmailMessage message) => _channel.Writer.TryWrite(message);

    internal ChannelReader<EmailMessage> Reader => _channel.Reader;
}
