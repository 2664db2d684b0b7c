namespace Gamgyul.Data.Entities;

public enum SearchDocumentKind
{
    User,
    Post,
    Product,
}
