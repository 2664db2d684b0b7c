namespace Gamgyul.Media.Imaging;

/// <summary>One rendition, encoded and stripped of metadata, ready to store.</summary>
public sealed record EncodedVariant(int Width, int Height, string ContentType, string Extension, byte[] Content);
