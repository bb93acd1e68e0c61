using System.Text.RegularExpressions;

namespace OctoSync.Engine.Configuration.Internal;

/// <summary>
/// Expands <c>${NAME}</c> from the environment (spec §3); <c>$${</c> stands for a literal <c>${</c>.
/// Reports the names of unset variables and never their values.
/// </summary>
internal static partial class VariableExpander
{
    public static string Expand(string text, Func<string, string?> environment, ICollection<string> unset) =>
        Reference().Replace(text, m =>
        {
            if (m.Value.StartsWith("$$", StringComparison.Ordinal))
            {
                return m.Value[1..];
            }

            var name = m.Groups["name"].Value;
            var value = environment(name);
            if (value is null)
            {
                unset.Add(name);
                return string.Empty;
            }

            return value;
        });

    [GeneratedRegex(@"\$?\$\{(?<name>[A-Za-z_][A-Za-z0-9_]*)\}")]
    private static partial Regex Reference();
}
