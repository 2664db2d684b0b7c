namespace Gamgyul.Api.Infrastructure;

/// <summary>The <c>Api</c> configuration section.</summary>
public sealed class ApiOptions
{
    public const string SectionName = "Api";

    /// <summary>Largest request body accepted, in bytes (uploads go straight to storage, not through the Api).</summary>
    public long MaxRequestBodyBytes { get; set; } = 1024 * 1024;

    public CorsSettings Cors { get; set; } = new();

    public sealed class CorsSettings
    {
        /// <summary>Origins of web frontends allowed to call the Api with credentials.</summary>
        public string[] AllowedOrigins { get; set; } = [];
    }
}
