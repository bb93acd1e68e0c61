using System.Text.Json;
using OctoSync.Emulator;
using OctoSync.Engine.State;

namespace OctoSync.IntegrationTests.Safety;

/// <summary>One emulated source and destination, shared by every bad-input case (each case leaves them untouched).</summary>
public sealed class BadInputInstances : IAsyncLifetime
{
    internal SafetyRig Rig { get; private set; } = null!;

    internal SilentServer Silent { get; } = new();

    public async Task InitializeAsync() => Rig = await SafetyRig.StartAsync();

    public async Task DisposeAsync()
    {
        Silent.Dispose();
        await Rig.DisposeAsync();
    }
}

/// <summary>
/// Issue #9's bad-input table: every case is one clear message (file/line/key, or URL and object), exit 1, zero
/// writes on either instance (their request logs), no stack trace. Most cases run <c>apply --yes</c>, the command
/// that would do harm.
/// </summary>
public class BadInputTable(BadInputInstances instances) : IClassFixture<BadInputInstances>
{
    private const string Ok = "source:\n  url: {source}\n  apiKey: ${SRC}\ndestinations:\n  - name: d0\n    url: {dest0}\n    apiKey: ${D0}\n    environments: { Test: Staging }\n";

    /// <summary>name → (config template, args, setup of the state folder, expected text).</summary>
    // Generated at run time, so nothing key-shaped is committed; declared before the table that uses them.
    private static readonly string WrongKey = EmulatorOptions.NewApiKey();
    private static readonly string UrlKey = EmulatorOptions.NewApiKey();

    private static readonly Dictionary<string, BadInput> Cases = new BadInput[]
    {
        // Options
        new("option misspelled: --detailed-exitcodes", Ok, ["plan", "--detailed-exitcodes"], "Did you mean '--detailed-exitcode'?"),
        new("option unknown: --dry-run", Ok, ["apply", "--yes", "--dry-run"], "Unknown option '--dry-run' for apply"),
        new("option misspelled: --destinaton", Ok, ["apply", "--yes", "--destinaton", "d0"], "Did you mean '--destination'?"),
        new("option unknown: --plan", Ok, ["apply", "--yes", "--plan", "x.json"], "Unknown option '--plan'"),
        new("option of another command: validate --yes", Ok, ["validate", "--yes"], "Unknown option '--yes' for validate"),
        new("option unknown short: -x", Ok, ["apply", "-x"], "Unknown option '-x'"),
        new("option value: --output yaml", Ok, ["apply", "--yes", "--output", "yaml"], "--output must be text or json, not 'yaml'"),
        new("option value: --timeout 0", Ok, ["apply", "--yes", "--timeout", "0"], "--timeout must be a number of seconds from 1 to 3600"),
        new("option value: --timeout soon", Ok, ["apply", "--yes", "--timeout", "soon"], "soon"),
        new("unknown destination: --destination nosuch", Ok, ["apply", "--yes", "--destination", "nosuch"], "no destination named 'nosuch' (destinations: d0)"),
        new("unknown command", Ok, ["aply", "--yes"], "aply"),

        // Configuration files
        new("config: file missing", null, ["apply", "--yes"], "file not found"),
        new("config: YAML syntax", "source: [\n", ["apply", "--yes"], "syntax error"),
        new("config: unknown top-level key", Ok.Replace("destinations:", "destination:", StringComparison.Ordinal), ["apply", "--yes"], "destination: unknown key; did you mean 'destinations'?"),
        new("config: unknown rules key", Ok + "rules:\n  variables:\n    scopeMatchh: exact\n", ["apply", "--yes"], "rules.variables.scopeMatchh: unknown key; did you mean 'scopeMatch'?"),
        new("config: bad enum value", Ok + "rules:\n  variables:\n    scopeMatch: partal\n", ["apply", "--yes"], "'partal' is not one of"),
        new("config: wrong type", Ok + "rules:\n  steps: [a]\n", ["apply", "--yes"], "rules.steps: expected a mapping, found a list"),
        new("config: destination apiKey missing", Ok.Replace("    apiKey: ${D0}\n", "", StringComparison.Ordinal), ["apply", "--yes"], "destinations[d0].apiKey: required key is missing"),
        new("config: destination url missing", Ok.Replace("    url: {dest0}\n", "", StringComparison.Ordinal), ["apply", "--yes"], "destinations[d0].url: required key is missing"),
        new("config: source missing", "destinations: []\n", ["apply", "--yes"], "source: required key is missing"),
        new("config: no destinations", Ok[..Ok.IndexOf("destinations:", StringComparison.Ordinal)] + "destinations: []\n", ["apply", "--yes"], "at least one destination is required"),
        new("config: duplicate destination", Ok + "  - name: D0\n    url: {dest0}\n    apiKey: ${D0}\n", ["apply", "--yes"], "duplicate destination name 'D0'"),
        new("config: environment variable unset", Ok.Replace("${D0}", "${NOT_SET_ANYWHERE}", StringComparison.Ordinal), ["apply", "--yes"], "environment variable 'NOT_SET_ANYWHERE' is not set"),
        new("config: environment mapped twice", Ok.Replace("{ Test: Staging }", "{ Test: Staging, Test: Production }", StringComparison.Ordinal), ["apply", "--yes"], "Test"),
        new("config: rescope without rescopeTo", Ok + "rules:\n  steps:\n    excludedEnvironments: rescope\n", ["apply", "--yes"], "'rescope' needs rescopeTo"),
        new("config: timeout not a number", Ok + "timeout: soon\n", ["apply", "--yes"], "timeout: 'soon' is not a number of seconds"),
        new("config: timeout out of range", Ok + "timeout: 0\n", ["apply", "--yes"], "timeout: '0' is not a number of seconds"),
        new("config: state.path empty", Ok + "state:\n  path:\n", ["apply", "--yes"], "state.path"),

        // URLs
        new("url: not absolute", Ok.Replace("url: {dest0}", "url: prod.octopus", StringComparison.Ordinal), ["apply", "--yes"], "destinations[d0].url: 'prod.octopus' is not an absolute http or https URL"),
        new("url: ftp scheme", Ok.Replace("url: {source}", "url: ftp://127.0.0.1/", StringComparison.Ordinal), ["apply", "--yes"], "source.url: 'ftp://127.0.0.1/' is not an absolute http or https URL"),
        new("url: bad url quoting a key", Ok.Replace("url: {source}", "url: \"not a url?apikey=" + UrlKey + "\"", StringComparison.Ordinal), ["apply", "--yes"], "apikey=***"),
        new("url: source unreachable", Ok.Replace("url: {source}", "url: http://127.0.0.1:9/", StringComparison.Ordinal), ["apply", "--yes"], "Cannot connect to source at http://127.0.0.1:9/"),
        new("url: destination unreachable", Ok.Replace("url: {dest0}", "url: http://127.0.0.1:9/", StringComparison.Ordinal), ["apply", "--yes"], "Cannot connect to d0 at http://127.0.0.1:9/"),
        new("url: not an Octopus API path", Ok.Replace("url: {dest0}", "url: {dest0}nothing-here/", StringComparison.Ordinal), ["apply", "--yes"], "Cannot connect to d0"),
        new("url: server never answers", Ok.Replace("url: {dest0}", "url: {silent}", StringComparison.Ordinal), ["apply", "--yes", "--timeout", "1"], "timed out after 1 s"),

        // Keys
        new("key: destination key rejected", Ok.Replace("${D0}", WrongKey, StringComparison.Ordinal), ["apply", "--yes"], "The API key was rejected by"),
        new("key: source key rejected", Ok.Replace("${SRC}", WrongKey, StringComparison.Ordinal), ["apply", "--yes"], "Cannot connect to source"),

        // Spaces
        new("space: destination space missing", Ok.Replace("    environments:", "    space: Nowhere\n    environments:", StringComparison.Ordinal), ["apply", "--yes"], "Space 'Nowhere' was not found"),
        new("space: source space missing", Ok.Replace("  apiKey: ${SRC}\n", "  apiKey: ${SRC}\n  space: Nowhere\n", StringComparison.Ordinal), ["apply", "--yes"], "Space 'Nowhere' was not found"),

        // Names that must resolve on the instances
        new("names: destination environment", Ok.Replace("Test: Staging", "Test: Stagging", StringComparison.Ordinal), ["apply", "--yes"], "destinations[d0].environments.Test: environment 'Stagging' does not exist on d0"),
        new("names: source environment", Ok.Replace("Test: Staging", "Tset: Staging", StringComparison.Ordinal), ["apply", "--yes"], "environment 'Tset' does not exist on the source"),
        new("names: unknown project", Ok + "projects:\n  OctoFX2: {}\n", ["apply", "--yes"], "projects.OctoFX2: project 'OctoFX2' does not exist on the source; did you mean 'OctoFx'?"),
        new("names: unknown project in validate", Ok + "projects:\n  Nope: {}\n", ["validate"], "project 'Nope' does not exist on the source"),
        new("names: lifecycleMap target", Ok + "rules:\n  lifecycleMap: { Dev/Test: Fast lane }\n", ["apply", "--yes"], "lifecycle 'Fast lane' does not exist on d0"),
        new("names: lifecycleMap target in validate", Ok + "rules:\n  lifecycleMap: { Dev/Test: Fast lane }\n", ["validate"], "lifecycle 'Fast lane' does not exist on d0"),
        new("names: rescopeTo", Ok + "rules:\n  steps:\n    excludedEnvironments: rescope\n    rescopeTo: [Prod]\n", ["apply", "--yes"], "environment 'Prod' does not exist on d0"),

        // State
        new("state: not JSON", Ok, ["apply", "--yes"], "is not valid JSON", State: "{ nope"),
        new("state: another program's JSON", Ok, ["apply", "--yes"], "is not an OctoSync state file", State: "{\"hello\": 1}"),
        new("state: newer format", Ok, ["apply", "--yes"], "has format version 99", State: "{\"format\":\"octosync-state\",\"formatVersion\":99,\"destination\":\"d0\"}"),
        new("state: another destination's", Ok, ["apply", "--yes"], "belongs to destination 'prod', not 'd0'", State: "{\"format\":\"octosync-state\",\"formatVersion\":1,\"destination\":\"prod\",\"objects\":{},\"variables\":{}}"),
        new("state: damaged", Ok, ["apply", "--yes"], "is damaged", State: "{\"format\":\"octosync-state\",\"formatVersion\":1,\"destination\":\"d0\",\"objects\":null,\"variables\":{}}"),
        new("state: another server's", Ok, ["apply", "--yes"], "was written for another instance: server URL http://octopus.other.example/", State: "{\"format\":\"octosync-state\",\"formatVersion\":1,\"destination\":\"d0\",\"instance\":{\"serverUrl\":\"http://octopus.other.example/\",\"spaceId\":\"Spaces-1\"},\"objects\":{},\"variables\":{}}"),
        new("state: another space's", Ok, ["apply", "--yes"], "space Spaces-9 (now Spaces-1)", State: "{\"format\":\"octosync-state\",\"formatVersion\":1,\"destination\":\"d0\",\"instance\":{\"serverUrl\":\"{dest0}\",\"spaceId\":\"Spaces-9\"},\"objects\":{},\"variables\":{}}"),
        new("state: folder is a file", Ok + "state:\n  path: octosync.yaml\n", ["apply", "--yes"], "is not writable"),
        new("state: locked by another run", Ok, ["apply", "--yes"], "is locked by another run (someone on elsewhere, pid 7", Lock: true),
        new("state: locked, seen by validate", Ok, ["validate"], "is locked by another run", Lock: true),
    }.ToDictionary(c => c.Name, StringComparer.Ordinal);

    public static TheoryData<string> Names
    {
        get
        {
            var data = new TheoryData<string>();
            foreach (var name in Cases.Keys)
            {
                data.Add(name);
            }

            return data;
        }
    }

    [Fact]
    public void The_table_has_at_least_40_cases() => Assert.True(Cases.Count >= 40, $"{Cases.Count} cases");

    [Theory]
    [MemberData(nameof(Names))]
    public async Task Each_bad_input_gives_one_clear_message_exit_1_and_no_writes(string name)
    {
        var c = Cases[name];
        var rig = instances.Rig;
        Prepare(rig, c);
        rig.ClearLogs();

        var run = await rig.RunAsync(c.Args);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains(c.Expected, run.All, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", run.All, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", run.All, StringComparison.Ordinal);
        Assert.DoesNotContain(rig.Source.ApiKey, run.All, StringComparison.Ordinal);
        Assert.DoesNotContain(rig.Destinations[0].ApiKey, run.All, StringComparison.Ordinal);
        Assert.DoesNotContain(UrlKey, run.All, StringComparison.Ordinal);
        Assert.Empty(rig.Writes());
        // One message: a single error line (a configuration error lists its lines under one header).
        Assert.Single(run.All.Split('\n'), l => l.StartsWith("Error:", StringComparison.Ordinal) || l.Contains(": failed (", StringComparison.Ordinal));
    }

    private void Prepare(SafetyRig rig, BadInput c)
    {
        if (Directory.Exists(rig.StateFolder))
        {
            Directory.Delete(rig.StateFolder, recursive: true);
        }

        if (c.Config is null)
        {
            File.Delete(rig.ConfigPath);
        }
        else
        {
            rig.WriteConfig(c.Config.Replace("{silent}", instances.Silent.Url.ToString(), StringComparison.Ordinal));
        }

        var statePath = new StateStore(rig.StateFolder).PathFor("d0");
        if (c.State is not null)
        {
            Directory.CreateDirectory(rig.StateFolder);
            File.WriteAllText(statePath, c.State.Replace("{dest0}", rig.Destinations[0].BaseUrl.ToString(), StringComparison.Ordinal));
        }

        if (c.Lock)
        {
            Directory.CreateDirectory(rig.StateFolder);
            var holder = new StateLockHolder("d0", "someone", "elsewhere", 7, DateTimeOffset.UnixEpoch, "t");
            File.WriteAllText(StateLock.PathFor(statePath), JsonSerializer.Serialize(holder, StateJson.Options));
        }
    }

    private sealed record BadInput(string Name, string? Config, string[] Args, string Expected, string? State = null, bool Lock = false);
}
