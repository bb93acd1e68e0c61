using System.Text;

namespace OctoSync.Engine.Configuration.Internal;

/// <summary>
/// The YAML spelling of the rule enums: the member name in kebab case (<c>ByName</c> → <c>by-name</c>,
/// <c>NewOnly</c> → <c>new-only</c>), so the spec's values and the enums cannot drift apart.
/// </summary>
public static class EnumText
{
    public static IReadOnlyList<(string Text, T Value)> Values<T>()
        where T : struct, Enum =>
        Enum.GetValues<T>().Select(v => (Kebab(v.ToString()), v)).ToArray();

    public static string Of<T>(T value)
        where T : struct, Enum => Kebab(value.ToString());

    private static string Kebab(string name)
    {
        var sb = new StringBuilder();
        foreach (var c in name)
        {
            if (char.IsUpper(c) && sb.Length > 0)
            {
                sb.Append('-');
            }

            sb.Append(char.ToLowerInvariant(c));
        }

        return sb.ToString();
    }
}
