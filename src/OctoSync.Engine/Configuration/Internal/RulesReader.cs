using YamlDotNet.RepresentationModel;

namespace OctoSync.Engine.Configuration.Internal;

/// <summary>Reads one <c>rules:</c> mapping (top-level, destination or project) into a <see cref="RulesPatch"/>.</summary>
internal static class RulesReader
{
    private static readonly string[] Keys =
        ["environments", "lifecycles", "lifecycleMap", "channels", "steps", "variables", "accounts", "certificates", "deletions"];

    public static RulesPatch Read(ConfigReader r, YamlNode? node, string path)
    {
        var patch = new RulesPatch(path);
        if (r.Mapping(node, path) is not { } map)
        {
            return patch;
        }

        foreach (var e in r.Entries(map, path, Keys))
        {
            switch (e.Key)
            {
                case "environments":
                    ReadEnvironments(r, patch, e);
                    break;
                case "lifecycles":
                    Set(patch, e, r.Enum<LifecyclesMode>(e.Value, e.Path), (x, v) => x with { Lifecycles = v });
                    break;
                case "lifecycleMap":
                    ReadLifecycleMap(r, patch, e);
                    break;
                case "channels":
                    Set(patch, e, r.Enum<ChannelsMode>(e.Value, e.Path), (x, v) => x with { Channels = v });
                    break;
                case "steps":
                    StepRulesReader.Read(r, patch, e);
                    break;
                case "variables":
                    VariableRulesReader.Read(r, patch, e);
                    break;
                case "accounts":
                    Set(patch, e, r.Enum<ReferenceMode>(e.Value, e.Path), (x, v) => x with { Accounts = v });
                    break;
                case "certificates":
                    Set(patch, e, r.Enum<ReferenceMode>(e.Value, e.Path), (x, v) => x with { Certificates = v });
                    break;
                case "deletions":
                    ReadDeletions(r, patch, e);
                    break;
            }
        }

        return patch;
    }

    /// <summary>Records an edit for a value that was read (a null value was absent or already reported).</summary>
    internal static void Set<T>(RulesPatch patch, ConfigReader.Entry e, T? value, Func<SyncRules, T, SyncRules> edit)
        where T : struct
    {
        if (value is { } v)
        {
            patch.Set(e, x => edit(x, v));
        }
    }

    private static void ReadEnvironments(ConfigReader r, RulesPatch patch, ConfigReader.Entry entry)
    {
        if (r.Mapping(entry.Value, entry.Path) is not { } map)
        {
            return;
        }

        foreach (var e in r.Entries(map, entry.Path, ["createMissing"]))
        {
            Set(patch, e, r.Bool(e.Value, e.Path), (x, v) => x with { Environments = x.Environments with { CreateMissing = v } });
        }
    }

    private static void ReadDeletions(ConfigReader r, RulesPatch patch, ConfigReader.Entry entry)
    {
        if (r.Mapping(entry.Value, entry.Path) is not { } map)
        {
            return;
        }

        foreach (var e in r.Entries(map, entry.Path, ["objects"]))
        {
            Set(patch, e, r.Enum<DeletionMode>(e.Value, e.Path), (x, v) => x with { Deletions = x.Deletions with { Objects = v } });
        }
    }

    private static void ReadLifecycleMap(ConfigReader r, RulesPatch patch, ConfigReader.Entry entry)
    {
        if (r.Mapping(entry.Value, entry.Path) is not { } map)
        {
            return;
        }

        foreach (var e in r.AnyEntries(map, entry.Path))
        {
            if (r.Text(e.Value, e.Path, required: true) is not { } target)
            {
                continue;
            }

            // Merged key by key: a destination's lifecycleMap adds to (or changes entries of) the top-level one.
            patch.Set(e, x => x with
            {
                LifecycleMap = new Dictionary<string, string>(x.LifecycleMap, StringComparer.OrdinalIgnoreCase) { [e.Key] = target },
            });
        }
    }
}
