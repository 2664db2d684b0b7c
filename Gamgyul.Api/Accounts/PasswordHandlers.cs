using System.Text;
using Gamgyul.Api.Email;
using Gamgyul.Api.Infrastructure;
using Gamgyul.Data.Entities;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Options;

namespace Gamgyul.Api.Accounts;

internal static class PasswordHandlers
{
    public const string ResetSent = "Password reset e-mail has been sent.";

    public static async Task<Results<Ok<PasswordChangedResponse>, ValidationProblem, UnauthorizedHttpResult>> ChangeAsync(
        PasswordChangeRequest request,
        HttpContext http,
        UserManager<User> users,
        AccountSecurity security,
        SessionIssuer sessions,
        CancellationToken cancellationToken)
    {
        var user = await users.FindByIdAsync(http.User.GetUserId().ToString());
        if (user is null || user.DeletedAt is not null)
        {
            return TypedResults.Unauthorized();
        }

        IdentityResult result;
        if (user.PasswordHash is null)
        {
            result = await users.AddPasswordAsync(user, request.NewPassword1!);
        }
        else if (string.IsNullOrEmpty(request.OldPassword))
        {
            return ValidationErrors.Field("old_password", "The current password is required.");
        }
        else
        {
            result = await users.ChangePasswordAsync(user, request.OldPassword, request.NewPassword1!);
        }

        if (!result.Succeeded)
        {
            return IdentityErrors.ToProblem(result, "new_password1");
        }

        await security.SignOutEverywhereAsync(user.Id, cancellationToken);
        var session = await sessions.StartAsync(user, http.Response, cancellationToken);
        return TypedResults.Ok(new PasswordChangedResponse("New password has been saved.", session.Access, session.Refresh,
            session.AccessExpiration, session.RefreshExpiration));
    }

    /// <summary>Always 200 with the same body, whether or not the address has an account.</summary>
    public static async Task<Ok<DetailResponse>> RequestResetAsync(
        PasswordResetRequest request,
        UserManager<User> users,
        EmailQueue mail,
        IOptions<AccountsOptions> options)
    {
        var user = await users.FindByEmailAsync(EmailRules.Normalize(request.Email!));
        if (user is { DeletedAt: null, Email: { } email })
        {
            var token = await users.GeneratePasswordResetTokenAsync(user);
            var link = QueryHelpers.AddQueryString(options.Value.PasswordResetUrl, new Dictionary<string, string?>
            {
                ["uid"] = user.Id.ToString("N"),
                ["token"] = WebEncoders.Base64UrlEncode(Encoding.UTF8.GetBytes(token)),
            });
            mail.Enqueue(new EmailMessage(email, "[감귤마켓] 비밀번호 재설정 / Password reset",
                $"""
                감귤마켓 비밀번호를 재설정하려면 아래 링크를 여세요. 링크는 {options.Value.PasswordResetTokenMinutes}분 동안 한 번만 쓸 수 있습니다.
                To choose a new password for your 감귤마켓 account, open this link (valid once, for {options.Value.PasswordResetTokenMinutes} minutes):

                {link}

                비밀번호 재설정을 요청하지 않았다면 이 메일을 무시하세요. If you did not ask for this, ignore this e-mail.
                """));
        }

        return TypedResults.Ok(new DetailResponse(ResetSent));
    }

    public static async Task<Results<Ok<DetailResponse>, ValidationProblem>> ConfirmResetAsync(
        PasswordResetConfirmRequest request,
        UserManager<User> users,
        AccountSecurity security,
        CancellationToken cancellationToken)
    {
        if (!Guid.TryParse(request.Uid, out var userId)
            || await users.FindByIdAsync(userId.ToString()) is not { DeletedAt: null } user)
        {
            return ValidationErrors.Field("uid", "Invalid value");
        }

        string token;
        try
        {
            token = Encoding.UTF8.GetString(WebEncoders.Base64UrlDecode(request.Token!));
        }
        catch (FormatException)
        {
            return ValidationErrors.Field("token", "Invalid value");
        }

        // Identity checks the token first: it carries the security stamp, which the reset changes, so a
        // link works once.
        var result = await users.ResetPasswordAsync(user, token, request.NewPassword1!);
        if (!result.Succeeded)
        {
            return result.Has(nameof(IdentityErrorDescriber.InvalidToken))
                ? ValidationErrors.Field("token", "Invalid value")
                : IdentityErrors.ToProblem(result, "new_password1");
        }

        // Whoever asked for the reset owns the mailbox: lift a lockout and end every session.
        await users.ResetAccessFailedCountAsync(user);
        await users.SetLockoutEndDateAsync(user, null);
        await security.SignOutEverywhereAsync(user.Id, cancellationToken);
        return TypedResults.Ok(new DetailResponse("Password has been reset with the new password."));
    }
}
