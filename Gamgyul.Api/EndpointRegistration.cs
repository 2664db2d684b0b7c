namespace Gamgyul.Api;

/// <summary>Every feature's endpoints, in one place.</summary>
internal static class EndpointRegistration
{
    public static IEndpointRouteBuilder MapGamgyulEndpoints(this IEndpointRouteBuilder app)
    {
        return app;
    }
}
