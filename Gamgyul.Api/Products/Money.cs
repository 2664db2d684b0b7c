namespace Gamgyul.Api.Products;

/// <summary>The currencies a product may be priced in, with their ISO 4217 minor units.</summary>
public static class Money
{
    public const string DefaultCurrency = "KRW";

    /// <summary>The largest price the column (numeric(14,2)) holds.</summary>
    public const decimal MaxPrice = 999_999_999_999.99m;

    private static readonly Dictionary<string, int> MinorUnits = new(StringComparer.Ordinal)
    {
        ["KRW"] = 0,
        ["JPY"] = 0,
        ["USD"] = 2,
        ["EUR"] = 2,
        ["CNY"] = 2,
    };

    public static IEnumerable<string> Currencies => MinorUnits.Keys;

    public static bool IsSupported(string? currency) => currency is not null && MinorUnits.ContainsKey(currency);

    /// <summary>True when the amount has no more decimals than the currency has minor units (no silent rounding).</summary>
    public static bool FitsCurrency(decimal amount, string currency) =>
        MinorUnits.TryGetValue(currency, out var digits) && decimal.Round(amount, digits) == amount;

    /// <summary>The amount with exactly the currency's decimals, so 15000 KRW is 15000, not 15000.00.</summary>
    public static decimal Normalize(decimal amount, string currency) =>
        MinorUnits.TryGetValue(currency.Trim(), out var digits) ? decimal.Round(amount, digits) : amount;
}
