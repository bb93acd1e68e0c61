// OctoSync benchmarks (docs/performance.md). Prints figures; asserts nothing.
//   sync [--size S,M,L] ...   the sync benchmark of issue #10 (default)
//   snapshot ...              reading one space only
//   serve LATENCY             internal: an emulator in a child process for `sync`
//   sync-scenario ...         internal: one scenario of `sync` in a fresh child process
using System.Globalization;
using OctoSync.Benchmarks;
using OctoSync.Benchmarks.Sync;

return args switch
{
    ["serve", var latency] => await EmulatorHost.ServeAsync(int.Parse(latency, CultureInfo.InvariantCulture)),
    ["snapshot", .. var rest] => await SnapshotBenchmark.RunAsync(rest),
    [ScenarioRun.Verb, .. var rest] => await ScenarioRun.RunAsync(rest),
    ["sync", .. var rest] => await SyncBenchmark.RunAsync(rest),
    _ => await SyncBenchmark.RunAsync(args),
};
