using System.ComponentModel;
using OctoSync.Cli.Infrastructure;
using OctoSync.Cli.Rendering;
using OctoSync.Engine.Configuration;
using OctoSync.Engine.Sync;
using Spectre.Console;
using Spectre.Console.Cli;

namespace OctoSync.Cli.Commands.Init;

/// <summary>
/// <c>octosync init</c>: reads both instances (environments, lifecycles, projects, channels; nothing else, and writes
/// nothing to either) and writes a starter <c>octosync.yaml</c> (see <see cref="StarterConfiguration"/>) and, beside it,
/// the schema its <c>$schema</c> line names. API keys come from environment variables and reach the file only as
/// <c>${NAME}</c>. An existing file is never overwritten without <c>--force</c>.
/// </summary>
public sealed class InitCommand(IAnsiConsole console, CliServices services) : AsyncCommand<InitCommand.Settings>
{
    public sealed class Settings : OutputSettings
    {
        [CommandOption("--source-url <URL>")]
        [Description("The source Octopus Server (default: OCTOPUS_URL).")]
        public string? SourceUrl { get; init; }

        [CommandOption("--source-space <NAME>")]
        [Description("The source space (default: OCTOPUS_SPACE, else the instance's default space).")]
        public string? SourceSpace { get; init; }

        [CommandOption("--source-api-key-variable <NAME>")]
        [Description("The environment variable holding the source API key.")]
        [DefaultValue("OCTOPUS_API_KEY")]
        public string SourceKeyVariable { get; init; } = "OCTOPUS_API_KEY";

        [CommandOption("--destination-url <URL>")]
        [Description("The destination Octopus Server (required).")]
        public string? DestinationUrl { get; init; }

        [CommandOption("--destination-space <NAME>")]
        [Description("The destination space (default: the instance's default space).")]
        public string? DestinationSpace { get; init; }

        [CommandOption("--destination-api-key-variable <NAME>")]
        [Description("The environment variable holding the destination API key.")]
        [DefaultValue("OCTOPUS_DESTINATION_API_KEY")]
        public string DestinationKeyVariable { get; init; } = "OCTOPUS_DESTINATION_API_KEY";

        [CommandOption("--destination-name <NAME>")]
        [Description("The destination's label in the plan, the reports and the state (default: the first part of its host name).")]
        public string? DestinationName { get; init; }

        [CommandOption("-c|--config <FILE>")]
        [Description("The file to write.")]
        [DefaultValue("octosync.yaml")]
        public string ConfigFile { get; init; } = "octosync.yaml";

        [CommandOption("--force")]
        [Description("Overwrite the file if it exists.")]
        public bool Force { get; init; }
    }

    public override Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken) =>
        CommandErrors.RunAsync(async () =>
        {
            var path = Path.GetFullPath(settings.ConfigFile);
            if (File.Exists(path) && !settings.Force)
            {
                throw new SyncException($"{settings.ConfigFile} already exists; nothing was written (--force overwrites it).");
            }

            var sourceUrl = Url(settings.SourceUrl ?? services.Environment("OCTOPUS_URL"), "--source-url (or OCTOPUS_URL)");
            var destinationUrl = Url(settings.DestinationUrl, "--destination-url");
            var sourceSpace = settings.SourceSpace ?? NonEmpty(services.Environment("OCTOPUS_SPACE"));
            var source = new OctopusConnection(sourceUrl, Key(settings.SourceKeyVariable, "source"), sourceSpace);
            var destination = new OctopusConnection(destinationUrl, Key(settings.DestinationKeyVariable, "destination"), settings.DestinationSpace);

            var facts = await Task.WhenAll(ReadAsync(source, "source", cancellationToken), ReadAsync(destination, "destination", cancellationToken)).ConfigureAwait(false);
            var schemaPath = Path.Combine(".octosync", StarterConfiguration.SchemaFile);
            var yaml = StarterConfiguration.Write(facts[0], facts[1], new StarterConfiguration.Options(
                settings.DestinationName ?? (destinationUrl.HostNameType == UriHostNameType.Dns ? destinationUrl.Host.Split('.')[0] : "destination"),
                settings.SourceKeyVariable,
                settings.DestinationKeyVariable,
                sourceSpace,
                settings.DestinationSpace,
                schemaPath.Replace('\\', '/')));

            var folder = Path.GetDirectoryName(path)!;
            Directory.CreateDirectory(Path.Combine(folder, ".octosync"));
            await WriteAtomicallyAsync(Path.Combine(folder, schemaPath), StarterConfiguration.Schema(), cancellationToken).ConfigureAwait(false);
            await WriteAtomicallyAsync(path, yaml, cancellationToken).ConfigureAwait(false);
            console.MarkupLine($"[green]✓[/] Wrote {Markup.Escape(settings.ConfigFile)} (and {Markup.Escape(schemaPath)}, the schema editors check it with).");
            console.MarkupLine($"Next: set {Markup.Escape(settings.SourceKeyVariable)} and {Markup.Escape(settings.DestinationKeyVariable)}, then [bold]octosync validate[/] and [bold]octosync plan[/].");
            return ExitCodes.Success;
        });

    private async Task<InstanceFacts> ReadAsync(OctopusConnection connection, string side, CancellationToken ct)
    {
        try
        {
            var client = await services.Sync.Connect(connection, ct).ConfigureAwait(false);
            return await InstanceFacts.ReadAsync(client, ct).ConfigureAwait(false);
        }
        catch (Engine.Api.OctopusApiException e)
        {
            throw new SyncException($"Cannot read the {side} at {connection}: {e.Message}", e);
        }
    }

    private string Key(string variable, string side) =>
        NonEmpty(services.Environment(variable))
        ?? throw new SyncException($"The {side} API key is read from the environment variable {variable}, which is not set (--{side}-api-key-variable names another).");

    private static Uri Url(string? text, string option) =>
        text is null ? throw new SyncException($"{option} is required.")
        : Uri.TryCreate(text, UriKind.Absolute, out var url) && (url.Scheme == Uri.UriSchemeHttp || url.Scheme == Uri.UriSchemeHttps) ? url
        : throw new SyncException($"{option}: '{text}' is not an absolute http or https URL.");

    private static string? NonEmpty(string? text) => string.IsNullOrWhiteSpace(text) ? null : text;

    /// <summary>Nothing half-written: the text goes to a temporary file beside the target, then replaces it.</summary>
    private static async Task WriteAtomicallyAsync(string path, string text, CancellationToken ct)
    {
        var temporary = path + ".tmp-" + Guid.NewGuid().ToString("N");
        try
        {
            await File.WriteAllTextAsync(temporary, text, ct).ConfigureAwait(false);
            File.Move(temporary, path, overwrite: true);
        }
        finally
        {
            File.Delete(temporary);
        }
    }
}
