using System.Text.Json.Serialization;

namespace Gamgyul.Api.Users;

/// <summary>The public profile, as the original API shaped it.</summary>
public sealed record ProfileResponse(
    string Bio,
    [property: JsonPropertyName("link_1")] string Link1,
    [property: JsonPropertyName("link_2")] string Link2,
    string ProfileImage);
