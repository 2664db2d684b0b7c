using FluentValidation;

namespace Gamgyul.Api.Chats;

internal sealed class ReadRequestValidator : AbstractValidator<ReadRequest>
{
    public ReadRequestValidator() => RuleFor(r => r.MessageId).NotNull().NotEqual(Guid.Empty);
}
