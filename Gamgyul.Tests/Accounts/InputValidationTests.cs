using System.Net;
using System.Net.Http.Json;
using System.Text;
using Gamgyul.Tests.Infrastructure;

namespace Gamgyul.Tests.Accounts;

public class InputValidationTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    public static TheoryData<string, string> BadRegistrations => new()
    {
        // body, field expected in errors
        { """{"username":"귤","password1":"Mandarin-Orchard-77","password2":"Mandarin-Orchard-77"}""", "email" },
        { """{"email":"a@example.test","password1":"Mandarin-Orchard-77","password2":"Mandarin-Orchard-77"}""", "username" },
        { """{"email":"a@example.test","username":"귤"}""", "password" },
        { """{"email":"not-an-email","username":"귤","password":"Mandarin-Orchard-77"}""", "email" },
        { """{"email":"two@at@example.test","username":"귤","password":"Mandarin-Orchard-77"}""", "email" },
        { $$"""{"email":"{{new string('a', 250)}}@example.test","username":"귤","password":"Mandarin-Orchard-77"}""", "email" },
        { $$"""{"email":"a@example.test","username":"{{new string('귤', 31)}}","password":"Mandarin-Orchard-77"}""", "username" },
        { $$"""{"email":"a@example.test","username":"귤","password":"{{new string('x', 129)}}"}""", "password" },
        { """{"email":"a@example.test","username":"   ","password":"Mandarin-Orchard-77"}""", "username" },
        { """{"email":"a@example.test","username":"귤","password1":"Mandarin-Orchard-77","password2":"Different-Orchard-77"}""", "password2" },
        { """{"email":"a@example.test","username":"귤","password":"short1"}""", "password" },
        { """{"email":"a@example.test","username":"귤","password":"8675309123"}""", "password" },
        { """{"email":"a@example.test","username":"귤","password":"password123"}""", "password" },
        { """{"email":"a@example.test","username":"귤","password":"qwer1234"}""", "password" },
        { """{"email":"kimtangerine@example.test","username":"귤","password":"kimtangerine7"}""", "password" },
        { """{"email":"a@example.test","username":"귤","password1":"12345678","password2":"12345678"}""", "password1" },
    };

    [Theory]
    [MemberData(nameof(BadRegistrations))]
    public async Task Bad_registration_input_is_400_with_field_errors_and_creates_nothing(string body, string field)
    {
        var users = await factory.CountUsersAsync();
        var tokens = await factory.CountRefreshTokensAsync();

        var response = await factory.Client().PostAsync("/accounts/registration/", new StringContent(body, Encoding.UTF8, "application/json"));

        await response.AssertProblemAsync(HttpStatusCode.BadRequest, field);
        Assert.Equal(users, await factory.CountUsersAsync());
        Assert.Equal(tokens, await factory.CountRefreshTokensAsync());
    }

    [Fact]
    public async Task Registering_an_address_twice_is_refused_case_insensitively()
    {
        var email = AccountsApi.NewEmail("twice");
        await factory.SignUpAsync(email);
        var users = await factory.CountUsersAsync();

        var response = await factory.Client().RegisterAsync(email.ToUpperInvariant());

        await response.AssertProblemAsync(HttpStatusCode.BadRequest, "email");
        Assert.Equal(users, await factory.CountUsersAsync());
    }

    [Fact]
    public async Task Registration_accepts_a_single_password_field()
    {
        var email = AccountsApi.NewEmail("single");

        var response = await factory.Client().PostAsJsonAsync("/accounts/registration/",
            new { email, username = "한 필드", password = AccountsApi.Password });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await factory.Client().LoginAsync(email)).StatusCode);
    }

    [Fact]
    public async Task Malformed_json_to_login_is_a_problem_details_400_and_creates_nothing()
    {
        var session = await factory.SignUpAsync();
        var users = await factory.CountUsersAsync();
        var tokens = await factory.CountRefreshTokensAsync();

        var response = await factory.Client().PostAsync("/accounts/login/",
            new StringContent($$"""{"email": "{{session.Email}}", "password": """, Encoding.UTF8, "application/json"));

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains("JSON", problem.GetProperty("detail").GetString());
        Assert.NotEmpty(problem.GetProperty("errors").EnumerateObject());
        Assert.False(response.Headers.Contains("Set-Cookie"));
        Assert.Equal(users, await factory.CountUsersAsync());
        Assert.Equal(tokens, await factory.CountRefreshTokensAsync());
    }

    [Fact]
    public async Task Malformed_json_to_registration_creates_nothing()
    {
        var users = await factory.CountUsersAsync();

        var response = await factory.Client().PostAsync("/accounts/registration/",
            new StringContent("""{"email": "x@example.test", "username": ["not", "a", "string"]}""", Encoding.UTF8, "application/json"));

        await response.AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal(users, await factory.CountUsersAsync());
    }

    [Theory]
    [InlineData("""{"password":"Mandarin-Orchard-77"}""", "email")]
    [InlineData("""{"email":"x@example.test"}""", "password")]
    [InlineData("""{"email":"nope","password":"Mandarin-Orchard-77"}""", "email")]
    public async Task Bad_login_input_is_400_with_field_errors(string body, string field)
    {
        var tokens = await factory.CountRefreshTokensAsync();

        var response = await factory.Client().PostAsync("/accounts/login/", new StringContent(body, Encoding.UTF8, "application/json"));

        await response.AssertProblemAsync(HttpStatusCode.BadRequest, field);
        Assert.Equal(tokens, await factory.CountRefreshTokensAsync());
    }

    [Fact]
    public async Task An_oversized_refresh_token_is_400()
    {
        var response = await factory.Client().RefreshAsync(new string('r', 500));

        await response.AssertProblemAsync(HttpStatusCode.BadRequest, "refresh");
    }
}
