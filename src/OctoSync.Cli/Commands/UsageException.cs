namespace OctoSync.Cli.Commands;

/// <summary>A command line the parser let through but OctoSync refuses (an option given without its value): a usage error, exit 1.</summary>
public sealed class UsageException(string message) : Exception(message);
