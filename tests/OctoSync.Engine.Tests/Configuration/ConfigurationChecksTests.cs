using OctoSync.Engine.Configuration;

namespace OctoSync.Engine.Tests.Configuration;

/// <summary>Names in the configuration checked against the instances, pointing at the line that wrote them.</summary>
public class ConfigurationChecksTests
{
    private const string Yaml = """
        source: { url: "https://a.example", apiKey: k }
        destinations:
          - name: prod
            url: https://b.example
            apiKey: k
            environments:
              Test: Stagging
              Dev: Production
              QA: Staging
            rules:
              lifecycleMap: { Hotfix: Fast track }
              steps:
                overrides:
                  QA sign-off: { excludedEnvironments: rescope, rescopeTo: [Staging, Prod] }
          - name: dr
            url: https://c.example
            apiKey: k
        rules:
          steps: { rescopeTo: [Production] }
          lifecycleMap: { Default: Default Lifecycle }
        projects:
          OctoFX:
            rules: { steps: { excludedEnvironments: rescope, rescopeTo: [Stage] } }
        """;

    private static readonly SyncConfiguration Config = ConfigurationLoader.Parse(Yaml, "octosync.yaml", _ => null);
    private static readonly string[] SourceEnvironments = ["Dev", "Test"];
    private static readonly string[] DestinationEnvironments = ["Staging", "Production"];

    [Fact]
    public void Environment_mapping_and_rescope_names_are_checked_on_their_side()
    {
        var errors = ConfigurationChecks.CheckEnvironments(Config, SourceEnvironments, "prod", DestinationEnvironments);

        Assert.Equal(
            [
                "octosync.yaml:7: destinations[prod].environments.Test: environment 'Stagging' does not exist on prod (environments: Staging, Production)",
                "octosync.yaml:9: destinations[prod].environments.QA: environment 'QA' does not exist on the source (environments: Dev, Test)",
                "octosync.yaml:14: destinations[prod].rules.steps.overrides[\"QA sign-off\"].rescopeTo: environment 'Prod' does not exist on prod (environments: Staging, Production)",
                "octosync.yaml:23: projects.OctoFX.rules.steps.rescopeTo: environment 'Stage' does not exist on prod (environments: Staging, Production)",
            ],
            errors);
    }

    [Fact]
    public void A_destination_is_only_checked_against_the_names_in_force_on_it()
    {
        Assert.Equal(
            ["octosync.yaml:23: projects.OctoFX.rules.steps.rescopeTo: environment 'Stage' does not exist on dr (environments: Production)"],
            ConfigurationChecks.CheckEnvironments(Config, SourceEnvironments, "DR", ["Production"]));
        Assert.Empty(ConfigurationChecks.CheckEnvironments(Config, SourceEnvironments, "dr", ["Production", "Stage"]));
    }

    [Fact]
    public void Lifecycle_map_names_are_checked_on_their_side()
    {
        var errors = ConfigurationChecks.CheckLifecycles(Config, ["Default", "Dev and Test"], "prod", ["Default Lifecycle"]);

        Assert.Equal(
            [
                "octosync.yaml:11: destinations[prod].rules.lifecycleMap.Hotfix: lifecycle 'Hotfix' does not exist on the source (lifecycles: Default, Dev and Test)",
                "octosync.yaml:11: destinations[prod].rules.lifecycleMap.Hotfix: lifecycle 'Fast track' does not exist on prod (lifecycles: Default Lifecycle)",
            ],
            errors);
        Assert.Equal(
            ["octosync.yaml:20: rules.lifecycleMap.Default: lifecycle 'Default Lifecycle' does not exist on dr (it has no lifecycles)"],
            ConfigurationChecks.CheckLifecycles(Config, ["Default"], "dr", []));
    }

    [Fact]
    public void Project_overrides_must_name_a_source_project()
    {
        Assert.Equal(
            ["octosync.yaml:22: projects.OctoFX: project 'OctoFX' does not exist on the source; did you mean 'OctoFx2'?"],
            ConfigurationChecks.CheckProjects(Config, ["OctoFx2", "Payments"]));
        Assert.Empty(ConfigurationChecks.CheckProjects(Config, ["octofx"]));
    }

    [Fact]
    public void An_unknown_destination_is_a_programming_error()
    {
        Assert.Throws<ArgumentException>(() => ConfigurationChecks.CheckEnvironments(Config, [], "nope", []));
    }
}
