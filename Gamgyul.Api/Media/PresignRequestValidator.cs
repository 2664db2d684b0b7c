using FluentValidation;
using Gamgyul.Media.Imaging;
using Microsoft.Extensions.Options;

namespace Gamgyul.Api.Media;

internal sealed class PresignRequestValidator : AbstractValidator<PresignRequest>
{
    public PresignRequestValidator(IOptions<MediaOptions> options)
    {
        var max = options.Value.MaxUploadBytes;
        RuleFor(r => r.Purpose).NotEmpty().Must(p => MediaPurposes.TryParse(p, out _))
            .WithMessage($"Purpose is one of: {string.Join(", ", MediaPurposes.Names)}.");
        RuleFor(r => r.ContentType).NotEmpty().Must(t => ImageFormat.FromContentType(t) is not null)
            .WithMessage($"Supported types: {string.Join(", ", ImageFormat.All.Select(f => f.ContentType))}.");
        RuleFor(r => r.Size).NotNull().InclusiveBetween(1, max)
            .WithMessage($"An image is 1 to {max} bytes ({max / (1024.0 * 1024):0.#} MiB).");
    }
}
