using Gamgyul.Api.Accounts;
using Gamgyul.Api.Chats;
using Gamgyul.Api.Comments;
using Gamgyul.Api.Feed;
using Gamgyul.Api.Follows;
using Gamgyul.Api.Likes;
using Gamgyul.Api.Media;
using Gamgyul.Api.Posts;
using Gamgyul.Api.Products;
using Gamgyul.Api.Reports;
using Gamgyul.Api.Search;
using Gamgyul.Api.Users;

namespace Gamgyul.Api;

/// <summary>Every feature's endpoints, in one place.</summary>
internal static class EndpointRegistration
{
    public static IEndpointRouteBuilder MapGamgyulEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapAccountsEndpoints();
        app.MapUsersEndpoints();
        app.MapPostEndpoints();
        app.MapFeedEndpoints();
        app.MapFollowEndpoints();
        app.MapCommentEndpoints();
        app.MapLikeEndpoints();
        app.MapProductEndpoints();
        app.MapReportEndpoints();
        app.MapSearchEndpoints();
        app.MapChatEndpoints();
        app.MapMediaEndpoints();
        return app;
    }
}
