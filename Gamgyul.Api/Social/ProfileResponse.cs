using System.Text.Json.Serialization;

namespace Gamgyul.Api.Social;

/// <summary>The nested <c>profile</c> of a user, in the original contract's shape.</summary>
public sealed record ProfileResponse(
    string Bio,
    [property: JsonPropertyName("link_1")] string Link1,
    [property: JsonPropertyName("link_2")] string Link2,
    string ProfileImage);
