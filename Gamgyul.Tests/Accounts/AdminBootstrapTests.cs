using System.Diagnostics;
using System.Net;
using Gamgyul.Api.Accounts;
using Gamgyul.Data.Entities;
using Gamgyul.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Gamgyul.Tests.Accounts;

public class AdminBootstrapTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    [Fact]
    public async Task The_grant_admin_command_of_the_real_api_executable_makes_an_account_admin()
    {
        var session = await factory.SignUpAsync();

        var (exitCode, output) = await RunApiAsync("grant-admin", session.Email);

        Assert.True(exitCode == 0, output);
        Assert.Contains("is now an admin", output);
        Assert.True(await IsAdminAsync(session.Email));
        // A new sign-in carries the role.
        var login = Session.From(await (await factory.Client().LoginAsync(session.Email)).JsonAsync(), session.Email);
        var me = await (await factory.Client().WithBearer(login.Access).GetAsync("/accounts/me")).JsonAsync();
        Assert.True(me.GetProperty("is_staff").GetBoolean());
    }

    [Fact]
    public async Task The_grant_admin_command_fails_for_an_unknown_address_and_explains_usage()
    {
        var unknown = new StringWriter();
        Assert.Equal(1, await AdminBootstrap.RunCommandAsync(factory.Services, ["grant-admin", AccountsApi.NewEmail("ghost")], unknown));
        Assert.Contains("Sign up first", unknown.ToString());

        var usage = new StringWriter();
        Assert.Equal(2, await AdminBootstrap.RunCommandAsync(factory.Services, ["grant-admin"], usage));
        Assert.Contains("usage", usage.ToString());
        Assert.Null(await AdminBootstrap.RunCommandAsync(factory.Services, [], TextWriter.Null));
    }

    [Fact]
    public async Task Accounts_admin_emails_grants_the_role_at_start_up()
    {
        var first = await factory.SignUpAsync();
        var second = await factory.SignUpAsync();

        // Another Api host on the same database, configured with the addresses.
        await using var restarted = new ApiFactory()
            .WithSetting("ConnectionStrings:db", factory.DatabaseConnectionString)
            .WithSetting("ConnectionStrings:cache", factory.RedisConnectionString)
            .WithSetting("Accounts:AdminEmails:0", first.Email)
            .WithSetting("Accounts:AdminEmails:1", AccountsApi.NewEmail("not-yet-registered"));
        Assert.Equal(HttpStatusCode.OK, (await restarted.Client().GetAsync("/health")).StatusCode);

        Assert.True(await IsAdminAsync(first.Email));
        Assert.False(await IsAdminAsync(second.Email));
    }

    private async Task<bool> IsAdminAsync(string email)
    {
        await using var db = factory.CreateDbContext();
        var user = await db.Users.SingleAsync(u => u.NormalizedEmail == email.ToUpperInvariant());
        return await db.UserRoles.AnyAsync(r => r.UserId == user.Id && r.RoleId == SystemRoles.AdminId);
    }

    private async Task<(int ExitCode, string Output)> RunApiAsync(params string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = AppContext.BaseDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "Gamgyul.Api.dll"));
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Testing";
        start.Environment["ConnectionStrings__db"] = factory.DatabaseConnectionString;
        start.Environment["ConnectionStrings__cache"] = factory.RedisConnectionString;
        start.Environment["Jwt__SigningKey"] = "test-signing-key-0123456789-abcdefghijklmnopqrstuvwxyz";

        using var process = Process.Start(start)!;
        // A cold process builds the EF model first: seconds alone, much longer beside a parallel test run.
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(4));
        var stdout = process.StandardOutput.ReadToEndAsync(timeout.Token);
        var stderr = process.StandardError.ReadToEndAsync(timeout.Token);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }

        return (process.ExitCode, await stdout + await stderr);
    }
}
