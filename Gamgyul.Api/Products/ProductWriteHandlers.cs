using System.Security.Claims;
using Gamgyul.Api.Infrastructure;
using Gamgyul.Api.Media;
using Gamgyul.Api.Reports;
using Gamgyul.Api.Social;
using Gamgyul.Data;
using Gamgyul.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace Gamgyul.Api.Products;

internal static class ProductWriteHandlers
{
    private const string DuplicateLink = "You already list a product with this store link.";

    public static async Task<IResult> CreateAsync(ProductRequest request, ClaimsPrincipal user, GamgyulDbContext db,
        MediaAttachments media, TimeProvider clock, CancellationToken cancellationToken)
    {
        var images = await media.ResolveAsync(user.GetUserId(), ImageReferences(request.ProductImageLink, request.Images), "images", null, cancellationToken);
        if (images.Failed)
        {
            return Problems.Invalid(images.ErrorField!, images.ErrorMessage!);
        }

        var now = clock.GetUtcNow();
        var product = new Product
        {
            Id = Guid.CreateVersion7(now),
            OwnerId = user.GetUserId(),
            Name = request.Name!.Trim(),
            Description = request.Description?.Trim() ?? string.Empty,
            Price = request.Price!.Value,
            Currency = request.Currency ?? Money.DefaultCurrency,
            ExternalUrl = request.ProductLink!,
            Images = ToImages(images),
            Status = ContentStatus.Published,
            CreatedAt = now,
            UpdatedAt = now,
        };
        db.Products.Add(product);
        db.Outbox.Add(OutboxMessageFactory.Create(OutboxEvents.ProductCreated, product.Id.ToString(), ProductEvent.From(product, now), now));
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException exception) when (exception.IsUniqueViolation())
        {
            return Problems.Conflict(DuplicateLink);
        }

        var created = await ProductReadHandlers.LoadAsync(db, product.Id, Viewer.From(user), cancellationToken);
        return TypedResults.Created($"/products/{product.Id}/", created);
    }

    public static Task<IResult> ReplaceAsync(Guid uuid, ProductRequest request, ClaimsPrincipal user, GamgyulDbContext db,
        MediaAttachments media, TimeProvider clock, CancellationToken cancellationToken) =>
        UpdateAsync(uuid, request, replace: true, user, db, media, clock, cancellationToken);

    public static Task<IResult> PatchAsync(Guid uuid, ProductPatchRequest request, ClaimsPrincipal user, GamgyulDbContext db,
        MediaAttachments media, TimeProvider clock, CancellationToken cancellationToken) =>
        UpdateAsync(uuid, request, replace: false, user, db, media, clock, cancellationToken);

    public static async Task<IResult> DeleteAsync(Guid uuid, ClaimsPrincipal user, GamgyulDbContext db, TimeProvider clock,
        CancellationToken cancellationToken)
    {
        var viewer = Viewer.From(user);
        var product = await db.Products.VisibleTo(viewer).FirstOrDefaultAsync(p => p.Id == uuid, cancellationToken);
        if (product is null)
        {
            return Problems.NotFound("Product not found.");
        }

        if (!viewer.CanManage(product.OwnerId))
        {
            return Problems.Forbidden("Only the owner or an admin may delete this product.");
        }

        var now = clock.GetUtcNow();
        db.Products.Remove(product);
        db.Outbox.Add(OutboxMessageFactory.Create(OutboxEvents.ProductDeleted, product.Id.ToString(), ProductEvent.From(product, now), now));
        if (product.OwnerId != viewer.Id)
        {
            AuditLog.Record(db, viewer.Id, "product.deleted", "product", product.Id, null, new { product.OwnerId, product.Name }, now);
        }

        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.NoContent();
    }

    private static async Task<IResult> UpdateAsync(Guid uuid, IProductFields request, bool replace, ClaimsPrincipal user,
        GamgyulDbContext db, MediaAttachments media, TimeProvider clock, CancellationToken cancellationToken)
    {
        var viewer = Viewer.From(user);
        var product = await db.Products.VisibleTo(viewer).FirstOrDefaultAsync(p => p.Id == uuid, cancellationToken);
        if (product is null)
        {
            return Problems.NotFound("Product not found.");
        }

        if (!viewer.CanManage(product.OwnerId))
        {
            return Problems.Forbidden("Only the owner or an admin may change this product.");
        }

        var currency = request.Currency ?? (replace ? Money.DefaultCurrency : product.Currency.Trim());
        var price = request.Price ?? product.Price;
        if (!Money.FitsCurrency(price, currency))
        {
            return Problems.Invalid("price", "The price has more decimals than its currency allows (KRW and JPY have none).");
        }

        var before = new { product.Name, product.Price, product.Currency, product.ExternalUrl };
        var now = clock.GetUtcNow();
        product.Name = request.Name?.Trim() ?? product.Name;
        product.Description = request.Description?.Trim() ?? (replace ? string.Empty : product.Description);
        product.Price = price;
        product.Currency = currency;
        product.ExternalUrl = request.ProductLink ?? product.ExternalUrl;
        if (replace || request.Images is not null || request.ProductImageLink is not null)
        {
            var images = await media.ResolveAsync(product.OwnerId, ImageReferences(request.ProductImageLink, request.Images), "images", null, cancellationToken);
            if (images.Failed)
            {
                return Problems.Invalid(images.ErrorField!, images.ErrorMessage!);
            }

            product.Images.Clear();
            product.Images.AddRange(ToImages(images));
        }

        product.UpdatedAt = now;
        db.Outbox.Add(OutboxMessageFactory.Create(OutboxEvents.ProductUpdated, product.Id.ToString(), ProductEvent.From(product, now), now));
        if (product.OwnerId != viewer.Id)
        {
            AuditLog.Record(db, viewer.Id, "product.updated", "product", product.Id, null,
                new { before, after = new { product.Name, product.Price, product.Currency, product.ExternalUrl } }, now);
        }

        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException exception) when (exception.IsUniqueViolation())
        {
            return Problems.Conflict(DuplicateLink);
        }

        return TypedResults.Ok(await ProductReadHandlers.LoadAsync(db, uuid, viewer, cancellationToken));
    }

    private static List<string?> ImageReferences(string? imageLink, List<string?>? images) =>
        (string.IsNullOrEmpty(imageLink) ? [] : new[] { imageLink })
            .Concat((images ?? []).OfType<string>())
            .Distinct(StringComparer.Ordinal)
            .Take(ProductFieldsValidator<ProductRequest>.MaxImages)
            .ToList<string?>();

    private static List<ProductImage> ToImages(ImageResolution images) =>
        images.Images.Select((image, index) => new ProductImage { Position = index, MediaId = image.MediaId, Url = image.Url }).ToList();
}
