using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Gamgyul.Tests.Infrastructure;

namespace Gamgyul.Tests.Accounts;

public class SmtpEmailTests
{
    [Fact]
    public async Task In_smtp_mode_the_reset_link_is_sent_over_smtp_and_works()
    {
        await using var smtp = new TestSmtpServer();
        await using var api = new ApiFactory();
        await api.InitializeAsync();
        api.WithSetting("Email:Delivery", "Smtp")
            .WithSetting("Email:From", "감귤마켓 <no-reply@gamgyul.example>")
            .WithSetting("Email:Smtp:Host", "127.0.0.1")
            .WithSetting("Email:Smtp:Port", smtp.Port.ToString(System.Globalization.CultureInfo.InvariantCulture))
            .WithSetting("Email:Smtp:EnableSsl", "false");
        var session = await api.SignUpAsync();

        var requested = await api.Client().PostAsJsonAsync("/accounts/password/reset/", new { email = session.Email });
        Assert.Equal(HttpStatusCode.OK, requested.StatusCode);

        var deadline = DateTime.UtcNow.AddSeconds(15);
        while (smtp.Received.IsEmpty && DateTime.UtcNow < deadline)
        {
            await Task.Delay(50);
        }

        var mail = Assert.Single(smtp.Received);
        Assert.Equal("no-reply@gamgyul.example", mail.From);
        Assert.Equal([session.Email], mail.To);
        var link = Regex.Match(mail.DecodedBody, @"\?uid=(?<uid>[0-9a-f]{32})&token=(?<token>[A-Za-z0-9_\-]+)");
        Assert.True(link.Success, mail.Data);

        var confirmed = await api.Client().PostAsJsonAsync("/accounts/password/reset/confirm/", new
        {
            uid = link.Groups["uid"].Value,
            token = link.Groups["token"].Value,
            new_password1 = "Smtp-Delivered-Password-1",
            new_password2 = "Smtp-Delivered-Password-1",
        });
        Assert.Equal(HttpStatusCode.OK, confirmed.StatusCode);
    }
}
