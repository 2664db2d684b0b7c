namespace Gamgyul.Api.WebClient;

/// <summary>The <c>WebClient</c> configuration section: where the built web client (Gamgyul.Web) is.</summary>
public sealed class WebClientOptions
{
    public const string SectionName = "WebClient";

    /// <summary>
    /// The folder with the client's <c>index.html</c> and <c>assets/</c>. Unset: the Api's <c>wwwroot</c>,
    /// else <c>../Gamgyul.Web/dist</c> beside the Api's content root (a repository checkout). When neither
    /// holds an <c>index.html</c>, the Api runs without the client.
    /// </summary>
    public string? RootPath { get; set; }
}
