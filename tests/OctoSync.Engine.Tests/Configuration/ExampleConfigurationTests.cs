using OctoSync.Engine.Configuration;

namespace OctoSync.Engine.Tests.Configuration;

/// <summary>The shipped example (examples/octosync.yaml) loads and says what its comments say.</summary>
public class ExampleConfigurationTests
{
    private static string ExamplePath()
    {
        var folder = new DirectoryInfo(AppContext.BaseDirectory);
        while (folder is not null && !File.Exists(Path.Combine(folder.FullName, "OctoSync.slnx")))
        {
            folder = folder.Parent;
        }

        return Path.Combine(folder?.FullName ?? throw new InvalidOperationException("repository root not found"), "examples", "octosync.yaml");
    }

    [Fact]
    public void The_example_loads_with_the_QA_sign_off_rescoped_to_Staging()
    {
        var config = ConfigurationLoader.Load(ExamplePath(), name => name.EndsWith("_API_KEY", StringComparison.Ordinal) ? "API-X" : null);

        var destination = Assert.Single(config.Destinations);
        Assert.Equal("staging-production", destination.Name);
        Assert.Empty(destination.Environments);
        var octoFx = destination.Rules.ForProject("OctoFx");
        Assert.Equal(ExcludedEnvironmentsMode.Rescope, octoFx.Steps.ForStep("QA sign-off").ExcludedEnvironments);
        Assert.Equal(["Staging"], octoFx.Steps.ForStep("QA sign-off").RescopeTo);
        Assert.Equal(ExcludedEnvironmentsMode.Skip, octoFx.Steps.ForStep("Smoke test Dev/Test").ExcludedEnvironments);
        Assert.Equal(ScopeMatch.Exact, octoFx.Variables.For(ScopeDimension.Role));
        Assert.Equal("Default Lifecycle", octoFx.LifecycleMap["Dev/Test"]);
        Assert.False(config.Select.Projects.Matches("Sandbox 1"));
        Assert.Empty(ConfigurationChecks.CheckEnvironments(config, ["Development", "Test"], "staging-production", ["Staging", "Production"]));
    }
}
