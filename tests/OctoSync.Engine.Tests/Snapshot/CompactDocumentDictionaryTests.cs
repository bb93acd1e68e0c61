using System.Runtime.CompilerServices;
using System.Text.Json.Nodes;
using OctoSync.Engine.Snapshot;
using OctoSync.Engine.State;

namespace OctoSync.Engine.Tests.Snapshot;

/// <summary>
/// The snapshot's largest collections are kept as compact text and parsed when asked for (issue #10). What planning saw
/// of a dictionary of trees must not change: every field, in order, numbers with their text, the same fingerprint,
/// keys ignoring case, the same instance while anything holds it.
/// </summary>
public class CompactDocumentDictionaryTests
{
    private static readonly string[] Documents =
    [
        """{"Id":"variableset-Projects-1","Variables":[{"Name":"A","Value":"it's <b>&amp; é \"q\" \\ ☕","IsSensitive":false,"Scope":{"Environment":["Environments-1"]}}],"Version":3,"N":1.50,"Big":12345678901234567890,"E":1e3}""",
        """{"Id":"deploymentprocess-Projects-2","Steps":[],"Links":{"Self":"/api/Spaces-1/deploymentprocesses/deploymentprocess-Projects-2"},"Nothing":null}""",
    ];

    private static CompactDocumentDictionary Sample() =>
        new(Documents.Select(d => JsonNode.Parse(d)!.AsObject()), d => d["Id"]!.GetValue<string>());

    [Fact]
    public void Each_document_writes_back_as_read_with_the_same_fingerprint()
    {
        var documents = Sample();

        foreach (var json in Documents)
        {
            var read = JsonNode.Parse(json)!.AsObject();
            var kept = documents[read["Id"]!.GetValue<string>()];
            Assert.Equal(read.ToJsonString(), kept.ToJsonString());
            Assert.Equal(Fingerprint.Of(read), Fingerprint.Of(kept));
            Assert.True(JsonNode.DeepEquals(read, kept));
        }
    }

    [Fact]
    public void Keys_ignore_case_and_keep_their_order()
    {
        var documents = Sample();

        Assert.Equal(["variableset-Projects-1", "deploymentprocess-Projects-2"], documents.Keys);
        Assert.True(documents.TryGetValue("VARIABLESET-projects-1", out var set));
        Assert.Equal("variableset-Projects-1", set!["Id"]!.GetValue<string>());
        Assert.False(documents.ContainsKey("variableset-Projects-3"));
        Assert.Null(documents.GetValueOrDefault("variableset-Projects-3"));
        Assert.Equal(2, documents.Count);
        Assert.Equal(documents.Keys, documents.Select(p => p.Value["Id"]!.GetValue<string>()));
    }

    [Fact]
    public void A_document_still_held_is_the_same_instance()
    {
        var documents = Sample();

        var first = documents["deploymentprocess-Projects-2"];

        Assert.Same(first, documents["DeploymentProcess-Projects-2"]);
        Assert.Same(first, documents.Values.Last());
        GC.KeepAlive(first);
    }

    [Fact]
    public void A_document_no_one_holds_is_collected_and_read_again_equal()
    {
        var documents = Sample();
        var (weak, text) = ReadOnce(documents);

        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();

        Assert.False(weak.TryGetTarget(out _), "the tree outlived every reference to it");
        Assert.Equal(text, documents["variableset-Projects-1"].ToJsonString());
    }

    [Fact]
    public void What_is_kept_is_smaller_than_the_json_the_server_sent()
    {
        var documents = Sample();

        // Shortest escaping and compressed: the tree is parsed again here, never sent or shown.
        Assert.True(documents.KeptBytes < Documents.Sum(d => System.Text.Encoding.UTF8.GetByteCount(d)) + 1);
        Assert.True(documents.KeptBytes > 0);
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static (WeakReference<JsonObject> Weak, string Text) ReadOnce(CompactDocumentDictionary documents)
    {
        var tree = documents["variableset-Projects-1"];
        return (new WeakReference<JsonObject>(tree), tree.ToJsonString());
    }
}
