using Gamgyul.Api.Social;
using Gamgyul.Data.Entities;

namespace Gamgyul.Api.Products;

/// <summary>A product with its owner (the original hid it) and an exact price in its currency.</summary>
public sealed record ProductResponse(
    Guid Uuid,
    UserSummaryResponse User,
    string Name,
    string Description,
    decimal Price,
    string Currency,
    string ProductImageLink,
    IReadOnlyList<string> Images,
    string ProductLink,
    ContentStatus Status,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt);
