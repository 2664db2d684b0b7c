using System.Text.Json.Serialization;

namespace Gamgyul.Api.Users;

/// <summary>Profile fields to change; a field left out (null) keeps its value, "" clears it.</summary>
public sealed record ProfileUpdate(
    string? Bio,
    [property: JsonPropertyName("link_1")] string? Link1,
    [property: JsonPropertyName("link_2")] string? Link2,
    string? ProfileImage);
