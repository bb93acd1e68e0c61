using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using OctoSync.Engine.Api.Internal;
using OctoSync.Engine.State;

namespace OctoSync.Engine.Tests.Api;

/// <summary>
/// Answers are parsed by <see cref="CompactJsonParser"/> instead of <see cref="JsonNode.Parse(ReadOnlySpan{byte}, JsonNodeOptions?, JsonDocumentOptions)"/>
/// (issue #10: no JsonDocument kept behind a snapshot). The tree must be the same one: same JSON written, same
/// fingerprints (stored state from earlier versions must not drift), numbers with their text, every field in order.
/// </summary>
public class CompactJsonParserTests
{
    public static TheoryData<string> Documents() =>
    [
        """{"b":1,"a":"x","c":null,"d":[3,1,2],"e":{"z":true,"y":false}}""",
        """{"Text":"it\u0027s <b>&amp; \u00e9 \"q\" \\ / \t \n","List":["z\u00e9","a"],"N":1.50,"M":-0.0,"Big":12345678901234567890,"E":1e3,"F":2.5E-7}""",
        """{"emoji":"\ud83d\ude00 ok","cjk":"\u4e2d\u6587","ctrl":"\u0001\u001f","html":"<script>&'","raw":"Café ☕"}""",
        """[{"Id":"Steps-1","Actions":[{"Properties":{"Octopus.Action.Script.ScriptBody":"Write-Host 'hi' + $x"}}]},[],{}]""",
        """{"Ä":1,"a":2,"B":3,"_":4,"aa":5,"a.b":6,"esc\u0061ped":"v"}""",
        """ { "Items" : [ { "Id" : "Projects-1" , "Links" : { "Self" : "/api/Spaces-1/projects/Projects-1" } } ] , "Long" : "LONG""" + new string('x', 300) + "\" } ",
        "\"just a string\"",
        "42",
        "true",
        "null",
        "[]",
    ];

    [Theory]
    [MemberData(nameof(Documents))]
    public void The_tree_writes_the_same_json_and_fingerprint_as_JsonNode_Parse(string json)
    {
        var bytes = Encoding.UTF8.GetBytes(json);
        var expected = JsonNode.Parse(bytes);

        var actual = CompactJsonParser.Parse(bytes);

        Assert.Equal(expected?.ToJsonString(), actual?.ToJsonString());
        Assert.Equal(Fingerprint.Of(expected), Fingerprint.Of(actual));
        Assert.True(JsonNode.DeepEquals(expected, actual));
        Assert.Equal(expected?.GetValueKind(), actual?.GetValueKind());
    }

    [Fact]
    public void Numbers_keep_their_text_and_their_conversions()
    {
        var doc = (JsonObject)CompactJsonParser.Parse("""{"A":1.50,"B":7,"C":12345678901234567890,"D":1e3}"""u8)!;

        Assert.Equal("1.50", doc["A"]!.ToJsonString());
        Assert.Equal(7, doc["B"]!.GetValue<int>());
        Assert.Equal(7L, doc["B"]!.GetValue<long>());
        Assert.Equal("12345678901234567890", doc["C"]!.ToJsonString());
        Assert.Equal("1e3", doc["D"]!.ToJsonString());
        Assert.Equal(JsonValueKind.Number, doc["D"]!.GetValueKind());
    }

    [Fact]
    public void Strings_and_booleans_read_as_before()
    {
        var doc = (JsonObject)CompactJsonParser.Parse("""{"Name":"a\"b","IsDisabled":true,"Other":false,"Missing":null}"""u8)!;

        Assert.Equal("a\"b", doc["Name"]!.GetValue<string>());
        Assert.True(doc["IsDisabled"]!.GetValue<bool>());
        Assert.False(doc["Other"]!.GetValue<bool>());
        Assert.True(doc.ContainsKey("Missing"));
        Assert.Null(doc["Missing"]);
        Assert.Equal(["Name", "IsDisabled", "Other", "Missing"], doc.Select(p => p.Key));
    }

    [Fact]
    public void A_property_name_repeated_within_one_answer_is_one_string()
    {
        var items = (JsonArray)CompactJsonParser.Parse("""[{"Id":"Environments-1","Name":"Dev"},{"Id":"Environments-1","Name":"Test"}]"""u8)!;
        var first = (JsonObject)items[0]!;
        var second = (JsonObject)items[1]!;

        Assert.Same(first.First().Key, second.First().Key);
        Assert.Same(first["Id"]!.GetValue<string>(), second["Id"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("<html>login</html>")]
    [InlineData("""{"Id":"a"} {"Id":"b"}""")]
    [InlineData("""{"Id":"a",}""")]
    [InlineData("""{"Id":"a" """)]
    [InlineData("""{"Id":"a","Id":"b"}""")]
    [InlineData("""[1, /* comment */ 2]""")]
    public void Text_that_is_not_one_json_document_is_a_JsonException(string text)
    {
        Assert.ThrowsAny<JsonException>(() => CompactJsonParser.Parse(Encoding.UTF8.GetBytes(text)));
    }
}
