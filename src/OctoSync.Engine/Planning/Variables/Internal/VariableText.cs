namespace OctoSync.Engine.Planning.Variables.Internal;

/// <summary>How a variable value is shown in a plan: <c>ConnectionString = Database=… [Role: SQL-Server]</c>. Never shows a secret.</summary>
internal static class VariableText
{
    private const int MaxValueLength = 80;

    /// <summary>Order in which scope dimensions are shown, the order of the Octopus variable editor.</summary>
    private static readonly string[] DisplayOrder = ["Environment", "Role", "Machine", "Channel", "Action", "ProcessOwner", "TenantTag"];

    /// <param name="nameOf">Turns (dimension, item) into a display name; items of the owner show without the owner's prefix.</param>
    public static string Item(VariableValue value, string owner, Func<string, string, string> nameOf)
    {
        var text = $"{value.Name} = {Shown(value)}";
        var scope = Scope(value.Scope, owner, nameOf);
        return scope.Length == 0 ? text : $"{text} [{scope}]";
    }

    public static string Scope(VariableScope scope, string owner, Func<string, string, string> nameOf)
    {
        var dimensions = scope.Dimensions
            .OrderBy(d => Array.IndexOf(DisplayOrder, d.Key) is var i && i < 0 ? int.MaxValue : i)
            .ThenBy(d => d.Key, StringComparer.Ordinal)
            .Select(d => $"{d.Key}: {string.Join(", ", d.Value.Select(i => WithoutOwner(nameOf(d.Key, i), owner)))}");
        return string.Join("; ", dimensions);
    }

    private static string Shown(VariableValue value)
    {
        if (value.IsSensitive)
        {
            return "***";
        }

        var text = value.Value ?? "";
        var newline = text.IndexOfAny(['\r', '\n']);
        if (newline >= 0)
        {
            text = text[..newline] + "…";
        }

        return text.Length > MaxValueLength ? text[..MaxValueLength] + "…" : text;
    }

    private static string WithoutOwner(string key, string owner) =>
        key.StartsWith(owner + "/", StringComparison.OrdinalIgnoreCase) ? key[(owner.Length + 1)..] : key;
}
