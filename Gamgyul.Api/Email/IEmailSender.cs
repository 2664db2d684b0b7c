namespace Gamgyul.Api.Email;

/// <summary>Sends transactional e-mail (password resets, notices). Chosen by <c>Email:Delivery</c>.</summary>
public interface IEmailSender
{
    Task SendAsync(EmailMessage message, CancellationToken cancellationToken);
}
