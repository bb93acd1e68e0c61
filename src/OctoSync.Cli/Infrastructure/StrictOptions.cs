using System.Reflection;
using System.Text.RegularExpressions;
using OctoSync.Engine.Configuration;
using Spectre.Console.Cli;

namespace OctoSync.Cli.Infrastructure;

/// <summary>
/// The command line is parsed strictly (Spectre.Console.Cli <c>UseStrictParsing</c>): an unknown or misspelled option
/// is a parse error before any command runs, so nothing is read or written. This adds what Spectre's message lacks
/// for options: the closest valid option of that command (<c>--detailed-exitcodes</c> → <c>--detailed-exitcode</c>).
/// </summary>
internal static partial class StrictOptions
{
    /// <summary>The one-line message for a parse error, with a suggestion when the error is an unknown option.</summary>
    public static string Describe(CommandParseException e, IReadOnlyList<string> args, IReadOnlyDictionary<string, Type> settingsByCommand)
    {
        var match = UnknownOption().Match(e.Message);
        if (!match.Success)
        {
            return e.Message;
        }

        var name = match.Groups[1].Value.TrimStart('-');
        var typed = args.FirstOrDefault(a => a.TrimStart('-').Split('=')[0] == name) ?? (name.Length == 1 ? "-" + name : "--" + name);
        var command = args.FirstOrDefault(a => settingsByCommand.ContainsKey(a));
        if (command is null)
        {
            return $"Unknown option '{typed}'.";
        }

        var options = LongNames(settingsByCommand[command]).ToList();
        var suggestion = Suggestions.Closest(name, options);
        var hint = suggestion is null
            ? $" Options of {command}: {string.Join(", ", options.Order(StringComparer.Ordinal).Select(o => "--" + o))}."
            : $" Did you mean '--{suggestion}'?";
        return $"Unknown option '{typed}' for {command}.{hint} Nothing was read or written.";
    }

    /// <summary>An option of the settings type that takes a value but was given none (last, or followed by another option).</summary>
    public static string? MissingValue(IReadOnlyList<string> args, Type settings)
    {
        var valued = settings.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Select(p => p.GetCustomAttribute<CommandOptionAttribute>())
            .Where(a => a is { ValueName: not null, ValueIsOptional: false })
            .SelectMany(a => a!.LongNames.Select(n => "--" + n).Concat(a.ShortNames.Select(n => "-" + n)))
            .ToHashSet(StringComparer.Ordinal);
        for (var i = 0; i < args.Count; i++)
        {
            if (valued.Contains(args[i]) && (i + 1 == args.Count || args[i + 1].StartsWith('-')))
            {
                return args[i];
            }
        }

        return null;
    }

    /// <summary>Every long option name of a settings type (its own and inherited ones).</summary>
    public static IEnumerable<string> LongNames(Type settings) =>
        settings.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Select(p => p.GetCustomAttribute<CommandOptionAttribute>())
            .Where(a => a is not null)
            .SelectMany(a => a!.LongNames)
            .Distinct(StringComparer.Ordinal);

    [GeneratedRegex(@"Unknown option '([^']+)'", RegexOptions.IgnoreCase)]
    private static partial Regex UnknownOption();
}
