using System.Text.Json;
using System.Text.Json.Serialization;

namespace Rake.BuildingBlocks.Contracts;

/// <summary>Writes a region as its plain code, so events and APIs read <c>"kainuu"</c>, not an object.</summary>
public sealed class RegionIdJsonConverter : JsonConverter<RegionId>
{
    public override RegionId Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        new(reader.GetString() ?? throw new JsonException("A region code is required."));

    public override void Write(Utf8JsonWriter writer, RegionId value, JsonSerializerOptions options) => writer.WriteStringValue(value.Code);
}
