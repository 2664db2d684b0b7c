using FluentValidation;
using Gamgyul.Api.Accounts;
using Gamgyul.Api.Media;

namespace Gamgyul.Api.Users;

/// <summary>Field rules shared by PUT and PATCH of a user.</summary>
internal static class UserRequestRules
{
    public static void HandleRule<T>(IRuleBuilder<T, string?> rule) => rule
        .Must(h => h is null || HandleRules.HasValidForm(h))
        .WithMessage($"A handle is {HandleRules.MinLength} to {HandleRules.MaxLength} characters of a-z, 0-9, '_' and '.'.")
        .Must(h => h is null || !HandleRules.IsReserved(h)).WithMessage("This handle is reserved.");

    public static void UsernameRule<T>(IRuleBuilder<T, string?> rule) => rule
        .Must(u => u is null || !string.IsNullOrWhiteSpace(u)).WithMessage("'username' must not be blank.")
        .MaximumLength(UserProfileRules.DisplayNameMaxLength);

    public static void ProfileRules<T>(AbstractValidator<T> validator, Func<T, ProfileUpdate?> profile)
    {
        validator.RuleFor(r => profile(r)!.Bio).MaximumLength(UserProfileRules.BioMaxLength)
            .OverridePropertyName("profile.bio").When(r => profile(r) is not null);
        validator.RuleFor(r => profile(r)!.Link1).MaximumLength(UserProfileRules.LinkMaxLength)
            .Must(UserProfileRules.IsLinkOrEmpty).WithMessage("Enter a valid http(s) URL.")
            .OverridePropertyName("profile.link_1").When(r => profile(r) is not null);
        validator.RuleFor(r => profile(r)!.Link2).MaximumLength(UserProfileRules.LinkMaxLength)
            .Must(UserProfileRules.IsLinkOrEmpty).WithMessage("Enter a valid http(s) URL.")
            .OverridePropertyName("profile.link_2").When(r => profile(r) is not null);
        validator.RuleFor(r => profile(r)!.ProfileImage).MaximumLength(UserProfileRules.ProfileImageMaxLength)
            .Must(i => MediaReference.TryParse(i, out _) || UserProfileRules.IsLinkOrEmpty(i))
            .WithMessage("Enter an uploaded media id or a valid http(s) URL.")
            .OverridePropertyName("profile.profile_image").When(r => profile(r) is not null);
    }
}
