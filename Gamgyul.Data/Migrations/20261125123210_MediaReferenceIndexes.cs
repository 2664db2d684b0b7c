using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Gamgyul.Data.Migrations
{
    /// <inheritdoc />
    public partial class MediaReferenceIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "ix_product_images_media_id",
                table: "product_images",
                column: "media_id",
                filter: "media_id IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "ix_post_images_media_id",
                table: "post_images",
                column: "media_id",
                filter: "media_id IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "ix_chat_messages_media_id",
                table: "chat_messages",
                column: "media_id",
                filter: "media_id IS NOT NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_product_images_media_id",
                table: "product_images");

            migrationBuilder.DropIndex(
                name: "ix_post_images_media_id",
                table: "post_images");

            migrationBuilder.DropIndex(
                name: "ix_chat_messages_media_id",
                table: "chat_messages");
        }
    }
}
