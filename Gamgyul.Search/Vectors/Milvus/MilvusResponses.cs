using System.Globalization;
using System.Net;
using System.Text.Json;

namespace Gamgyul.Search.Vectors.Milvus;

/// <summary>Reading Milvus REST v2 replies.</summary>
internal static class MilvusResponses
{
    /// <summary>
    /// Returns the envelope's <c>data</c> (or an undefined element when there is none). Success is code 0;
    /// servers before 2.4 answered 200 for success, which is accepted too.
    /// </summary>
    public static JsonElement ReadEnvelope(string operation, HttpStatusCode status, string text)
    {
        JsonElement root;
        try
        {
            using var document = JsonDocument.Parse(text);
            root = document.RootElement.Clone();
        }
        catch (JsonException)
        {
            throw new MilvusException(operation, (int)status, Snippet(text), status);
        }

        if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("code", out var codeElement)
            || !codeElement.TryGetInt32(out var code))
        {
            throw new MilvusException(operation, (int)status, Snippet(text), status);
        }

        if (code is not (0 or 200))
        {
            var message = root.TryGetProperty("message", out var m) ? m.GetString() ?? string.Empty : string.Empty;
            throw new MilvusException(operation, code, message, (int)status >= 400 ? status : null);
        }

        if ((int)status >= 400)
        {
            throw new MilvusException(operation, (int)status, Snippet(text), status);
        }

        return root.TryGetProperty("data", out var data) ? data : default;
    }

    public static MilvusCollectionDescription ReadDescription(JsonElement data)
    {
        var fields = new List<MilvusFieldDescription>();
        if (data.TryGetProperty("fields", out var fieldArray))
        {
            foreach (var field in fieldArray.EnumerateArray())
            {
                fields.Add(new MilvusFieldDescription(
                    field.GetProperty("name").GetString() ?? string.Empty,
                    field.TryGetProperty("type", out var type) ? type.GetString() ?? string.Empty : string.Empty,
                    field.TryGetProperty("primaryKey", out var primary) && primary.ValueKind == JsonValueKind.True,
                    field.TryGetProperty("partitionKey", out var partition) && partition.ValueKind == JsonValueKind.True,
                    ReadDimension(field)));
            }
        }

        var indexed = new List<string>();
        if (data.TryGetProperty("indexes", out var indexArray) && indexArray.ValueKind == JsonValueKind.Array)
        {
            foreach (var index in indexArray.EnumerateArray())
            {
                if (index.TryGetProperty("fieldName", out var name) && name.GetString() is { } fieldName)
                {
                    indexed.Add(fieldName);
                }
            }
        }

        string? load = data.TryGetProperty("load", out var l) ? l.GetString() : null;
        return new MilvusCollectionDescription(
            data.TryGetProperty("collectionName", out var c) ? c.GetString() ?? string.Empty : string.Empty,
            fields, indexed, load);
    }

    /// <summary>
    /// The <c>dim</c> type parameter: v2 lists it under <c>params</c> as key/value pairs with a string
    /// value; older replies put it in the type name (<c>FloatVector(384)</c>).
    /// </summary>
    private static int? ReadDimension(JsonElement field)
    {
        if (field.TryGetProperty("params", out var parameters) && parameters.ValueKind == JsonValueKind.Array)
        {
            foreach (var parameter in parameters.EnumerateArray())
            {
                if (parameter.TryGetProperty("key", out var key) && key.GetString() == "dim"
                    && parameter.TryGetProperty("value", out var value))
                {
                    return value.ValueKind == JsonValueKind.Number
                        ? value.GetInt32()
                        : int.Parse(value.GetString() ?? "0", CultureInfo.InvariantCulture);
                }
            }
        }

        var type = field.TryGetProperty("type", out var t) ? t.GetString() : null;
        if (type is not null && type.EndsWith(')') && type.IndexOf('(') is var open and > 0
            && int.TryParse(type.AsSpan(open + 1, type.Length - open - 2), CultureInfo.InvariantCulture, out var dim))
        {
            return dim;
        }

        return null;
    }

    private static string Snippet(string text) => text.Length <= 500 ? text : text[..500];
}
