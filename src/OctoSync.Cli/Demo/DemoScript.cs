using OctoSync.Cli.Infrastructure;
using OctoSync.Cli.Rendering;
using OctoSync.Engine.Api;
using OctoSync.Engine.Configuration;
using OctoSync.Engine.Sync;
using Spectre.Console;

namespace OctoSync.Cli.Demo;

/// <summary>
/// The story <c>octosync demo</c> tells, against any two Octopus spaces (the demo starts two emulators): seed the
/// OctoFx example, plan, apply, show the variable tables; then the seed's recurring example — a person edits the
/// database name on the destination, the source changes — sync again, and a third time to show nothing is left to do.
/// </summary>
public sealed class DemoScript(IAnsiConsole console, CliServices services, string workFolder)
{
    public const string SourceKeyVariable = "OCTOSYNC_DEMO_SOURCE_KEY";
    public const string DestinationKeyVariable = "OCTOSYNC_DEMO_DESTINATION_KEY";

    public async Task<int> RunAsync(OctopusConnection source, OctopusConnection destination, CancellationToken ct)
    {
        var sourceClient = await services.Sync.Connect(source, ct).ConfigureAwait(false);
        var destinationClient = await services.Sync.Connect(destination, ct).ConfigureAwait(false);
        Heading("1. The Dev/Test instance (source) and the Staging/Production instance (destination)");
        await OctoFxExample.SeedSourceAsync(sourceClient, ct).ConfigureAwait(false);
        await OctoFxExample.SeedDestinationAsync(destinationClient, ct).ConfigureAwait(false);
        await VariableTable.RenderAsync(console, "Source variables (Dev/Test)", sourceClient, OctoFxExample.Project, ct).ConfigureAwait(false);

        var configuration = WriteConfiguration(source, destination);
        var runner = new SyncRunner(services.Sync);

        Heading("2. Initial sync: plan, apply");
        if (!await SyncAsync(runner, configuration, ct).ConfigureAwait(false))
        {
            return ExitCodes.Error;
        }

        await VariableTable.RenderAsync(console, "Destination variables after the initial sync", destinationClient, OctoFxExample.Project, ct).ConfigureAwait(false);

        Heading("3. Recurring sync: a person edits the destination, the source changes");
        await OctoFxExample.SetDestinationDatabaseNamePerEnvironmentAsync(destinationClient, ct).ConfigureAwait(false);
        await OctoFxExample.ChangeSourceAsInSeedAsync(sourceClient, ct).ConfigureAwait(false);
        await VariableTable.RenderAsync(console, "Source variables, changed", sourceClient, OctoFxExample.Project, ct).ConfigureAwait(false);
        await VariableTable.RenderAsync(console, "Destination variables, edited by a person", destinationClient, OctoFxExample.Project, ct).ConfigureAwait(false);
        if (!await SyncAsync(runner, configuration, ct).ConfigureAwait(false))
        {
            return ExitCodes.Error;
        }

        await VariableTable.RenderAsync(console, "Destination variables after the recurring sync", destinationClient, OctoFxExample.Project, ct).ConfigureAwait(false);

        Heading("4. Once more: nothing left to do");
        var again = await runner.PlanAsync(configuration, null, null, ct).ConfigureAwait(false);
        foreach (var planned in again)
        {
            console.MarkupLine(Markup.Escape(PlanSummary.Of(planned.Plan).ToString()));
        }

        return ExitCodes.Success;
    }

    private async Task<bool> SyncAsync(SyncRunner runner, SyncConfiguration configuration, CancellationToken ct)
    {
        var ok = true;
        foreach (var planned in await runner.PlanAsync(configuration, null, null, ct).ConfigureAwait(false))
        {
            PlanRenderer.Render(console, new ErrorConsole(console), planned);
            var result = await runner.ApplyAsync(configuration, planned, null, null, ct).ConfigureAwait(false);
            ApplyRenderer.Render(console, result);
            ok &= result.Succeeded;
        }

        return ok;
    }

    private SyncConfiguration WriteConfiguration(OctopusConnection source, OctopusConnection destination)
    {
        // API keys reach the configuration through the environment, as they should in real use.
        Environment.SetEnvironmentVariable(SourceKeyVariable, source.ApiKey);
        Environment.SetEnvironmentVariable(DestinationKeyVariable, destination.ApiKey);
        Directory.CreateDirectory(workFolder);
        var path = Path.Combine(workFolder, "octosync.yaml");
        File.WriteAllText(path, OctoFxExample.ConfigurationYaml(source.Url, destination.Url));
        console.Write(new Panel(Markup.Escape(File.ReadAllText(path))).Header("octosync.yaml"));
        return services.LoadConfiguration(path);
    }

    private void Heading(string text) => console.Write(new Rule($"[bold]{Markup.Escape(text)}[/]").LeftJustified());
}
