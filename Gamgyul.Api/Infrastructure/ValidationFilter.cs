using FluentValidation;

namespace Gamgyul.Api.Infrastructure;

/// <summary>
/// Runs the FluentValidation validator of the endpoint's <typeparamref name="TRequest"/> argument and
/// answers 400 with an <c>errors</c> map (snake_case field names, as in the JSON) when it fails.
/// </summary>
internal sealed class ValidationFilter<TRequest>(IValidator<TRequest> validator) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var request = context.Arguments.OfType<TRequest>().FirstOrDefault();
        if (request is null)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest,
                title: "Malformed request", detail: "A JSON request body is required.");
        }

        var result = await validator.ValidateAsync(request, context.HttpContext.RequestAborted);
        if (result.IsValid)
        {
            return await next(context);
        }

        return TypedResults.ValidationProblem(result.ToErrorMap(), title: "One or more fields are invalid.");
    }
}
