namespace Gamgyul.Api.Posts;

internal sealed class PostPatchRequestValidator : PostFieldsValidator<PostPatchRequest>;
