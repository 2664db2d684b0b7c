namespace Gamgyul.Api.Media;

/// <summary>The images to store, or the field and message of the first reference that may not be attached.</summary>
public sealed record ImageResolution(IReadOnlyList<ResolvedImage> Images, string? ErrorField, string? ErrorMessage)
{
    public bool Failed => ErrorField is not null;
}
