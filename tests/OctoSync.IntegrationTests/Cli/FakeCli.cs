using System.Runtime.CompilerServices;
using System.Text.Json.Nodes;
using OctoSync.Cli;
using OctoSync.Cli.Infrastructure;
using OctoSync.Engine.Api;
using OctoSync.Engine.Configuration;
using OctoSync.Engine.Model;
using OctoSync.Engine.Planning;
using OctoSync.Engine.State;
using OctoSync.Engine.Sync;
using Spectre.Console;
using Spectre.Console.Testing;

namespace OctoSync.IntegrationTests.Cli;

/// <summary>
/// Runs the real command-line app against canned services: a configuration, spaces that answer with fixed
/// documents and record writes, and a planner that returns a given plan. For the CLI's own behaviour (exit codes,
/// output formats, confirmation, errors), independent of the planners.
/// </summary>
internal sealed class FakeCli
{
    public static readonly string SourceKey = string.Concat("API-", Guid.NewGuid().ToString("N").ToUpperInvariant());
    public static readonly string DestinationKey = string.Concat("API-", Guid.NewGuid().ToString("N").ToUpperInvariant());

    public List<Change> Changes { get; } = [];
    public List<Diagnostic> Diagnostics { get; } = [];
    public List<CleanupItem> Cleanup { get; } = [];

    /// <summary>The environment variables the commands see (NO_COLOR, OCTOPUS_URL, …); nothing else is set.</summary>
    public Dictionary<string, string> Environment { get; } = [];

    /// <summary>When true the test console emits ANSI colours, as a terminal would.</summary>
    public bool Colors { get; set; }
    public List<string> Writes { get; } = [];
    public List<SyncState> SavedStates { get; } = [];
    public Func<OctopusConnection, IOctopusSpaceClient>? Connect { get; set; }
    public bool InputRedirected { get; set; } = true;

    /// <summary>The destination's environment mapping as written in octosync.yaml.</summary>
    public string Mapping { get; set; } = "Test: Staging";

    /// <summary>Writes octosync.yaml (keys from ${SOURCE_KEY} and ${DESTINATION_KEY}) and loads it with the real loader.</summary>
    private SyncConfiguration LoadConfiguration()
    {
        var folder = Path.Combine(Path.GetTempPath(), $"octosync-cli-{Guid.NewGuid():N}");
        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, "octosync.yaml");
        File.WriteAllText(path, $$"""
            source:
              url: http://127.0.0.1:1/
              apiKey: ${SOURCE_KEY}
            destinations:
              - name: prod
                url: http://127.0.0.1:2/
                apiKey: ${DESTINATION_KEY}
                environments: { {{Mapping}} }
            """);
        return ConfigurationLoader.Load(path, name => name switch { "SOURCE_KEY" => SourceKey, "DESTINATION_KEY" => DestinationKey, _ => null });
    }

    /// <summary>The journal entries the apply appended, one per write that succeeded.</summary>
    public List<StateJournalEntry> JournalEntries { get; } = [];

    /// <summary>Runs the app; the output is standard output followed by standard error.</summary>
    public async Task<(int ExitCode, string Output)> RunAsync(params string[] args)
    {
        var (exit, output, errors) = await RunSplitAsync(args);
        return (exit, output + errors);
    }

    /// <summary>Runs the app, keeping standard output and standard error apart.</summary>
    public async Task<(int ExitCode, string Output, string Errors)> RunSplitAsync(params string[] args)
    {
        var console = new TestConsole().Width(200);
        var errors = new TestConsole().Width(200);
        if (Colors)
        {
            console.Colors(ColorSystem.TrueColor).EmitAnsiSequences();
            errors.Colors(ColorSystem.TrueColor).EmitAnsiSequences();
        }

        var services = new CliServices
        {
            LoadConfiguration = _ => LoadConfiguration(),
            IsInputRedirected = () => InputRedirected,
            Environment = name => Environment.TryGetValue(name, out var value) ? value : null,
            Sync = new SyncServices
            {
                Connect = (c, _) => Task.FromResult(Connect?.Invoke(c) ?? new Space(this, c.Url)),
                Read = async (client, _, ct) => new SpaceSnapshot
                {
                    SpaceId = client.SpaceId,
                    SpaceName = client.SpaceName,
                    Environments = await client.GetAllAsync("environments", ct),
                },
                Plan = input => new Plan
                {
                    Destination = input.DestinationName,
                    SourceSpace = "Default",
                    DestinationSpace = "Default",
                    EnvironmentMappings = [new EnvironmentMapping("Development", null, "default"), new EnvironmentMapping("Test", "Staging", "environments.Test")],
                    Changes = Changes,
                    Diagnostics = Diagnostics,
                    Cleanup = Cleanup,
                },
                LoadState = (_, d) => SyncState.Empty(d),
                SaveState = (_, s) => SavedStates.Add(s),
                AppendJournal = (_, _, e) => JournalEntries.Add(e),
            },
        };
        var exit = await CliApp.RunAsync(args, console, services, errors);
        return (exit, console.Output, errors.Output);
    }

    public static Change Create(string key) => new()
    {
        Kind = ResourceKind.Project,
        Key = key,
        Action = ChangeAction.Create,
        Rule = "default",
        Reason = "missing on the destination",
        Owner = key,
        After = new JsonObject { ["Name"] = key },
        StateUpdates = [new StateUpdate.SetObject($"Project:{key}", new ObjectState("f"))],
    };

    public static Change Unchanged(string key) => Create(key) with { Action = ChangeAction.None, After = null, DestinationId = "Projects-1", Reason = "matches the source" };

    /// <summary>A space that records writes and answers them like Octopus.</summary>
    private sealed class Space(FakeCli owner, Uri url) : IOctopusSpaceClient
    {
        public Uri ServerUrl => url;
        public string SpaceId => "Spaces-1";
        public string SpaceName => "Default";

        public Task<JsonObject> GetAsync(string path, CancellationToken cancellationToken = default) => Task.FromResult(new JsonObject { ["Id"] = path });

        public Task<IReadOnlyList<JsonObject>> GetAllAsync(string collection, CancellationToken cancellationToken = default) =>
            Task.FromResult<IReadOnlyList<JsonObject>>(collection == "environments"
                ? url.Port == 1 ? [Env("Development"), Env("Test")] : [Env("Staging"), Env("Production")]
                : []);

        public Task<IReadOnlyList<JsonObject>> GetByIdsAsync(string collection, IReadOnlyCollection<string> ids, CancellationToken cancellationToken = default) =>
            Task.FromResult<IReadOnlyList<JsonObject>>([]);

        public async IAsyncEnumerable<JsonObject> ListAsync(string collection, string? query = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
        {
            await Task.CompletedTask;
            yield break;
        }

        public Task<JsonObject> CreateAsync(string collection, JsonObject body, CancellationToken cancellationToken = default)
        {
            owner.Writes.Add($"POST {collection}");
            var created = body.Clone();
            created["Id"] = $"Projects-{owner.Writes.Count}";
            return Task.FromResult(created);
        }

        public Task<JsonObject> PostAsync(string path, JsonObject body, CancellationToken cancellationToken = default)
        {
            owner.Writes.Add($"POST {path}");
            return Task.FromResult(body);
        }

        public Task<JsonObject> UpdateAsync(string path, JsonObject body, CancellationToken cancellationToken = default)
        {
            owner.Writes.Add($"PUT {path}");
            return Task.FromResult(body);
        }

        public Task DeleteAsync(string path, CancellationToken cancellationToken = default)
        {
            owner.Writes.Add($"DELETE {path}");
            return Task.CompletedTask;
        }

        private static JsonObject Env(string name) => new() { ["Id"] = $"Environments-{name}", ["Name"] = name };
    }
}
