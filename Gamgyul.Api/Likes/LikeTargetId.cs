using FluentValidation;
using Gamgyul.Api.Social;

namespace Gamgyul.Api.Likes;

internal static class LikeTargetId
{
    /// <summary>The target's id from the body or the query, or the 400 to answer.</summary>
    public static async Task<(Guid? Id, IResult? Error)> ResolveAsync(LikeKind kind, LikeRequest? body, string? query,
        IValidator<LikeRequest> validator, CancellationToken cancellationToken)
    {
        var field = FieldName(kind);
        if (body is not null)
        {
            var result = await validator.ValidateAsync(body, cancellationToken);
            if (!result.IsValid)
            {
                var error = result.Errors[0];
                return (null, Problems.Invalid(System.Text.Json.JsonNamingPolicy.SnakeCaseLower.ConvertName(error.PropertyName), error.ErrorMessage));
            }
        }

        var raw = kind switch
        {
            LikeKind.Post => body?.PostUuid,
            LikeKind.Comment => body?.CommentUuid,
            _ => body?.ReplyUuid,
        } ?? body?.Uuid ?? query;
        if (raw is null)
        {
            return (null, Problems.Invalid(field, $"Name the target as {field} in the body or as ?uuid=."));
        }

        return Guid.TryParse(raw, out var id) ? (id, null) : (null, Problems.Invalid(query == raw ? "uuid" : field, "Must be a uuid."));
    }

    public static string FieldName(LikeKind kind) => kind switch
    {
        LikeKind.Post => "post_uuid",
        LikeKind.Comment => "comment_uuid",
        _ => "reply_uuid",
    };
}
