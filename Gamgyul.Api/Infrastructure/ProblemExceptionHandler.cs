using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;

namespace Gamgyul.Api.Infrastructure;

/// <summary>
/// Turns exceptions into RFC 9457 problem details. Malformed requests (bad JSON, wrong content type, a
/// body over the limit) are the client's fault and get their 4xx; anything else is a 500 whose details
/// stay in the logs, never in the response.
/// </summary>
internal sealed class ProblemExceptionHandler(IProblemDetailsService problemDetails, IHostEnvironment environment)
    : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken cancellationToken)
    {
        var (status, title, detail) = exception switch
        {
            BadHttpRequestException bad => (bad.StatusCode, "Malformed request", ClientMessage(bad)),
            OperationCanceledException when context.RequestAborted.IsCancellationRequested =>
                (499, "Client closed request", null),
            _ => (StatusCodes.Status500InternalServerError, "An unexpected error occurred",
                environment.IsDevelopment() ? exception.ToString() : null),
        };

        context.Response.StatusCode = status;
        var problem = new ProblemDetails { Status = status, Title = title, Detail = detail };
        if (exception is BadHttpRequestException && detail is not null)
        {
            problem.Extensions["errors"] = new Dictionary<string, string[]> { [FieldOf(exception)] = [detail] };
        }

        return await problemDetails.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            Exception = exception,
            ProblemDetails = problem,
        });
    }

    // "$.profile.bio" -> "profile.bio"; the whole body when the JSON path says nothing more.
    private static string FieldOf(Exception exception) =>
        exception.InnerException is System.Text.Json.JsonException { Path: { Length: > 2 } path } && path.StartsWith("$.", StringComparison.Ordinal)
            ? path[2..]
            : "body";

    // The framework's own message names the parameter and the problem (e.g. invalid JSON) without internals.
    private static string ClientMessage(BadHttpRequestException exception) =>
        exception.InnerException is System.Text.Json.JsonException json
            ? $"The request body is not valid JSON: {json.Message}"
            : exception.Message;
}
