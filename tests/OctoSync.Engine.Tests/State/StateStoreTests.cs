using OctoSync.Engine.State;

namespace OctoSync.Engine.Tests.State;

public sealed class StateStoreTests : IDisposable
{
    private readonly DirectoryInfo folder = Directory.CreateTempSubdirectory("octosync-state-");

    private StateStore Store => new(Path.Combine(folder.FullName, ".octosync", "state"));

    public void Dispose() => folder.Delete(recursive: true);

    internal static SyncState Sample(string destination = "prod") => SyncState.Empty(destination).With(
    [
        new StateUpdate.SetObject("Project:OctoFx", new ObjectState("a1b2c3", "Projects-12")),
        new StateUpdate.SetObject("Step:OctoFx/Deploy web", new ObjectState("d4e5f6")),
        new StateUpdate.SetVariable("Project:OctoFx/ConnectionString",
        [
            new VariableValueState("6f1c…", "fp-src", "b2a1…", "fp-written", false, "Role=SQL-Server"),
            new VariableValueState(null, "fp-src-2", null, "fp-written-2", true, ""),
        ]),
    ]);

    [Fact]
    public void A_saved_state_loads_back_equal()
    {
        var state = Sample();

        Store.Save(state);
        var loaded = Store.Load("prod");

        Assert.Equal(state.Destination, loaded.Destination);
        Assert.Equal(state.Objects.OrderBy(p => p.Key), loaded.Objects.OrderBy(p => p.Key));
        Assert.Equal(state.Variables.Keys, loaded.Variables.Keys);
        Assert.Equal(state.Variables["Project:OctoFx/ConnectionString"], loaded.Variables["Project:OctoFx/ConnectionString"]);
        Assert.Equal(Store.PathFor("prod"), Path.Combine(folder.FullName, ".octosync", "state", "prod.json"));
    }

    [Fact]
    public void Short_strings_repeated_in_the_file_are_read_as_one_instance_and_long_ones_keep_their_text()
    {
        var scope = "{\"Environment\":[\"Test\"]}";
        var script = new string('x', 500);
        var state = SyncState.Empty("prod").With(
        [
            new StateUpdate.SetObject("Step:A/Run", new ObjectState(script, Fields: ["ScriptBody", "Name"])),
            new StateUpdate.SetObject("Step:B/Run", new ObjectState(script, Fields: ["ScriptBody", "Name"])),
            new StateUpdate.SetVariable("Project:A/Url", [new VariableValueState("s1", "fp-same", "d1", "fp-same", false, "", "t1", scope)]),
            new StateUpdate.SetVariable("Project:B/Url", [new VariableValueState("s2", "fp-other", "d2", "fp-other", false, "", "t2", scope)]),
        ]);

        Store.Save(state);
        var loaded = Store.Load("prod");

        var a = loaded.Variables["Project:A/Url"][0];
        var b = loaded.Variables["Project:B/Url"][0];
        Assert.Equal(state.Variables["Project:A/Url"], loaded.Variables["Project:A/Url"]);
        Assert.Equal(scope, a.ScopeKey);
        Assert.Same(a.ScopeKey, b.ScopeKey);
        Assert.Same(a.SourceFingerprint, a.WrittenFingerprint);
        Assert.Same(loaded.Objects["Step:A/Run"].Fields![0], loaded.Objects["Step:B/Run"].Fields![0]);
        Assert.Equal(script, loaded.Objects["Step:A/Run"].Fingerprint);
        // A long string is not shared: it is read as it stands.
        Assert.NotSame(loaded.Objects["Step:A/Run"].Fingerprint, loaded.Objects["Step:B/Run"].Fingerprint);
    }

    [Fact]
    public void A_state_file_an_editor_saved_with_a_byte_order_mark_still_loads()
    {
        Store.Save(Sample());
        var path = Store.PathFor("prod");
        File.WriteAllBytes(path, [.. System.Text.Encoding.UTF8.Preamble, .. File.ReadAllBytes(path)]);

        var loaded = Store.Load("prod");

        Assert.Equal(Sample().Variables["Project:OctoFx/ConnectionString"], loaded.Variables["Project:OctoFx/ConnectionString"]);
    }

    [Fact]
    public void The_file_is_indented_json_with_keys_as_written()
    {
        Store.Save(Sample());

        var text = File.ReadAllText(Store.PathFor("prod"));
        Assert.StartsWith("{\n  \"format\": \"octosync-state\",\n  \"formatVersion\": 2,\n  \"destination\": \"prod\",", text.ReplaceLineEndings("\n"), StringComparison.Ordinal);
        Assert.Contains("\"Project:OctoFx\": {", text, StringComparison.Ordinal);
        Assert.Contains("\"Step:OctoFx/Deploy web\"", text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_version_1_file_is_migrated_its_entries_kept_and_the_new_identity_fields_empty_and_saved_as_version_2()
    {
        // A state file exactly as OctoSync wrote format version 1 (no source identity, no value text fingerprint).
        const string version1 = """
            {
              "format": "octosync-state",
              "formatVersion": 1,
              "destination": "prod",
              "objects": {
                "Project:OctoFx": { "fingerprint": "a1b2c3", "destinationId": "Projects-12" },
                "Step:OctoFx/Deploy web": { "fingerprint": "d4e5f6", "destinationId": null }
              },
              "variables": {
                "Project:OctoFx/ConnectionString": [
                  { "sourceId": "6f1c", "sourceFingerprint": "fp-src", "destinationId": "b2a1", "writtenFingerprint": "fp-written", "isPlaceholder": false, "portableScope": "Role=SQL-Server" }
                ]
              }
            }
            """;
        var path = Store.PathFor("prod");
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, version1);

        var loaded = Store.Load("prod");

        Assert.Equal(SyncState.CurrentFormatVersion, loaded.FormatVersion);
        Assert.Equal(new ObjectState("a1b2c3", "Projects-12"), loaded.Objects["Project:OctoFx"]);
        Assert.Null(loaded.Objects["Step:OctoFx/Deploy web"].SourceId);
        Assert.Equal(new VariableValueState("6f1c", "fp-src", "b2a1", "fp-written", false, "Role=SQL-Server"), Assert.Single(loaded.Variables["Project:OctoFx/ConnectionString"]));
        Store.Save(loaded);
        Assert.Contains("\"formatVersion\": 2", File.ReadAllText(path), StringComparison.Ordinal);
        Assert.Equal(loaded.Objects["Project:OctoFx"], Store.Load("prod").Objects["Project:OctoFx"]);
    }

    [Fact]
    public void Source_identity_of_objects_and_value_text_fingerprints_round_trip()
    {
        var state = SyncState.Empty("prod").With(
        [
            new StateUpdate.SetObject("Step:OctoFx/Deploy", new ObjectState("fp", "Steps-1", "src-step-1", "Deploy")),
            new StateUpdate.SetVariable("Project:OctoFx/A", [new VariableValueState("v1", "s", "d1", "w", false, "", "text-fp", "scope-key")]),
        ]);

        Store.Save(state);
        var loaded = Store.Load("prod");

        Assert.Equal(new ObjectState("fp", "Steps-1", "src-step-1", "Deploy"), loaded.Objects["Step:OctoFx/Deploy"]);
        Assert.Equal("text-fp", loaded.Variables["Project:OctoFx/A"][0].TextFingerprint);
        Assert.Equal("scope-key", loaded.Variables["Project:OctoFx/A"][0].ScopeKey);
    }

    [Fact]
    public void A_missing_file_is_an_empty_state()
    {
        var state = Store.Load("prod");

        Assert.Equal("prod", state.Destination);
        Assert.Empty(state.Objects);
        Assert.Empty(state.Variables);
        Assert.False(Directory.Exists(Path.Combine(folder.FullName, ".octosync")));
    }

    public static TheoryData<string, string> Unusable => new()
    {
        { "{ \"format\": \"octosync-state\", ", "is not valid JSON (line 1)" },
        { "", "is not valid JSON (line 1)" },
        { "[1, 2]", "is not an OctoSync state file (\"format\" is missing, expected 'octosync-state')" },
        { "{ \"format\": \"octosync-state\", \"formatVersion\": 2 } {}", "is not valid JSON (line 1)" },
        { "{ \"format\": \"octosync-state\",\n  \"formatVersion\": 2,\n  \"objects\": { ", "is not valid JSON (line 3)" },
        // Only the top level names the file: the same words nested inside another document do not.
        { "{ \"config\": { \"format\": \"octosync-state\", \"formatVersion\": 2 } }", "is not an OctoSync state file (\"format\" is missing, expected 'octosync-state')" },
        { "{ \"format\": 7 }", "is not an OctoSync state file (\"format\" is missing, expected 'octosync-state')" },
        { "{ \"format\": \"octosync-state\", \"formatVersion\": \"2\" }", "has format version (missing); this OctoSync reads versions 1, 2" },
        { "{ \"name\": \"package.json\" }", "is not an OctoSync state file (\"format\" is missing, expected 'octosync-state')" },
        { "{ \"format\": \"terraform\" }", "is not an OctoSync state file (\"format\" is 'terraform', expected 'octosync-state')" },
        { "{ \"format\": \"octosync-state\", \"formatVersion\": 3, \"destination\": \"prod\" }", "has format version 3; this OctoSync reads versions 1, 2" },
        { "{ \"format\": \"octosync-state\", \"destination\": \"prod\" }", "has format version (missing); this OctoSync reads versions 1, 2" },
        { "{ \"format\": \"octosync-state\", \"formatVersion\": 1 }", "is damaged: " },
        { "{ \"format\": \"octosync-state\", \"formatVersion\": 1, \"destination\": \"prod\", \"objects\": { \"Project:A\": 5 } }", "is damaged: " },
        { "{ \"format\": \"octosync-state\", \"formatVersion\": 1, \"destination\": \"prod\", \"objects\": null }", "is damaged: \"destination\", \"objects\" and \"variables\" must not be null" },
        { "{ \"format\": \"octosync-state\", \"formatVersion\": 1, \"destination\": \"staging\" }", "belongs to destination 'staging', not 'prod'" },
        // A number where a string belongs is damage, as before strings were shared.
        { "{ \"format\": \"octosync-state\", \"formatVersion\": 2, \"destination\": \"prod\",\n  \"objects\": { \"Project:A\": { \"fingerprint\": 5 } } }", "is damaged: The JSON value could not be converted to " },
    };

    [Theory]
    [MemberData(nameof(Unusable))]
    public void A_file_that_cannot_be_trusted_is_refused_never_reset(string content, string problem)
    {
        var path = Store.PathFor("prod");
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, content);

        var ex = Assert.Throws<StateException>(() => Store.Load("prod"));

        Assert.StartsWith($"State file '{path}' {problem}", ex.Message, StringComparison.Ordinal);
        Assert.Equal(path, ex.FilePath);
        Assert.Equal(content, File.ReadAllText(path));
    }

    [Fact]
    public void Saving_leaves_no_temporary_file()
    {
        Store.Save(Sample());
        Store.Save(Sample() with { Objects = new Dictionary<string, ObjectState>() });

        var files = Directory.GetFiles(Path.GetDirectoryName(Store.PathFor("prod"))!, "*", SearchOption.AllDirectories);
        Assert.Equal([Store.PathFor("prod")], files);
        Assert.Empty(Store.Load("prod").Objects);
    }

    [Fact]
    public void A_failure_while_writing_keeps_the_old_file()
    {
        Store.Save(Sample());
        var before = File.ReadAllText(Store.PathFor("prod"));

        var ex = Assert.Throws<IOException>(() => Store.Save(SyncState.Empty("prod"), (stream, _) =>
        {
            stream.Write("{ \"format\": "u8);
            throw new IOException("disk full");
        }));

        Assert.Equal("disk full", ex.Message);
        Assert.Equal(before, File.ReadAllText(Store.PathFor("prod")));
        Assert.Single(Directory.GetFiles(Path.GetDirectoryName(Store.PathFor("prod"))!));
    }

    [Theory]
    [InlineData("prod", "prod.json")]
    [InlineData("prod-eu_2.x", "prod-eu_2.x.json")]
    [InlineData("prod/eu", "prod_eu-")]
    [InlineData("..", "_-")]
    [InlineData("C:\\x y", "C__x_y-")]
    public void Destination_names_become_safe_file_names(string destination, string expectedStart)
    {
        var name = Path.GetFileName(Store.PathFor(destination));

        Assert.StartsWith(expectedStart, name, StringComparison.Ordinal);
        Assert.EndsWith(".json", name, StringComparison.Ordinal);
        Assert.Equal(Path.GetDirectoryName(Store.PathFor("prod")), Path.GetDirectoryName(Store.PathFor(destination)));
    }

    [Fact]
    public void Names_that_sanitise_alike_get_different_files()
    {
        Assert.NotEqual(Store.PathFor("prod/eu"), Store.PathFor("prod_eu"));
        Assert.NotEqual(Store.PathFor("prod/eu"), Store.PathFor("prod:eu"));

        Store.Save(Sample("prod/eu"));
        Assert.Equal("prod/eu", Store.Load("prod/eu").Destination);
        Assert.Empty(Store.Load("prod:eu").Objects);
    }
}
