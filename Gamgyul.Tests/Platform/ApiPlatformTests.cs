using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Gamgyul.Tests.Infrastructure;

namespace Gamgyul.Tests.Platform;

public class ApiPlatformTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    private readonly HttpClient _client = factory.CreateClient();

    [Fact]
    public async Task Health_is_healthy_when_postgres_and_redis_answer()
    {
        var response = await _client.GetAsync("/health");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Unknown_route_gets_problem_details_404()
    {
        var response = await _client.GetAsync("/no/such/route/");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(404, problem.GetProperty("status").GetInt32());
    }

    [Fact]
    public async Task OpenApi_document_is_served_with_and_without_trailing_slash()
    {
        foreach (var path in new[] { "/api/schema", "/api/schema/" })
        {
            var response = await _client.GetAsync(path);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var document = await response.Content.ReadFromJsonAsync<JsonElement>();
            Assert.StartsWith("3.", document.GetProperty("openapi").GetString());
        }
    }

    [Fact]
    public async Task Swagger_ui_is_served_at_the_original_path()
    {
        var response = await _client.GetAsync("/api/schema/swagger-ui/index.html");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("swagger-ui", await response.Content.ReadAsStringAsync(), StringComparison.OrdinalIgnoreCase);
    }
}
