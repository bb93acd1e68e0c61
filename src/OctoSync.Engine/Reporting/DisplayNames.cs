using OctoSync.Engine.Model;
using OctoSync.Engine.Planning;
using OctoSync.Engine.Planning.Translation;

namespace OctoSync.Engine.Reporting;

/// <summary>
/// Turns ids and <see cref="ReferenceToken"/>s of one space into the names a person knows. Objects of a project
/// (channels, steps, runbooks) show without the project's prefix, as the Octopus UI shows them.
/// </summary>
internal sealed class DisplayNames(NameIndex index)
{
    public static DisplayNames Of(SpaceSnapshot snapshot) => new(new NameIndex(snapshot));

    public NameIndex Index => index;

    /// <summary>The name of an id or token; the text itself when it is neither (roles, tags, literal values).</summary>
    public string Of(string idOrToken)
    {
        if (ReferenceToken.IsToken(idOrToken))
        {
            var (kind, key) = ReferenceToken.Parse(idOrToken);
            return Short(kind, key);
        }

        return index.TryGetKey(idOrToken, out var k, out var name) ? Short(k, name) : idOrToken;
    }

    /// <summary>A variable's value: account, certificate and worker-pool values are ids, shown by name.</summary>
    public string Value(string? value) => value is null ? "" : ReferenceToken.IsToken(value) || index.KeyOf(value) is not null ? Of(value) : value;

    private static string Short(ResourceKind kind, string key) => kind switch
    {
        ResourceKind.Channel or ResourceKind.Runbook or ResourceKind.Action or ResourceKind.RunbookProcess
            when key.IndexOf('/', StringComparison.Ordinal) is var i and >= 0 => key[(i + 1)..],
        _ => key,
    };
}
