using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Gamgyul.Data.Migrations
{
    /// <inheritdoc />
    public partial class SearchDocumentMetadata : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<Guid>(
                name: "author_id",
                table: "search_documents",
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "created_at",
                table: "search_documents",
                type: "timestamp with time zone",
                nullable: false,
                defaultValue: new DateTimeOffset(new DateTime(1, 1, 1, 0, 0, 0, 0, DateTimeKind.Unspecified), new TimeSpan(0, 0, 0, 0, 0)));

            migrationBuilder.AddColumn<bool>(
                name: "is_deleted",
                table: "search_documents",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<string>(
                name: "status",
                table: "search_documents",
                type: "character varying(32)",
                maxLength: 32,
                nullable: false,
                defaultValue: "Published");

            migrationBuilder.CreateIndex(
                name: "ix_search_documents_indexed_at",
                table: "search_documents",
                column: "indexed_at");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_search_documents_indexed_at",
                table: "search_documents");

            migrationBuilder.DropColumn(
                name: "author_id",
                table: "search_documents");

            migrationBuilder.DropColumn(
                name: "created_at",
                table: "search_documents");

            migrationBuilder.DropColumn(
                name: "is_deleted",
                table: "search_documents");

            migrationBuilder.DropColumn(
                name: "status",
                table: "search_documents");
        }
    }
}
