using FluentValidation;

namespace Gamgyul.Api.Chats;

internal sealed class ChatSettingsRequestValidator : AbstractValidator<ChatSettingsRequest>
{
    public ChatSettingsRequestValidator() => RuleFor(r => r.WhoCanMessage).NotNull().IsInEnum();
}
