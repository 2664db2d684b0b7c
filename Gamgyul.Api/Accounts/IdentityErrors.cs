using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;

namespace Gamgyul.Api.Accounts;

/// <summary>Identity's errors as a 400 problem whose <c>errors</c> map names the request's fields.</summary>
internal static class IdentityErrors
{
    public static ValidationProblem ToProblem(IdentityResult result, string passwordField = "password")
    {
        var errors = result.Errors
            .GroupBy(e => FieldOf(e.Code, passwordField))
            .ToDictionary(g => g.Key, g => g.Select(e => e.Description).Distinct().ToArray());
        return TypedResults.ValidationProblem(errors, title: "One or more fields are invalid.");
    }

    public static bool Has(this IdentityResult result, string code) => result.Errors.Any(e => e.Code == code);

    private static string FieldOf(string code, string passwordField) => code switch
    {
        nameof(IdentityErrorDescriber.DuplicateUserName) or nameof(IdentityErrorDescriber.InvalidUserName)
            or AccountErrorCodes.InvalidHandle or AccountErrorCodes.ReservedHandle => "handle",
        nameof(IdentityErrorDescriber.DuplicateEmail) or nameof(IdentityErrorDescriber.InvalidEmail) => "email",
        nameof(IdentityErrorDescriber.PasswordMismatch) => "old_password",
        nameof(IdentityErrorDescriber.InvalidToken) => "token",
        _ when code.StartsWith("Password", StringComparison.Ordinal) => passwordField,
        _ => "non_field_errors",
    };
}
