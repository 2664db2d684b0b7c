using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Gamgyul.Data.Migrations
{
    /// <inheritdoc />
    public partial class LexicalSearchGistIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_products_name_trgm",
                table: "products");

            migrationBuilder.DropIndex(
                name: "ix_posts_text_trgm",
                table: "posts");

            // Raw SQL for the operator class parameter: EF quotes "gist_trgm_ops(siglen=256)" as one name. siglen=256
            // (default 12 bytes) keeps inner-page signatures of whole posts from saturating, so a word that matches
            // little prunes most of the index instead of walking all of it. The model says gist_trgm_ops (snapshot).
            migrationBuilder.Sql("CREATE INDEX ix_products_description_trgm ON products USING gist (description gist_trgm_ops(siglen=256));");
            migrationBuilder.Sql("CREATE INDEX ix_products_name_trgm ON products USING gist (name gist_trgm_ops(siglen=256));");
            migrationBuilder.Sql("CREATE INDEX ix_posts_text_trgm ON posts USING gist (text gist_trgm_ops(siglen=256));");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_products_description_trgm",
                table: "products");

            migrationBuilder.DropIndex(
                name: "ix_products_name_trgm",
                table: "products");

            migrationBuilder.DropIndex(
                name: "ix_posts_text_trgm",
                table: "posts");

            migrationBuilder.CreateIndex(
                name: "ix_products_name_trgm",
                table: "products",
                column: "name")
                .Annotation("Npgsql:IndexMethod", "gin")
                .Annotation("Npgsql:IndexOperators", new[] { "gin_trgm_ops" });

            migrationBuilder.CreateIndex(
                name: "ix_posts_text_trgm",
                table: "posts",
                column: "text")
                .Annotation("Npgsql:IndexMethod", "gin")
                .Annotation("Npgsql:IndexOperators", new[] { "gin_trgm_ops" });
        }
    }
}
