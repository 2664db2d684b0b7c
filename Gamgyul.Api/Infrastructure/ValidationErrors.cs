using System.Text.Json;
using FluentValidation.Results;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Gamgyul.Api.Infrastructure;

internal static class ValidationErrors
{
    /// <summary>FluentValidation failures as the <c>errors</c> map of a problem, keyed by JSON field names.</summary>
    public static Dictionary<string, string[]> ToErrorMap(this ValidationResult result) =>
        result.Errors
            .GroupBy(e => ToJsonName(e.PropertyName))
            .ToDictionary(g => g.Key, g => g.Select(e => e.ErrorMessage).Distinct().ToArray());

    /// <summary>"Profile.DisplayName" -> "profile.display_name", the names the client sent.</summary>
    public static string ToJsonName(string propertyPath) =>
        string.Join('.', propertyPath.Split('.').Select(JsonNamingPolicy.SnakeCaseLower.ConvertName));

    /// <summary>A 400 with a single field error.</summary>
    public static ValidationProblem Field(string field, string message) =>
        TypedResults.ValidationProblem(new Dictionary<string, string[]> { [field] = [message] },
            title: "One or more fields are invalid.");
}
