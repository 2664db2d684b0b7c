namespace Gamgyul.Messaging;

/// <summary>The broker refused an operation or could not be reached in time.</summary>
public class MessageBusException : Exception
{
    public MessageBusException(string message) : base(message)
    {
    }

    public MessageBusException(string message, Exception innerException) : base(message, innerException)
    {
    }
}
