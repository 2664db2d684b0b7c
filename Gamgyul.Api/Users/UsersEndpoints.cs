using Gamgyul.Api.Infrastructure;

namespace Gamgyul.Api.Users;

internal static class UsersEndpoints
{
    public static IEndpointRouteBuilder MapUsersEndpoints(this IEndpointRouteBuilder app)
    {
        var accounts = app.MapGroup("/accounts").WithTags("Users");

        accounts.MapGet("/me", UserQueryHandlers.GetMeAsync).RequireAuthorization()
            .WithName("GetMe").WithSummary("The signed-in user's own account");

        accounts.MapGet("/users", UserQueryHandlers.SearchAsync).Validate<UserSearchQuery>().RequireAuthorization()
            .WithName("ListUsers").WithSummary("Other users, newest first; ?search= matches handle or username");

        accounts.MapGet("/users/{handle}", UserQueryHandlers.GetByHandleAsync).AllowAnonymous()
            .WithName("GetUser").WithSummary("A user by handle (the owner also sees e-mail and roles)");

        accounts.MapPut("/users/{handle}", UserCommandHandlers.ReplaceAsync).Validate<ReplaceUserRequest>().RequireAuthorization()
            .WithName("ReplaceUser").WithSummary("Replace handle, username and profile (owner only)");

        accounts.MapPatch("/users/{handle}", UserCommandHandlers.UpdateAsync).Validate<UpdateUserRequest>().RequireAuthorization()
            .WithName("UpdateUser").WithSummary("Change some of handle, username and profile (owner only)");

        accounts.MapDelete("/users/{handle}", UserCommandHandlers.DeleteAsync).RequireAuthorization()
            .WithName("DeleteUser").WithSummary("Delete the account and its content (owner only)");

        return app;
    }
}
