using System.Text.Json;
using System.Text.Json.Serialization;
using FluentValidation;
using Gamgyul.Api.Infrastructure.RateLimiting;
using Microsoft.AspNetCore.Http.Json;

namespace Gamgyul.Api.Infrastructure;

/// <summary>The HTTP edge shared by every feature: JSON, errors, OpenAPI, CORS and limits.</summary>
internal static class ApiPlatformExtensions
{
    public const string RedisConnectionName = "cache";
    public const string OpenApiDocumentPath = "/api/schema";
    public const string SwaggerUiPrefix = "api/schema/swagger-ui";
    private const string CorsPolicyName = "frontend";

    public static WebApplicationBuilder AddApiPlatform(this WebApplicationBuilder builder)
    {
        var options = builder.Configuration.GetSection(ApiOptions.SectionName).Get<ApiOptions>() ?? new ApiOptions();
        builder.Services.Configure<ApiOptions>(builder.Configuration.GetSection(ApiOptions.SectionName));

        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Limits.MaxRequestBodySize = options.MaxRequestBodyBytes);

        builder.Services.Configure<JsonOptions>(json => ConfigureJson(json.SerializerOptions));
        // Unreadable bodies (malformed JSON, wrong types) throw, so ProblemExceptionHandler can say what was wrong.
        builder.Services.Configure<RouteHandlerOptions>(routes => routes.ThrowOnBadRequest = true);

        builder.Services.AddProblemDetails(problems => problems.CustomizeProblemDetails = context =>
            context.ProblemDetails.Extensions.TryAdd("trace_id", context.HttpContext.TraceIdentifier));
        builder.Services.AddExceptionHandler<ProblemExceptionHandler>();

        builder.Services.AddValidatorsFromAssemblyContaining<ApiEntryPoint>(includeInternalTypes: true);
        builder.Services.AddOpenApi();

        builder.AddGamgyulRateLimiting();

        builder.Services.AddCors(cors => cors.AddPolicy(CorsPolicyName, policy => policy
            .WithOrigins(options.Cors.AllowedOrigins)
            .AllowAnyHeader()
            .AllowAnyMethod()
            .AllowCredentials()));

        return builder;
    }

    public static WebApplication UseApiPlatform(this WebApplication app)
    {
        app.UseExceptionHandler();
        // Status codes without a body (404 for an unknown route, 405, ...) get a problem-details body too.
        app.UseStatusCodePages();

        // Swagger UI serves its own folder-style paths, so it runs before trailing slashes are stripped.
        app.UseSwaggerUI(ui =>
        {
            ui.RoutePrefix = SwaggerUiPrefix;
            ui.SwaggerEndpoint(OpenApiDocumentPath, "Gamgyul API");
            ui.DocumentTitle = "Gamgyul API";
        });
        app.UseMiddleware<TrailingSlashMiddleware>();
        app.UseRouting();
        app.UseCors(CorsPolicyName);
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseRateLimiter();

        app.MapOpenApi(OpenApiDocumentPath).AllowAnonymous();
        return app;
    }

    /// <summary>snake_case names and enum values, as the original web frontend expects.</summary>
    public static void ConfigureJson(JsonSerializerOptions json)
    {
        json.PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower;
        json.DictionaryKeyPolicy = JsonNamingPolicy.SnakeCaseLower;
        json.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower));
    }
}
