namespace Gamgyul.Media.Imaging;

/// <summary>What the header of an upload says, before any pixel is decoded.</summary>
/// <param name="Width">Width as displayed, after the EXIF orientation is applied.</param>
/// <param name="Height">Height as displayed, after the EXIF orientation is applied.</param>
public sealed record ImageHeader(ImageFormat Format, int Width, int Height, int Orientation)
{
    public long Pixels => (long)Width * Height;
}
