using OctoSync.Cli;

return await CliApp.RunAsync(args).ConfigureAwait(false);
