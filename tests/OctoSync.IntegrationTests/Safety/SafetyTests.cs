using System.Text.Json;
using OctoSync.Emulator;
using OctoSync.Engine.State;

namespace OctoSync.IntegrationTests.Safety;

/// <summary>Issue #9 against emulators: strict options, one run at a time, state bound to its instance, failures contained, timeouts, redaction.</summary>
public class SafetyTests
{
    [Fact]
    public async Task A_misspelled_option_is_an_error_naming_the_closest_one_and_nothing_is_read()
    {
        await using var rig = await SafetyRig.StartAsync();
        rig.WriteConfig(rig.DefaultYaml());

        var run = await rig.RunAsync("plan", "--detailed-exitcodes");

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("Unknown option '--detailed-exitcodes'", run.Output, StringComparison.Ordinal);
        Assert.Contains("Did you mean '--detailed-exitcode'?", run.Output, StringComparison.Ordinal);
        Assert.Empty(rig.Source.RequestLog);
        Assert.Empty(rig.Destinations[0].RequestLog);
    }

    [Fact]
    public async Task Apply_with_an_unknown_option_writes_nothing()
    {
        await using var rig = await SafetyRig.StartAsync();
        rig.WriteConfig(rig.DefaultYaml());

        var run = await rig.RunAsync("apply", "--yes", "--dry-run");

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("Unknown option '--dry-run' for apply", run.Output, StringComparison.Ordinal);
        Assert.Empty(rig.Destinations[0].RequestLog);
        Assert.False(Directory.Exists(rig.StateFolder));
    }

    [Fact]
    public async Task A_destination_locked_by_another_run_is_refused_naming_the_holder_and_break_lock_takes_it()
    {
        await using var rig = await SafetyRig.StartAsync();
        rig.WriteConfig(rig.DefaultYaml());
        var lockPath = StateLock.PathFor(new StateStore(rig.StateFolder).PathFor("d0"));
        Directory.CreateDirectory(rig.StateFolder);
        var other = new StateLockHolder("d0", "ci-runner", "build-agent-7", 4242, new DateTimeOffset(2026, 12, 1, 22, 0, 0, TimeSpan.Zero), "t");
        await File.WriteAllTextAsync(lockPath, JsonSerializer.Serialize(other, StateJson.Options));

        var refused = await rig.RunAsync("apply", "--yes");

        Assert.Equal(1, refused.ExitCode);
        Assert.Contains("Destination 'd0' is locked by another run (ci-runner on build-agent-7, pid 4242, since 2026-12-01 22:00:00Z", refused.Output, StringComparison.Ordinal);
        Assert.Contains("--break-lock", refused.Output, StringComparison.Ordinal);
        Assert.Empty(rig.Writes());
        Assert.Empty(rig.Destinations[0].RequestLog);
        Assert.True(File.Exists(lockPath));

        var broken = await rig.RunAsync("apply", "--yes", "--break-lock");

        Assert.Equal(0, broken.ExitCode);
        Assert.NotEmpty(rig.WritesTo(0));
        Assert.False(File.Exists(lockPath));
    }

    [Fact]
    public async Task A_lock_whose_process_is_gone_on_this_host_is_reported_as_stale()
    {
        await using var rig = await SafetyRig.StartAsync();
        rig.WriteConfig(rig.DefaultYaml());
        var lockPath = StateLock.PathFor(new StateStore(rig.StateFolder).PathFor("d0"));
        Directory.CreateDirectory(rig.StateFolder);
        var dead = new StateLockHolder("d0", Environment.UserName, Environment.MachineName, int.MaxValue, DateTimeOffset.UnixEpoch, "t");
        await File.WriteAllTextAsync(lockPath, JsonSerializer.Serialize(dead, StateJson.Options));

        var validate = await rig.RunAsync("validate");
        var apply = await rig.RunAsync("apply", "--yes");

        Assert.Equal(1, validate.ExitCode);
        Assert.Contains("the lock is stale", validate.Output, StringComparison.Ordinal);
        Assert.Equal(1, apply.ExitCode);
        Assert.Contains("the lock is stale", apply.Output, StringComparison.Ordinal);
        Assert.Empty(rig.Writes());
    }

    [Fact]
    public async Task The_lock_is_released_after_apply_and_the_state_records_its_instance()
    {
        await using var rig = await SafetyRig.StartAsync();
        rig.WriteConfig(rig.DefaultYaml());

        var run = await rig.RunAsync("apply", "--yes");

        Assert.Equal(0, run.ExitCode);
        var statePath = new StateStore(rig.StateFolder).PathFor("d0");
        Assert.False(File.Exists(StateLock.PathFor(statePath)));
        var state = new StateStore(rig.StateFolder).Load("d0");
        Assert.Equal(rig.Destinations[0].BaseUrl.ToString(), state.Instance?.ServerUrl);
        Assert.Equal("Spaces-1", state.Instance?.SpaceId);
        Assert.False(string.IsNullOrEmpty(state.Instance?.InstallationId));
    }

    [Fact]
    public async Task A_state_written_for_another_server_stops_the_run_saying_what_to_do()
    {
        await using var rig = await SafetyRig.StartAsync(destinations: 2);
        rig.WriteConfig(rig.DefaultYaml());
        Assert.Equal(0, (await rig.RunAsync("apply", "--yes", "--destination", "d0")).ExitCode);
        // The same destination name now points at another server.
        rig.WriteConfig(rig.DefaultYaml()
            .Replace("url: {dest0}\n    apiKey: ${D0}", "url: {dest1}\n    apiKey: ${D1}", StringComparison.Ordinal));
        rig.ClearLogs();

        var plan = await rig.RunAsync("plan", "--destination", "d0");
        var apply = await rig.RunAsync("apply", "--yes", "--destination", "d0");

        foreach (var run in new[] { plan, apply })
        {
            Assert.Equal(1, run.ExitCode);
            Assert.True(run.Output.Contains("was written for another instance: server URL " + rig.Destinations[0].BaseUrl, StringComparison.Ordinal), run.Output);
            Assert.Contains("--rebind-state", run.Output, StringComparison.Ordinal);
            Assert.DoesNotContain("left deleted", run.Output, StringComparison.Ordinal);
        }

        Assert.Empty(rig.Writes());
        Assert.Equal(0, (await rig.RunAsync("plan", "--destination", "d0", "--rebind-state")).ExitCode);
    }

    [Fact]
    public async Task An_unreachable_destination_beside_a_healthy_one_leaves_the_healthy_one_applied_and_exits_1()
    {
        await using var rig = await SafetyRig.StartAsync(destinations: 2);
        // d1 points at a port nothing listens on.
        rig.WriteConfig(rig.DefaultYaml().Replace("url: {dest1}", "url: http://127.0.0.1:9/", StringComparison.Ordinal));

        var run = await rig.RunAsync("apply", "--yes");

        Assert.Equal(1, run.ExitCode);
        Assert.NotEmpty(rig.WritesTo(0));
        Assert.Empty(rig.WritesTo(1));
        Assert.Matches(@"d0: ok: \d+ written", run.Output);
        Assert.Contains("d1: failed (connect): Cannot connect to d1 at http://127.0.0.1:9/", run.Output, StringComparison.Ordinal);
        Assert.True(File.Exists(new StateStore(rig.StateFolder).PathFor("d0")));
        Assert.Contains("(retry 1/6)", run.Errors, StringComparison.Ordinal);

        // The healthy destination's plan is now empty: its writes were complete.
        rig.ClearLogs();
        var again = await rig.RunAsync("plan", "--destination", "d0", "--detailed-exitcode");
        Assert.Equal(0, again.ExitCode);
    }

    [Fact]
    public async Task A_401_mid_apply_stops_that_destination_with_no_further_writes_and_the_other_proceeds()
    {
        await using var rig = await SafetyRig.StartAsync(destinations: 2);
        rig.WriteConfig(rig.DefaultYaml());
        var revoking = new RevokingHandler(allowedWrites: 3);
        rig.Transport = url => url == rig.Destinations[0].BaseUrl ? revoking : null;

        var run = await rig.RunAsync("apply", "--yes");

        Assert.Equal(1, run.ExitCode);
        Assert.Equal(3, rig.WritesTo(0).Count);
        // The refused request is the only one sent after the key stopped working.
        Assert.Equal(1, revoking.RefusedRequests);
        Assert.Contains("d0: stopped after 401", run.Output, StringComparison.Ordinal);
        Assert.Contains("not sent: d0 refused an earlier request", run.Output, StringComparison.Ordinal);
        Assert.NotEmpty(rig.WritesTo(1));
        Assert.Matches(@"d1: ok: \d+ written", run.Output);
    }

    [Fact]
    public async Task A_server_that_never_answers_fails_within_the_timeout()
    {
        await using var rig = await SafetyRig.StartAsync();
        using var silent = new SilentServer();
        rig.WriteConfig(rig.DefaultYaml().Replace("url: {dest0}", $"url: {silent.Url}", StringComparison.Ordinal));

        var run = await rig.RunAsync("apply", "--yes", "--timeout", "1");

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("timed out after 1 s", run.Output, StringComparison.Ordinal);
        Assert.Empty(rig.Writes());
    }

    [Fact]
    public async Task The_timeout_key_in_the_file_bounds_requests_too()
    {
        await using var rig = await SafetyRig.StartAsync();
        using var silent = new SilentServer();
        rig.WriteConfig(rig.DefaultYaml("timeout: 1\n").Replace("url: {dest0}", $"url: {silent.Url}", StringComparison.Ordinal));

        var run = await rig.RunAsync("validate");

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("timed out after 1 s", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_key_written_into_a_url_is_redacted_in_every_output()
    {
        var secret = EmulatorOptions.NewApiKey();
        await using var rig = await SafetyRig.StartAsync();
        rig.WriteConfig(rig.DefaultYaml()
            .Replace("url: {source}", "url: {source}?apikey=" + secret, StringComparison.Ordinal)
            .Replace("url: {dest0}", "url: {dest0}?ApiKey=" + secret, StringComparison.Ordinal));
        var html = Path.Combine(rig.Folder, "apply.html");
        var planFile = Path.Combine(rig.Folder, "plan.json");

        var runs = new[]
        {
            await rig.RunAsync("validate"),
            await rig.RunAsync("plan", "--out", planFile),
            await rig.RunAsync("plan", "--output", "json"),
            await rig.RunAsync("apply", "--yes", "--html", html),
            await rig.RunAsync("plan", "--detailed-exitcodes"),
        };

        foreach (var run in runs)
        {
            Assert.DoesNotContain(secret, run.All, StringComparison.Ordinal);
        }

        Assert.Contains("apikey=***", runs[0].Errors, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("the URL carries a credential", runs[0].Errors, StringComparison.Ordinal);
        Assert.DoesNotContain(secret, await File.ReadAllTextAsync(html), StringComparison.Ordinal);
        Assert.DoesNotContain(secret, await File.ReadAllTextAsync(planFile), StringComparison.Ordinal);
        foreach (var file in Directory.GetFiles(rig.StateFolder))
        {
            Assert.DoesNotContain(secret, await File.ReadAllTextAsync(file), StringComparison.Ordinal);
        }

        // The key in the URL is never sent either: requests carry the header key only.
        Assert.DoesNotContain(rig.Destinations[0].RequestLog, e => e.Path.Contains(secret, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Validate_and_apply_report_the_same_unknown_names_before_any_write()
    {
        await using var rig = await SafetyRig.StartAsync();
        rig.WriteConfig(rig.DefaultYaml("projects:\n  OctoFX2: {}\nrules:\n  lifecycleMap: { Dev/Test: Fast lane }\n"));

        var validate = await rig.RunAsync("validate");
        var apply = await rig.RunAsync("apply", "--yes");

        foreach (var line in new[] { "projects.OctoFX2: project 'OctoFX2' does not exist on the source; did you mean 'OctoFx'?", "lifecycle 'Fast lane' does not exist on d0" })
        {
            Assert.Contains(line, validate.Output, StringComparison.Ordinal);
            Assert.Contains(line, apply.Output, StringComparison.Ordinal);
        }

        Assert.Equal(1, validate.ExitCode);
        Assert.Equal(1, apply.ExitCode);
        Assert.Empty(rig.Writes());
        Assert.False(File.Exists(StateLock.PathFor(new StateStore(rig.StateFolder).PathFor("d0"))));
    }
}
