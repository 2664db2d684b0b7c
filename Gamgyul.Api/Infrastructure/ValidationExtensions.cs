namespace Gamgyul.Api.Infrastructure;

internal static class ValidationExtensions
{
    /// <summary>Validates the <typeparamref name="TRequest"/> body with its FluentValidation validator.</summary>
    public static RouteHandlerBuilder Validate<TRequest>(this RouteHandlerBuilder builder) =>
        builder.AddEndpointFilter<ValidationFilter<TRequest>>()
            .ProducesValidationProblem();
}
