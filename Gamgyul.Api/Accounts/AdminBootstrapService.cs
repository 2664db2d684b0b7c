using Microsoft.Extensions.Options;

namespace Gamgyul.Api.Accounts;

/// <summary>Grants the admin role to the accounts of <c>Accounts:AdminEmails</c> when the Api starts.</summary>
internal sealed class AdminBootstrapService(
    IServiceProvider services,
    IOptions<AccountsOptions> options,
    ILogger<AdminBootstrapService> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        foreach (var email in options.Value.AdminEmails.Where(e => !string.IsNullOrWhiteSpace(e)))
        {
            try
            {
                var outcome = await AdminBootstrap.GrantAsync(services, email);
                if (outcome == AdminGrantOutcome.NoSuchAccount)
                {
                    logger.LogWarning("Accounts:AdminEmails names {Email}, but no account has that address yet", email);
                }
                else if (outcome == AdminGrantOutcome.Granted)
                {
                    logger.LogInformation("Granted the admin role to {Email} (Accounts:AdminEmails)", email);
                }
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                // The Api must still start; the next start tries again.
                logger.LogError(exception, "Could not grant the admin role to {Email}", email);
            }
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
