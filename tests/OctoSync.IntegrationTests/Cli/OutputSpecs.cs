using System.Text.Json;
using System.Text.Json.Nodes;
using OctoSync.Cli;
using OctoSync.Cli.Rendering;
using OctoSync.Engine.Applying;
using OctoSync.Engine.Model;
using OctoSync.Engine.Planning;
using static OctoSync.IntegrationTests.Cli.FakeCli;

namespace OctoSync.IntegrationTests.Cli;

/// <summary>
/// Output in proportion to what changed (issue #11, #10 item 3): a quiet default, <c>--verbose</c> for every decision,
/// errors and warnings on standard error, a JSON document for errors under <c>--output json</c>, colours that can be
/// turned off, and JSON output that matches its published schema.
/// </summary>
public class OutputSpecs
{
    private readonly FakeCli _cli = new();

    private static Change SkippedLifecycle() => new()
    {
        Kind = ResourceKind.Lifecycle,
        Key = "Default Lifecycle",
        Action = ChangeAction.Skip,
        Rule = "rules.lifecycles: skip",
        Reason = "lifecycles are not synced",
    };

    private static Change VariablesWithSkippedValue(bool drift) => new()
    {
        Kind = ResourceKind.VariableSet,
        Key = "OctoFx",
        Owner = "OctoFx",
        Action = ChangeAction.None,
        DestinationId = "variableset-Projects-1",
        Rule = "default",
        Reason = "matches the source",
        Details = drift
            ? [new ChangeDetail("Db.Name = OctoFx-Prod [Production]", ChangeAction.Leave, "rules.variables.overwrite: unchanged", "a person changed it on the destination", IsDrift: true)]
            : [new ChangeDetail("Db.Name = OctoFx-Dev [Development]", ChangeAction.Skip, "rules.variables.whenNoEnvironmentLeft: skip", "every environment of its scope is excluded")],
    };

    [Fact]
    public async Task An_in_sync_plan_is_its_summary_and_says_no_changes()
    {
        _cli.Changes.AddRange([Unchanged("OctoFx"), SkippedLifecycle(), VariablesWithSkippedValue(drift: false)]);

        var (exit, output, errors) = await _cli.RunSplitAsync("plan");

        Assert.Equal(ExitCodes.Success, exit);
        Assert.Contains(PlanRenderer.NoChanges, output, StringComparison.Ordinal);
        Assert.Contains("Plan: 0 to create, 0 to update, 0 to delete, 2 skipped, 0 left", output, StringComparison.Ordinal);
        Assert.Contains("Not listed: 2 skipped, 2 unchanged", output, StringComparison.Ordinal);
        Assert.DoesNotContain("Default Lifecycle", output, StringComparison.Ordinal);
        Assert.DoesNotContain("Db.Name", output, StringComparison.Ordinal);
        Assert.DoesNotContain("Error", errors, StringComparison.Ordinal);
        Assert.DoesNotContain("Warning", errors, StringComparison.Ordinal);
        Assert.True(output.Split('\n').Length < 12, output);
    }

    [Fact]
    public async Task Verbose_lists_every_decision()
    {
        _cli.Changes.AddRange([Unchanged("OctoFx"), SkippedLifecycle(), VariablesWithSkippedValue(drift: false)]);

        var (_, output) = await _cli.RunAsync("plan", "--verbose");
        var (_, alias) = await _cli.RunAsync("plan", "--show-unchanged");

        foreach (var text in new[] { output, alias })
        {
            Assert.Contains("Default Lifecycle", text, StringComparison.Ordinal);
            Assert.Contains("rules.lifecycles: skip", text, StringComparison.Ordinal);
            Assert.Contains("Db.Name = OctoFx-Dev [Development]", text, StringComparison.Ordinal);
            Assert.Contains("unchanged", text, StringComparison.Ordinal);
            Assert.Contains("environments.Test", text, StringComparison.Ordinal);
            Assert.DoesNotContain("Not listed", text, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task A_plan_with_changes_lists_them_and_not_the_skips_elsewhere()
    {
        _cli.Changes.AddRange([Create("OctoFx"), SkippedLifecycle()]);

        var (_, output) = await _cli.RunAsync("plan");

        Assert.Contains("Project OctoFx", output, StringComparison.Ordinal);
        Assert.Contains("missing on the destination", output, StringComparison.Ordinal);
        Assert.DoesNotContain("Default Lifecycle", output, StringComparison.Ordinal);
        Assert.DoesNotContain(PlanRenderer.NoChanges, output, StringComparison.Ordinal);
        Assert.Contains("Not listed: 1 skipped", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Drift_is_shown_even_when_nothing_is_written()
    {
        _cli.Changes.Add(VariablesWithSkippedValue(drift: true));

        var (_, output) = await _cli.RunAsync("plan");

        Assert.Contains("Drift: changed on the destination", output, StringComparison.Ordinal);
        Assert.Contains("Db.Name = OctoFx-Prod [Production]", output, StringComparison.Ordinal);
        Assert.Contains("1 left (1 drift)", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Warnings_and_errors_go_to_standard_error()
    {
        _cli.Changes.Add(Create("OctoFx"));
        _cli.Diagnostics.Add(new Diagnostic(Severity.Warning, "the step template is newer on the destination", Subject: "step template Notify"));

        var (_, output, errors) = await _cli.RunSplitAsync("plan");
        Assert.Contains("Warning:", errors, StringComparison.Ordinal);
        Assert.Contains("step template Notify: the step template is newer", errors, StringComparison.Ordinal);
        Assert.DoesNotContain("Warning", output, StringComparison.Ordinal);

        var (exit, stdout, stderr) = await _cli.RunSplitAsync("plan", "--destination", "nowhere");
        Assert.Equal(ExitCodes.Error, exit);
        Assert.Contains("Error:", stderr, StringComparison.Ordinal);
        Assert.Contains("no destination named 'nowhere'", stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("nowhere", stdout, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("connection", "plan", "--output", "json")]
    [InlineData("error", "plan", "--output", "json", "--destination", "nowhere")]
    [InlineData("usage", "plan", "--output", "json", "--destination")]
    [InlineData("usage", "apply", "--output=json", "--html")]
    public async Task Under_output_json_an_error_is_a_json_document(string kind, params string[] args)
    {
        if (kind == "connection")
        {
            _cli.Connect = c => throw new Engine.Api.OctopusApiException("GET", c.Url + "api", 401, "The API key was rejected.", []);
        }

        var (exit, output, errors) = await _cli.RunSplitAsync(args);

        Assert.Equal(ExitCodes.Error, exit);
        using var json = JsonDocument.Parse(output);
        Assert.Equal(1, json.RootElement.GetProperty("formatVersion").GetInt32());
        Assert.Equal(kind, json.RootElement.GetProperty("error").GetProperty("kind").GetString());
        Assert.Contains(OneLine(json.RootElement.GetProperty("error").GetProperty("message").GetString()!), OneLine(errors), StringComparison.Ordinal);
        Assert.DoesNotContain(SourceKey, output, StringComparison.Ordinal);
        JsonSchemas.AssertValid(JsonSchemas.Plan, output);
    }

    [Fact]
    public async Task A_rejected_api_key_names_the_setting_it_came_from()
    {
        _cli.Connect = c => throw new Engine.Api.OctopusApiException("GET", c.Url + "api", 401, "The API key was rejected.", []);

        var (_, _, errors) = await _cli.RunSplitAsync("plan");

        Assert.Matches(@"configured at .*octosync\.yaml: (source\.apiKey|destinations\[name: prod\]\.apiKey)", OneLine(errors));
    }

    [Fact]
    public async Task No_color_and_NO_COLOR_turn_colours_off()
    {
        _cli.Colors = true;
        _cli.Changes.Add(Create("OctoFx"));
        _cli.Diagnostics.Add(new Diagnostic(Severity.Warning, "a warning"));

        var (_, coloured, colouredErrors) = await _cli.RunSplitAsync("plan");
        Assert.Matches(ColourCode, coloured);
        Assert.Matches(ColourCode, colouredErrors);

        var (_, plain, plainErrors) = await _cli.RunSplitAsync("plan", "--no-color");
        Assert.DoesNotMatch(ColourCode, plain);
        Assert.DoesNotMatch(ColourCode, plainErrors);
        Assert.Contains("Project OctoFx", plain, StringComparison.Ordinal);

        _cli.Environment["NO_COLOR"] = "1";
        var (_, environment, environmentErrors) = await _cli.RunSplitAsync("plan");
        Assert.DoesNotMatch(ColourCode, environment);
        Assert.DoesNotMatch(ColourCode, environmentErrors);
    }

    /// <summary>The text with every run of white space (a console wraps long lines) as one space.</summary>
    private static string OneLine(string text) => System.Text.RegularExpressions.Regex.Replace(text, @"\s+", " ");

    /// <summary>An SGR sequence that sets a foreground colour (30–37, 90–97, or 38;… for 256 and true colours).</summary>
    private const string ColourCode = @"\u001b\[(?:[0-9;]*;)?(?:3[0-8]|9[0-7])[;m]";

    [Fact]
    public async Task Plan_and_apply_json_output_match_the_published_schema()
    {
        _cli.Changes.AddRange([Create("OctoFx"), Unchanged("Other"), SkippedLifecycle(), VariablesWithSkippedValue(drift: true)]);
        _cli.Diagnostics.Add(new Diagnostic(Severity.Warning, "a warning", "more", "project OctoFx"));
        _cli.Cleanup.Add(new CleanupItem(ResourceKind.VariableSet, "OctoFx / Db.Password", "replace the placeholder"));

        var (_, plan) = await _cli.RunAsync("plan", "--output", "json");
        JsonSchemas.AssertValid(JsonSchemas.Plan, plan);
        var (_, apply, _) = await _cli.RunSplitAsync("apply", "--yes", "--output", "json");
        JsonSchemas.AssertValid(JsonSchemas.Plan, apply);

        using var json = JsonDocument.Parse(plan);
        Assert.Equal(PlanDocument.CurrentFormatVersion, json.RootElement.GetProperty("formatVersion").GetInt32());
        Assert.Equal("formatVersion", json.RootElement.EnumerateObject().First().Name);
    }

    [Fact]
    public void The_schema_rejects_a_document_it_does_not_describe()
    {
        var document = JsonNode.Parse("""{ "formatVersion": 1, "command": "plan", "destinations": [ { "destination": "prod" } ] }""")!;
        using var parsed = JsonDocument.Parse(document.ToJsonString());
        Assert.NotEmpty(JsonSchemas.Errors(JsonSchemas.Plan, parsed.RootElement));

        using var unknown = JsonDocument.Parse("""{ "formatVersion": 1, "command": "plan", "destinations": [], "surprise": true }""");
        Assert.NotEmpty(JsonSchemas.Errors(JsonSchemas.Plan, unknown.RootElement));
    }

    /// <summary>The schema's enums are the code's: a new action, severity or outcome fails here until the schema has it.</summary>
    [Fact]
    public void The_schema_enums_are_the_codes_enums()
    {
        var schema = JsonNode.Parse(File.ReadAllText(JsonSchemas.PathOf("plan.schema.json")))!["$defs"]!;
        static string[] Values(JsonNode node) => node["enum"]!.AsArray().Select(v => v!.GetValue<string>()).Order(StringComparer.Ordinal).ToArray();

        Assert.Equal(Enum.GetNames<ChangeAction>().Order(StringComparer.Ordinal), Values(schema["action"]!));
        Assert.Equal(Enum.GetNames<Severity>().Order(StringComparer.Ordinal), Values(schema["diagnostic"]!["properties"]!["severity"]!));
        Assert.Equal(Enum.GetNames<ApplyOutcome>().Order(StringComparer.Ordinal), Values(schema["outcome"]!["properties"]!["outcome"]!));
    }

    [Fact]
    public async Task Version_prints_the_informational_version_with_the_commit()
    {
        var (exit, output) = await _cli.RunAsync("--version");

        Assert.Equal(ExitCodes.Success, exit);
        Assert.Equal(CliApp.Version, output.Trim());
        Assert.Matches(@"^\d+\.\d+\.\d+(-[0-9A-Za-z.-]+)?\+[0-9a-f]{7,40}$", output.Trim());
    }

    [Theory]
    [InlineData("plan")]
    [InlineData("apply")]
    [InlineData("validate")]
    [InlineData("demo")]
    [InlineData("emulator")]
    public async Task Every_command_has_examples_in_its_help(string command)
    {
        var (exit, output) = await _cli.RunAsync(command, "--help");

        Assert.Equal(ExitCodes.Success, exit);
        Assert.Contains("EXAMPLES:", output, StringComparison.Ordinal);
        Assert.Contains($"octosync {command}", output, StringComparison.Ordinal);
        Assert.Contains("--no-color", output, StringComparison.Ordinal);
    }
}
