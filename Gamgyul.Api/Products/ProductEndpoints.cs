using Gamgyul.Api.Infrastructure;
using Gamgyul.Api.Reports;
using Gamgyul.Api.Search;

namespace Gamgyul.Api.Products;

public static class ProductEndpoints
{
    public static IEndpointRouteBuilder MapProductEndpoints(this IEndpointRouteBuilder app)
    {
        var products = app.MapGroup("/products").WithTags("Products");

        products.MapPost("", ProductWriteHandlers.CreateAsync)
            .WithName("CreateProduct")
            .WithSummary("List a product sold in an external store")
            .RequireActiveWriter()
            .Validate<ProductRequest>();
        products.MapGet("", ProductReadHandlers.ListAsync)
            .WithName("ListProducts")
            .WithSummary("Products newest first; filters ?handle=, ?q=, ?min_price=, ?max_price=, ?currency=");
        products.MapGet("/recommend", RecommendationHandlers.RecommendProductsAsync)
            .WithName("RecommendProducts")
            .WithSummary("Products for the caller's interests (liked, viewed, written), other sellers' only, diversified; recent ones from well-followed sellers for anonymous and new users");
        products.MapGet("/latest/{handle}", ProductReadHandlers.LatestByHandleAsync)
            .WithName("LatestProductsOfUser")
            .WithSummary("A user's products, newest first");
        products.MapGet("/{uuid:guid}", ProductReadHandlers.GetAsync)
            .WithName("GetProduct")
            .WithSummary("A product, for anyone");
        products.MapPut("/{uuid:guid}", ProductWriteHandlers.ReplaceAsync)
            .WithName("ReplaceProduct")
            .WithSummary("Replace a product (owner or admin)")
            .RequireActiveWriter()
            .Validate<ProductRequest>();
        products.MapPatch("/{uuid:guid}", ProductWriteHandlers.PatchAsync)
            .WithName("PatchProduct")
            .WithSummary("Change some fields of a product (owner or admin)")
            .RequireActiveWriter()
            .Validate<ProductPatchRequest>();
        products.MapDelete("/{uuid:guid}", ProductWriteHandlers.DeleteAsync)
            .WithName("DeleteProduct")
            .WithSummary("Delete a product (owner or admin)")
            .RequireActiveWriter();

        return app;
    }
}
