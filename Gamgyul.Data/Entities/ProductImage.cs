namespace Gamgyul.Data.Entities;

public class ProductImage
{
    public Guid ProductId { get; set; }
    public int Position { get; set; }
    public Guid? MediaId { get; set; }
    public string Url { get; set; } = string.Empty;
}
