using FluentValidation;

namespace Gamgyul.Api.Chats;

internal sealed class UpdateRoomRequestValidator : AbstractValidator<UpdateRoomRequest>
{
    public UpdateRoomRequestValidator()
    {
        RuleFor(r => r.Name).MaximumLength(100);
        RuleForEach(r => r.Add).NotEmpty().MaximumLength(30);
        RuleForEach(r => r.Remove).NotEmpty().MaximumLength(30);
        RuleForEach(r => r.Handles).NotEmpty().MaximumLength(30);
        RuleFor(r => r.Handles).Null()
            .When(r => r.Add is not null || r.Remove is not null)
            .WithMessage("Send either handles (the whole member list) or add/remove, not both.");
        RuleFor(r => r)
            .Must(r => r.Name is not null || r.Add is not null || r.Remove is not null || r.Handles is not null)
            .WithName("body")
            .WithMessage("Nothing to change: send name, add, remove or handles.");
    }
}
