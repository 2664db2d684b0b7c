using FluentValidation;
using Microsoft.Extensions.Options;

namespace Gamgyul.Api.Chats;

internal sealed class CreateRoomRequestValidator : AbstractValidator<CreateRoomRequest>
{
    public CreateRoomRequestValidator(IOptions<ChatOptions> options)
    {
        RuleFor(r => r.Handles).Cascade(CascadeMode.Stop).NotNull()
            .Must(h => h!.Count < options.Value.MaxRoomMembers)
            .WithMessage($"A room has at most {options.Value.MaxRoomMembers} members.")
            .Must(h => h!.Distinct(StringComparer.OrdinalIgnoreCase).Count() == h!.Count)
            .WithMessage("Each handle may appear once.");
        RuleForEach(r => r.Handles).NotEmpty().MaximumLength(30);
        RuleFor(r => r.Name).MaximumLength(100);
    }
}
