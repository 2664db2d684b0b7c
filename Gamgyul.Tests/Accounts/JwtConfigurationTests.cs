using Gamgyul.Tests.Infrastructure;
using Microsoft.Extensions.Options;

namespace Gamgyul.Tests.Accounts;

public class JwtConfigurationTests
{
    [Fact]
    public async Task A_missing_signing_key_outside_development_stops_start_up_with_a_clear_message()
    {
        await using var api = new ApiFactory();
        await api.InitializeAsync();
        api.WithSetting("Jwt:SigningKey", "");

        var failure = Assert.ThrowsAny<OptionsValidationException>(() => api.CreateClient());

        Assert.Contains("Jwt:SigningKey", failure.Message);
    }

    [Fact]
    public async Task Smtp_delivery_without_a_host_stops_start_up_with_a_clear_message()
    {
        await using var api = new ApiFactory();
        await api.InitializeAsync();
        api.WithSetting("Email:Delivery", "Smtp");

        var failure = Assert.ThrowsAny<OptionsValidationException>(() => api.CreateClient());

        Assert.Contains("Email:Smtp:Host", failure.Message);
    }
}
