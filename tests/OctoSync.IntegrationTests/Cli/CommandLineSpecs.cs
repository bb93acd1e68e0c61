using System.Text.Json;
using OctoSync.Cli;
using OctoSync.Engine.Api;
using static OctoSync.IntegrationTests.Cli.FakeCli;

namespace OctoSync.IntegrationTests.Cli;

/// <summary>The command line's contract (spec §2): exit codes, output formats, confirmation, errors, secrets.</summary>
public class CommandLineSpecs
{
    private readonly FakeCli _cli = new();

    [Theory]
    [InlineData(true, new[] { "plan" }, ExitCodes.Success)]
    [InlineData(true, new[] { "plan", "--detailed-exitcode" }, ExitCodes.ChangesPending)]
    [InlineData(false, new[] { "plan", "--detailed-exitcode" }, ExitCodes.Success)]
    [InlineData(false, new[] { "plan" }, ExitCodes.Success)]
    public async Task I_can_tell_from_the_exit_code_whether_changes_are_pending(bool pending, string[] args, int expected)
    {
        _cli.Changes.Add(pending ? Create("OctoFx") : Unchanged("OctoFx"));

        var (exit, _) = await _cli.RunAsync(args);

        Assert.Equal(expected, exit);
        Assert.Empty(_cli.Writes);
    }

    [Fact]
    public async Task I_can_read_the_plan_as_tables_with_a_summary_line()
    {
        _cli.Changes.AddRange([Create("OctoFx"), Unchanged("Other")]);

        var (_, output) = await _cli.RunAsync("plan");

        Assert.Contains("Plan: 1 to create, 0 to update, 0 to delete, 0 skipped, 0 left", output, StringComparison.Ordinal);
        Assert.Contains("(excluded)", output, StringComparison.Ordinal);
        Assert.Contains("Project OctoFx", output, StringComparison.Ordinal);
        Assert.DoesNotContain("Other", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task I_can_read_the_plan_as_json()
    {
        _cli.Changes.Add(Create("OctoFx"));

        var (exit, output) = await _cli.RunAsync("plan", "--output", "json");

        Assert.Equal(ExitCodes.Success, exit);
        using var json = JsonDocument.Parse(output);
        var destination = json.RootElement.GetProperty("destinations")[0];
        Assert.Equal("prod", destination.GetProperty("destination").GetString());
        Assert.Equal(1, destination.GetProperty("summary").GetProperty("create").GetInt32());
        Assert.Equal("Create", destination.GetProperty("changes")[0].GetProperty("action").GetString());
    }

    [Fact]
    public async Task I_can_write_the_plan_to_a_file()
    {
        _cli.Changes.Add(Create("OctoFx"));
        var file = Path.Combine(Path.GetTempPath(), $"octosync-plan-{Guid.NewGuid():N}.json");

        await _cli.RunAsync("plan", "--out", file);

        using var json = JsonDocument.Parse(await File.ReadAllTextAsync(file));
        Assert.Equal("octosync-plan", json.RootElement.GetProperty("format").GetString());
        File.Delete(file);
    }

    [Fact]
    public async Task Apply_refuses_to_write_without_yes_when_input_is_redirected()
    {
        _cli.Changes.Add(Create("OctoFx"));

        var (exit, output) = await _cli.RunAsync("apply");

        Assert.Equal(ExitCodes.Error, exit);
        Assert.Contains("--yes", output, StringComparison.Ordinal);
        Assert.Empty(_cli.Writes);
        Assert.Empty(_cli.SavedStates);
    }

    [Fact]
    public async Task Apply_with_yes_writes_the_plan_and_saves_the_state()
    {
        _cli.Changes.Add(Create("OctoFx"));

        var (exit, output) = await _cli.RunAsync("apply", "--yes");

        Assert.Equal(ExitCodes.Success, exit);
        Assert.Equal(["POST projects"], _cli.Writes);
        Assert.True(Assert.Single(_cli.SavedStates).Objects.ContainsKey("Project:OctoFx"));
        Assert.Contains("1 applied, 0 failed", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Apply_json_output_lists_the_outcomes()
    {
        _cli.Changes.Add(Create("OctoFx"));

        var (_, output) = await _cli.RunAsync("apply", "--yes", "--output", "json");

        using var json = JsonDocument.Parse(output);
        var applied = json.RootElement.GetProperty("destinations")[0].GetProperty("applied")[0];
        Assert.Equal("Applied", applied.GetProperty("outcome").GetString());
    }

    [Fact]
    public async Task An_unknown_destination_is_one_error_line_and_exit_1()
    {
        var (exit, output) = await _cli.RunAsync("plan", "--destination", "nowhere");

        Assert.Equal(ExitCodes.Error, exit);
        Assert.Contains("no destination named 'nowhere'", output, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_rejected_api_key_is_reported_without_showing_the_key_or_a_stack_trace()
    {
        _cli.Connect = c => throw new OctopusApiException("GET", c.Url + "api", 401, "The API key was rejected.", []);

        var (exit, output) = await _cli.RunAsync("plan");

        Assert.Equal(ExitCodes.Error, exit);
        Assert.Contains("API key was rejected", output, StringComparison.Ordinal);
        Assert.DoesNotContain(SourceKey, output, StringComparison.Ordinal);
        Assert.DoesNotContain(DestinationKey, output, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Validate_checks_the_environment_names_of_the_mapping_and_writes_nothing()
    {
        var (exit, output) = await _cli.RunAsync("validate");
        Assert.Equal(ExitCodes.Success, exit);
        Assert.Contains("excluded source environments", output, StringComparison.Ordinal);

        _cli.Mapping = "Test: Stagin";
        (exit, output) = await _cli.RunAsync("validate");

        Assert.Equal(ExitCodes.Error, exit);
        Assert.Matches(@"octosync\.yaml:\d+: .*environment 'Stagin' does not exist on prod", output);
        Assert.Empty(_cli.Writes);
        Assert.DoesNotContain(DestinationKey, output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_invalid_output_format_is_refused()
    {
        var (exit, _) = await _cli.RunAsync("plan", "--output", "yaml");
        Assert.Equal(ExitCodes.Error, exit);
    }
}
