using OctoSync.Engine.Configuration;

namespace OctoSync.Engine.Tests.Configuration;

/// <summary>Each class of error gives one exact line naming the file, the line and the key path.</summary>
public class ConfigurationErrorTests
{
    // ConfigYaml.Minimal is 7 lines, so the first appended line is line 8.
    public static TheoryData<string, string> Errors => new()
    {
        { "rules:\n  variables:\n    scopeMatch: partal", "octosync.yaml:10: rules.variables.scopeMatch: 'partal' is not one of exact, partial, ignore, new-only" },
        { "rules:\n  steps: { excludedEnvironments: rescoped }", "octosync.yaml:9: rules.steps.excludedEnvironments: 'rescoped' is not one of skip, unscope, rescope" },
        { "rules:\n  accounts: by_name", "octosync.yaml:9: rules.accounts: 'by_name' is not one of by-name, placeholder, skip" },
        { "rules:\n  variables: { references: placeholder }", "octosync.yaml:9: rules.variables.references: 'placeholder' is not one of by-name, skip, empty" },
        { "rules:\n  variables: { overwrite: sometimes }", "octosync.yaml:9: rules.variables.overwrite: 'sometimes' is not one of never, unchanged, always" },
        { "rules:\n  environments: { createMissing: yes please }", "octosync.yaml:9: rules.environments.createMissing: 'yes please' is not one of true, false" },
        { "select:\n  tenants: some", "octosync.yaml:9: select.tenants: 'some' is not one of connected, all, none" },
        { "rules:\n  variables:\n    scopeMatchh: exact", "octosync.yaml:10: rules.variables.scopeMatchh: unknown key; did you mean 'scopeMatch'?" },
        { "rules:\n  deletions: { objects: delete }", "octosync.yaml:9: rules.deletions.objects: 'delete' is not one of report, remove" },
        { "rules:\n  deletions:\n    object: remove", "octosync.yaml:10: rules.deletions.object: unknown key; did you mean 'objects'?" },
        { "rules:\n  lifecycle: sync", "octosync.yaml:9: rules.lifecycle: unknown key; did you mean 'lifecycles'?" },
        { "rules:\n  variables: { scopeMatchBy: { Tenant: exact } }", "octosync.yaml:9: rules.variables.scopeMatchBy.Tenant: unknown key; did you mean 'TenantTag'?" },
        { "state:\n  folder: x", "octosync.yaml:9: state.folder: unknown key; expected one of path" },
        { "    apikey: ${PROD_KEY}", "octosync.yaml:8: destinations[prod].apikey: unknown key; did you mean 'apiKey'?" },
        { "    enviroments: { Test: Staging }", "octosync.yaml:8: destinations[prod].enviroments: unknown key; did you mean 'environments'?" },
        { "    environments: { Test: [Staging] }", "octosync.yaml:8: destinations[prod].environments.Test: expected a text value, found a list" },
        { "select:\n  project: [OctoFx]", "octosync.yaml:9: select.project: unknown key; did you mean 'projects'?" },
        { "select:\n  excludeProject: [OctoFx]", "octosync.yaml:9: select.excludeProject: unknown key; did you mean 'excludeProjects'?" },
        { "mystery: 1", "octosync.yaml:8: mystery: unknown key; expected one of source, destinations, select, rules, projects, state" },
        { "projects:\n  OctoFx:\n    steps: {}", "octosync.yaml:10: projects.OctoFx.steps: unknown key; expected one of rules" },
        { "rules:\n  steps: [skip]", "octosync.yaml:9: rules.steps: expected a mapping, found a list" },
        { "rules:\n  steps: { rescopeTo: { a: b } }", "octosync.yaml:9: rules.steps.rescopeTo: expected a list, found a mapping" },
        { "rules:\n  variables: { placeholder: [a] }", "octosync.yaml:9: rules.variables.placeholder: expected a text value, found a list" },
        { "rules:\n  steps: { excludedEnvironments: rescope }", "octosync.yaml:9: rules.steps.excludedEnvironments: 'rescope' needs rescopeTo: the destination environments to run the step in" },
        { "rules:\n  steps:\n    overrides:\n      QA sign-off: { excludedEnvironments: rescope }", "octosync.yaml:11: rules.steps.overrides[\"QA sign-off\"].excludedEnvironments: 'rescope' needs rescopeTo: the destination environments to run the step in" },
        { "rules:\n  steps:\n    overrides:\n      QA sign-off: { excludedEnvironments: never }", "octosync.yaml:11: rules.steps.overrides[\"QA sign-off\"].excludedEnvironments: 'never' is not one of skip, unscope, rescope" },
        { "state:\n  path:", "octosync.yaml:9: state.path: a value is required" },
        { "rules:\n  lifecycleMap: { Default: }", "octosync.yaml:9: rules.lifecycleMap.Default: a value is required" },
        { "projects:\n  OctoFx: {}\n  octofx: {}", "octosync.yaml:10: projects.octofx: project 'octofx' is listed twice" },
    };

    [Theory]
    [MemberData(nameof(Errors))]
    public void An_error_names_the_file_the_line_and_the_key(string appended, string expected)
    {
        var ex = Assert.Throws<ConfigurationException>(() =>
            ConfigurationLoader.Parse(ConfigYaml.Minimal + "\n" + appended + "\n", "octosync.yaml", ConfigYaml.Env));

        Assert.Equal([expected], ex.Errors);
        Assert.Equal($"Configuration file 'octosync.yaml' is invalid (1 error):{Environment.NewLine}{expected}", ex.Message);
    }

    public static TheoryData<string, string[]> WholeFileErrors => new()
    {
        { "", ["octosync.yaml:1: source: required key is missing", "octosync.yaml:1: destinations: required key is missing"] },
        { "- a\n- b", ["octosync.yaml:1: expected a mapping, found a list"] },
        { "source: {}\ndestinations: []", [
            "octosync.yaml:1: source.url: required key is missing",
            "octosync.yaml:1: source.apiKey: required key is missing",
            "octosync.yaml:2: destinations: at least one destination is required"] },
        { "source:\n  url: devtest.octopus\n  apiKey: k\ndestinations:\n  - url: ftp://prod\n    name: prod\n    environments: [Test]", [
            "octosync.yaml:2: source.url: 'devtest.octopus' is not an absolute http or https URL",
            "octosync.yaml:5: destinations[prod].url: 'ftp://prod' is not an absolute http or https URL",
            "octosync.yaml:5: destinations[prod].apiKey: required key is missing",
            "octosync.yaml:7: destinations[prod].environments: expected a mapping, found a list"] },
        { "source: { url: 'https://a', apiKey: k }\ndestinations:\n  - { url: 'https://b', apiKey: k }\n  - { name: '', url: 'https://c', apiKey: k }", [
            "octosync.yaml:3: destinations[0].name: required key is missing",
            "octosync.yaml:4: destinations[1].name: a value is required"] },
        { "source: { url: 'https://a', apiKey: k }\ndestinations:\n  - { name: prod, url: 'https://b', apiKey: k }\n  - name: Prod\n    url: https://c\n    apiKey: k", [
            "octosync.yaml:4: destinations[Prod].name: duplicate destination name 'Prod' (first at line 3)"] },
        { "source: { url: 'https://a', apiKey: k }\ndestinations:\n  - name: prod\n    url: https://b\n    apiKey: k\n    environments: { Test: Staging, Test: Production }", [
            "octosync.yaml:6: syntax error: Duplicate key Test"] },
        { "source: https://a\ndestinations: { name: prod }", [
            "octosync.yaml:1: source: expected a mapping, found a text value",
            "octosync.yaml:2: destinations: expected a list, found a mapping"] },
        { "source:\ndestinations:\n  -\n", [
            "octosync.yaml:1: source: expected a mapping with url and apiKey",
            "octosync.yaml:3: destinations[0]: expected a mapping with name, url and apiKey"] },
        { "source:\n  url: https://a\n   apiKey: k", ["octosync.yaml:3: syntax error: While scanning a plain scalar value, found invalid mapping."] },
    };

    [Theory]
    [MemberData(nameof(WholeFileErrors))]
    public void Every_error_is_reported_at_once(string yaml, string[] expected)
    {
        var ex = Assert.Throws<ConfigurationException>(() => ConfigurationLoader.Parse(yaml, "octosync.yaml", ConfigYaml.Env));

        Assert.Equal(expected, ex.Errors);
        Assert.StartsWith($"Configuration file 'octosync.yaml' is invalid ({expected.Length} error", ex.Message, StringComparison.Ordinal);
    }
}
