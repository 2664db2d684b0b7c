namespace Gamgyul.Api.Infrastructure;

internal static class ValidationExtensions
{
    /// <summary>Validates the <typeparamref name="TRequest"/> body with its FluentValidation validator.</summary>
    public static RouteHandlerBuilder Validate<TRequest>(this RouteHandlerBuilder builder) =>
        builder.AddEndpointFilter<ValidationFilter<TRequest>>()
            .ProducesValidationProblem();

    /// <summary>Validates the <typeparamref name="TRequest"/> body when there is one; no body is allowed.</summary>
    public static RouteHandlerBuilder ValidateIfPresent<TRequest>(this RouteHandlerBuilder builder) =>
        builder.AddEndpointFilter<OptionalValidationFilter<TRequest>>()
            .ProducesValidationProblem();
}
