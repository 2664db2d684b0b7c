namespace Gamgyul.Media.Imaging;

/// <summary>The result of the pipeline: upright dimensions of the original, its variants and a BlurHash.</summary>
public sealed record ProcessedImage(ImageFormat Format, int Width, int Height, IReadOnlyList<EncodedVariant> Variants, string Placeholder);
