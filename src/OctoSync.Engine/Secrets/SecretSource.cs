using System.Text;
using System.Text.RegularExpressions;

namespace OctoSync.Engine.Secrets;

public enum SecretSourceKind { Environment, File, Command }

/// <summary>
/// Where one secret's value comes from (docs/secrets.md): <c>${NAME}</c> (an environment variable),
/// <c>file:PATH</c> (a file's content) or <c>command:PROGRAM ARGS</c> (a program's standard output, run without a shell).
/// <see cref="Text"/> is the source as written in <c>octosync.yaml</c>: it is what plans and reports show, never the value.
/// </summary>
public sealed partial record SecretSource(SecretSourceKind Kind, string Text, string Target, IReadOnlyList<string> Arguments)
{
    /// <summary>Parses the text of a <c>value:</c> key; null with <paramref name="error"/> set when it is none of the three forms.</summary>
    public static SecretSource? Parse(string text, out string? error)
    {
        error = null;
        var trimmed = text.Trim();
        if (EnvironmentReference().Match(trimmed) is { Success: true } m)
        {
            return new SecretSource(SecretSourceKind.Environment, trimmed, m.Groups["name"].Value, []);
        }

        if (trimmed.StartsWith("file:", StringComparison.Ordinal))
        {
            var path = trimmed["file:".Length..].Trim();
            if (path.Length == 0)
            {
                error = "'file:' needs a path, e.g. file:/run/secrets/db-password";
                return null;
            }

            return new SecretSource(SecretSourceKind.File, trimmed, path, []);
        }

        if (trimmed.StartsWith("command:", StringComparison.Ordinal))
        {
            var words = Split(trimmed["command:".Length..], out error);
            if (words is null)
            {
                return null;
            }

            if (words.Count == 0)
            {
                error = "'command:' needs a program, e.g. command:vault kv get -field=password secret/prod/db";
                return null;
            }

            return new SecretSource(SecretSourceKind.Command, trimmed, words[0], words.Skip(1).ToList());
        }

        // Never echo the text: a person may have pasted the secret itself here.
        error = trimmed.Contains("${", StringComparison.Ordinal)
            ? "an environment source is the whole value, exactly ${NAME}"
            : "expected ${NAME}, file:PATH or command:PROGRAM ARGS (the value itself is never written in this file)";
        return null;
    }

    /// <summary>Splits a command line into words: spaces separate, double quotes group (<c>\"</c> is a quote inside them). No shell.</summary>
    internal static List<string>? Split(string line, out string? error)
    {
        error = null;
        var words = new List<string>();
        var current = new StringBuilder();
        var inWord = false;
        var quoted = false;
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (quoted)
            {
                if (c == '\\' && i + 1 < line.Length && line[i + 1] == '"')
                {
                    current.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    current.Append(c);
                }
            }
            else if (c == '"')
            {
                quoted = true;
                inWord = true;
            }
            else if (char.IsWhiteSpace(c))
            {
                if (inWord)
                {
                    words.Add(current.ToString());
                    current.Clear();
                    inWord = false;
                }
            }
            else
            {
                current.Append(c);
                inWord = true;
            }
        }

        if (quoted)
        {
            error = "unclosed double quote in the command";
            return null;
        }

        if (inWord)
        {
            words.Add(current.ToString());
        }

        return words;
    }

    [GeneratedRegex(@"^\$\{(?<name>[A-Za-z_][A-Za-z0-9_]*)\}$")]
    private static partial Regex EnvironmentReference();
}
