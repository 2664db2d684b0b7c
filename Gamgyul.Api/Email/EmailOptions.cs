namespace Gamgyul.Api.Email;

/// <summary>The <c>Email</c> configuration section.</summary>
public sealed class EmailOptions
{
    public const string SectionName = "Email";

    /// <summary>
    /// <c>Smtp</c> sends through <see cref="Smtp"/>; <c>Sink</c> keeps messages in memory and the log (and
    /// in <see cref="SinkDirectory"/> when set) for development and tests. Unset: <c>Sink</c> in the
    /// Development and Testing environments, <c>Smtp</c> everywhere else.
    /// </summary>
    public EmailDelivery? Delivery { get; set; }

    /// <summary>The sender address of every message.</summary>
    public string From { get; set; } = "감귤마켓 <no-reply@gamgyul.local>";

    /// <summary>Where the sink also writes each message as an <c>.eml</c> file; optional.</summary>
    public string? SinkDirectory { get; set; }

    public SmtpSettings Smtp { get; set; } = new();

    public sealed class SmtpSettings
    {
        public string Host { get; set; } = string.Empty;
        public int Port { get; set; } = 587;
        public bool EnableSsl { get; set; } = true;
        public string? UserName { get; set; }
        public string? Password { get; set; }
        public int TimeoutSeconds { get; set; } = 30;
    }
}
