using FluentValidation;

namespace Gamgyul.Api.Infrastructure;

/// <summary>
/// Like <see cref="ValidationFilter{TRequest}"/>, for endpoints whose JSON body may be left out entirely
/// (for example when the value can come from a cookie instead): no body passes, a body is validated.
/// </summary>
internal sealed class OptionalValidationFilter<TRequest>(IValidator<TRequest> validator) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var request = context.Arguments.OfType<TRequest>().FirstOrDefault();
        if (request is null)
        {
            return await next(context);
        }

        var result = await validator.ValidateAsync(request, context.HttpContext.RequestAborted);
        return result.IsValid
            ? await next(context)
            : TypedResults.ValidationProblem(result.ToErrorMap(), title: "One or more fields are invalid.");
    }
}
