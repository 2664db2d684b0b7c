namespace Gamgyul.AppHost.Infrastructure;

/// <summary>
/// The chosen infrastructure cannot run on this machine; the message says what to install or change.
/// </summary>
public sealed class InfrastructureUnavailableException : Exception
{
    public InfrastructureUnavailableException()
    {
    }

    public InfrastructureUnavailableException(string message)
        : base(message)
    {
    }

    public InfrastructureUnavailableException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
