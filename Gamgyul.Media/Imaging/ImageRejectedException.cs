namespace Gamgyul.Media.Imaging;

/// <summary>The upload is not an image we accept; the message is shown to the uploader as it is.</summary>
public sealed class ImageRejectedException(string message, Exception? inner = null) : Exception(message, inner);
