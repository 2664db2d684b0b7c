namespace Gamgyul.Api.Email;

internal static class EmailServiceExtensions
{
    /// <summary>
    /// Registers <see cref="IEmailSender"/>: SMTP, or the development sink (see <see cref="EmailOptions.Delivery"/>).
    /// SMTP without a host stops start-up with a clear message rather than losing mail silently.
    /// </summary>
    public static WebApplicationBuilder AddGamgyulEmail(this WebApplicationBuilder builder)
    {
        var section = builder.Configuration.GetSection(EmailOptions.SectionName);
        var configured = section.Get<EmailOptions>() ?? new EmailOptions();
        var delivery = configured.Delivery
            ?? (builder.Environment.IsDevelopment() || builder.Environment.IsEnvironment("Testing")
                ? EmailDelivery.Sink
                : EmailDelivery.Smtp);

        builder.Services.AddOptions<EmailOptions>()
            .Bind(section)
            .Validate(o => delivery != EmailDelivery.Smtp || !string.IsNullOrWhiteSpace(o.Smtp.Host),
                "Email:Smtp:Host is not configured. Set the SMTP relay (Email__Smtp__Host, Email__Smtp__Port, "
                + "Email__Smtp__UserName, Email__Smtp__Password), or Email:Delivery=Sink to keep mail local.")
            .ValidateOnStart();

        if (delivery == EmailDelivery.Sink)
        {
            builder.Services.AddSingleton<DevelopmentEmailSink>();
            builder.Services.AddSingleton<IEmailSender>(sp => sp.GetRequiredService<DevelopmentEmailSink>());
        }
        else
        {
            builder.Services.AddSingleton<IEmailSender, SmtpEmailSender>();
        }

        builder.Services.AddSingleton<EmailQueue>();
        builder.Services.AddHostedService<EmailDispatcher>();
        return builder;
    }
}
