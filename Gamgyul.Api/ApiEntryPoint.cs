namespace Gamgyul.Api;

/// <summary>
/// Names the Api assembly for WebApplicationFactory and assembly scanning. (The top-level <c>Program</c>
/// cannot serve: the AppHost has one too, and tests reference both.)
/// </summary>
public sealed class ApiEntryPoint
{
    private ApiEntryPoint()
    {
    }
}
