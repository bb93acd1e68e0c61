using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using OctoSync.Engine.State;

namespace OctoSync.Engine.Tests.State;

/// <summary>
/// <see cref="Fingerprint.Of(JsonNode?)"/> writes its canonical text straight into UTF-8 bytes (issue #10). Every
/// fingerprint in a state file was made from the text form, so the bytes must be the same: each document here is
/// hashed both ways, by the writer and by the text form as it was built before (a string, leaves by ToJsonString).
/// </summary>
public class FingerprintTests
{
    public static TheoryData<string> Documents() =>
    [
        """{"b":1,"a":"x","c":null,"d":[3,1,2],"e":{"z":true,"y":false}}""",
        """{"Text":"it\u0027s <b>&amp; \u00e9 \"q\" \\ / \t \n","List":["z\u00e9","a"],"N":1.50,"M":-0.0,"Big":12345678901234567890}""",
        """{"emoji":"\ud83d\ude00 ok","cjk":"\u4e2d\u6587","ctrl":"\u0001\u001f","html":"<script>&'"}""",
        """[{"Id":"Steps-1","Actions":[{"Properties":{"Octopus.Action.Script.ScriptBody":"Write-Host 'hi' + $x"}}]},[],{}]""",
        """{"Ä":1,"a":2,"B":3,"_":4,"aa":5,"a.b":6}""",
        "\"just a string\"",
        "42",
        "true",
        "null",
    ];

    [Theory]
    [MemberData(nameof(Documents))]
    public void Parsed_documents_hash_as_their_text_form_did(string json)
    {
        var node = JsonNode.Parse(json);

        Assert.Equal(TextForm(node), Fingerprint.Of(node));
    }

    [Theory]
    [MemberData(nameof(Documents))]
    public void Documents_built_in_code_hash_as_their_text_form_did(string json)
    {
        // DeepClone of a parsed node keeps JsonElement values; building from CLR values gives JsonValue<T> leaves.
        var built = Rebuild(JsonNode.Parse(json));

        Assert.Equal(TextForm(built), Fingerprint.Of(built));
    }

    [Fact]
    public void Key_order_does_not_matter_and_array_order_does()
    {
        Assert.Equal(Fingerprint.Of(JsonNode.Parse("""{"a":1,"b":[1,2]}""")), Fingerprint.Of(JsonNode.Parse("""{"b":[1,2],"a":1}""")));
        Assert.NotEqual(Fingerprint.Of(JsonNode.Parse("""{"a":1,"b":[1,2]}""")), Fingerprint.Of(JsonNode.Parse("""{"a":1,"b":[2,1]}""")));
    }

    [Fact]
    public void A_document_larger_than_the_kept_buffer_hashes_and_the_next_one_still_does()
    {
        var big = new JsonObject { ["Script"] = new string('x', 3 << 20) };
        var small = JsonNode.Parse("""{"a":"b"}""");

        Assert.Equal(TextForm(big), Fingerprint.Of(big));
        Assert.Equal(TextForm(small), Fingerprint.Of(small));
    }

    [Fact]
    public void Fingerprints_taken_on_several_threads_at_once_are_each_right()
    {
        var documents = Enumerable.Range(0, 200).Select(i => JsonNode.Parse($$"""{"i":{{i}},"s":"v{{i}}","l":[{{i}},"{{i}}"]}""")).ToList();
        var expected = documents.Select(TextForm).ToList();

        var actual = documents.AsParallel().AsOrdered().WithDegreeOfParallelism(4).Select(Fingerprint.Of).ToList();

        Assert.Equal(expected, actual);
    }

    /// <summary>The fingerprint as the text-building version computed it.</summary>
    private static string TextForm(JsonNode? node)
    {
        var sb = new StringBuilder();
        WriteText(node, sb);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(sb.ToString())).AsSpan(0, 12));
    }

    private static void WriteText(JsonNode? node, StringBuilder sb)
    {
        switch (node)
        {
            case null:
                sb.Append("null");
                break;
            case JsonObject obj:
                sb.Append('{');
                foreach (var (key, value) in obj.OrderBy(p => p.Key, StringComparer.Ordinal))
                {
                    sb.Append(JsonSerializer.Serialize(key)).Append(':');
                    WriteText(value, sb);
                    sb.Append(',');
                }

                sb.Append('}');
                break;
            case JsonArray arr:
                sb.Append('[');
                foreach (var item in arr)
                {
                    WriteText(item, sb);
                    sb.Append(',');
                }

                sb.Append(']');
                break;
            default:
                sb.Append(node.ToJsonString());
                break;
        }
    }

    private static JsonNode? Rebuild(JsonNode? node) => node switch
    {
        JsonObject o => new JsonObject(o.Select(p => KeyValuePair.Create(p.Key, Rebuild(p.Value)))),
        JsonArray a => new JsonArray([.. a.Select(Rebuild)]),
        JsonValue v when v.GetValueKind() == JsonValueKind.String => JsonValue.Create(v.GetValue<string>()),
        JsonValue v when v.GetValueKind() is JsonValueKind.True or JsonValueKind.False => JsonValue.Create(v.GetValue<bool>()),
        JsonValue v when v.TryGetValue<long>(out var l) => JsonValue.Create(l),
        JsonValue v => JsonValue.Create(v.GetValue<decimal>()),
        _ => null,
    };
}
