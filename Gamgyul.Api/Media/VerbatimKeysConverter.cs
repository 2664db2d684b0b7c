using System.Text.Json;
using System.Text.Json.Serialization;

namespace Gamgyul.Api.Media;

/// <summary>
/// Writes a string dictionary with its keys exactly as they are. The Api's snake_case dictionary key policy would
/// turn S3's form fields (<c>Content-Type</c>, <c>Policy</c>, <c>X-Amz-Signature</c>) into other names, and S3 matches
/// form fields against the signed policy by name.
/// </summary>
internal sealed class VerbatimKeysConverter : JsonConverter<IReadOnlyDictionary<string, string>>
{
    public override IReadOnlyDictionary<string, string>? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            throw new JsonException("Expected an object.");
        }

        while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
        {
            var name = reader.GetString()!;
            reader.Read();
            values[name] = reader.GetString() ?? string.Empty;
        }

        return values;
    }

    public override void Write(Utf8JsonWriter writer, IReadOnlyDictionary<string, string> value, JsonSerializerOptions options)
    {
        writer.WriteStartObject();
        foreach (var (name, text) in value)
        {
            writer.WriteString(name, text);
        }

        writer.WriteEndObject();
    }
}
