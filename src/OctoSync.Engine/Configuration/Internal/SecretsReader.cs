using System.Globalization;
using OctoSync.Engine.Secrets;
using YamlDotNet.RepresentationModel;

namespace OctoSync.Engine.Configuration.Internal;

/// <summary>
/// Reads a destination's <c>secrets:</c> list (docs/secrets.md). Each entry names one sensitive thing and where its
/// value comes from: a variable value (<c>variable: Project/Name</c>, optional <c>scope:</c> in destination names,
/// <c>value:</c>), an account's secret fields (<c>account:</c>, <c>fields: { Password: … }</c>), a feed's
/// (<c>feed:</c>, <c>password:</c> or <c>fields:</c>), a certificate (<c>certificate:</c>, <c>data:</c> the PFX/PEM file,
/// optional <c>password:</c>), a step template's sensitive parameter default (<c>stepTemplate:</c>, <c>parameter:</c>,
/// <c>value:</c>). Sources are kept as written — <c>${NAME}</c> here is not expanded at load time: it is
/// resolved, with the others, once the instances have been read, and its text is what plans show. Whether a field
/// belongs to the account's or feed's type is checked once the instances are read (<see cref="SecretTargets"/>).
/// </summary>
internal static class SecretsReader
{
    private static readonly string[] Keys = ["variable", "scope", "value", "account", "certificate", "feed", "fields", "password", "data", "stepTemplate", "parameter"];

    private static readonly string[] Kinds = ["variable", "account", "feed", "certificate", "stepTemplate"];

    /// <summary>The keys each kind of entry takes besides its own.</summary>
    private static readonly Dictionary<string, string[]> KindKeys = new(StringComparer.Ordinal)
    {
        ["variable"] = ["scope", "value"],
        ["account"] = ["fields"],
        ["feed"] = ["password", "fields"],
        ["certificate"] = ["data", "password"],
        ["stepTemplate"] = ["parameter", "value"],
    };

    public static void Read(ConfigReader r, ConfigReader.Entry entry, DestinationReader.Draft draft)
    {
        if (r.Sequence(entry.Value, entry.Path) is not { } list)
        {
            return;
        }

        var seen = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < list.Children.Count; i++)
        {
            var path = KeyPath.Item(entry.Path, i.ToString(CultureInfo.InvariantCulture));
            if (r.Mapping(list.Children[i], path) is not { } map)
            {
                if (ConfigReader.IsNull(list.Children[i]))
                {
                    r.Error(list.Children[i], path, "expected a mapping with variable and value");
                }

                continue;
            }

            foreach (var mapping in ReadOne(r, map, path, draft))
            {
                if (!seen.TryAdd(mapping.Target, mapping.Line))
                {
                    r.Error(mapping.Line, path, $"{mapping.Target} already has a secret (line {seen[mapping.Target]})");
                    continue;
                }

                draft.Secrets.Add(mapping);
            }
        }
    }

    private static List<SecretMapping> ReadOne(ConfigReader r, YamlMappingNode map, string path, DestinationReader.Draft draft)
    {
        var entries = r.Entries(map, path, Keys).ToList();
        var kinds = entries.Where(e => Kinds.Contains(e.Key)).ToList();
        if (kinds.Count != 1)
        {
            r.Error(map, path, kinds.Count == 0
                ? "expected one of variable, account, feed, certificate or stepTemplate"
                : $"one entry names one thing: {string.Join(" and ", kinds.Select(k => k.Key))} are two");
            return [];
        }

        var kind = kinds[0];
        var ok = true;
        foreach (var e in entries.Where(e => e != kind && !KindKeys[kind.Key].Contains(e.Key) && Keys.Contains(e.Key)))
        {
            r.Error(e.Line, e.Path, $"'{e.Key}' does not apply to {(kind.Key == "account" ? "an" : "a")} {kind.Key} entry (its keys: {string.Join(", ", KindKeys[kind.Key])})");
            ok = false;
        }

        var result = kind.Key switch
        {
            "variable" => ReadVariable(r, map, path, entries, draft),
            "account" => ReadFields(r, map, path, entries, kind, SecretTargetKind.Account),
            "feed" => ReadFields(r, map, path, entries, kind, SecretTargetKind.Feed),
            "stepTemplate" => ReadStepTemplate(r, map, path, entries, kind),
            _ => ReadCertificate(r, map, path, entries, kind),
        };
        return ok ? result : [];
    }

    private static List<SecretMapping> ReadVariable(ConfigReader r, YamlMappingNode map, string path, List<ConfigReader.Entry> entries, DestinationReader.Draft draft)
    {
        string? owner = null, name = null;
        SecretSource? source = null;
        var scope = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        var ok = true;
        foreach (var e in entries)
        {
            switch (e.Key)
            {
                case "variable":
                    if (r.Text(e.Value, e.Path, required: true) is { } text)
                    {
                        var slash = text.IndexOf('/', StringComparison.Ordinal);
                        if (slash <= 0 || slash == text.Length - 1)
                        {
                            r.Error(e.Line, e.Path, $"'{text}' is not Project/Name (a project or library variable set, a slash, the variable name)");
                            ok = false;
                        }
                        else
                        {
                            owner = text[..slash].Trim();
                            name = text[(slash + 1)..].Trim();
                        }
                    }
                    else
                    {
                        ok = false;
                    }

                    break;
                case "scope":
                    ok &= ReadScope(r, e, scope, draft);
                    break;
                case "value":
                    source = ReadSource(r, e);
                    ok &= source is not null;
                    break;
            }
        }

        r.RequireKey(map, path, "value");
        return ok && owner is not null && name is not null && source is not null
            ? [new SecretMapping { Owner = owner, Name = name, Scope = scope, Source = source, KeyPath = path, SourcePath = KeyPath.Child(path, "value"), Line = ConfigReader.LineOf(map) }]
            : [];
    }

    /// <summary>An account's or a feed's secret fields: <c>fields: { Password: ${X} }</c>; a feed may say <c>password:</c>
    /// for <c>fields: { Password: … }</c>. One mapping per field; its key path is the field's, which is what the plan's
    /// token and rule name.</summary>
    private static List<SecretMapping> ReadFields(ConfigReader r, YamlMappingNode map, string path, List<ConfigReader.Entry> entries, ConfigReader.Entry kind, SecretTargetKind target)
    {
        var name = r.Text(kind.Value, kind.Path, required: true);
        var known = target == SecretTargetKind.Account ? SecretFields.AnyAccount : SecretFields.AnyFeed;
        var result = new List<SecretMapping>();
        var ok = name is not null;
        var any = false;
        foreach (var e in entries)
        {
            if (e.Key == "password")
            {
                any = true;
                ok &= Add(e, "Password", e.Path);
            }
            else if (e.Key == "fields" && r.Mapping(e.Value, e.Path) is { } fields)
            {
                foreach (var f in r.AnyEntries(fields, e.Path))
                {
                    any = true;
                    var field = known.FirstOrDefault(k => string.Equals(k, f.Key, StringComparison.OrdinalIgnoreCase));
                    if (field is null)
                    {
                        r.Error(f.Line, f.Path, $"'{f.Key}' is not a secret field of any {kind.Key}; expected one of {string.Join(", ", known)}");
                        ok = false;
                        continue;
                    }

                    ok &= Add(f, field, f.Path);
                }
            }
            else if (e.Key == "fields")
            {
                ok = false;
            }
        }

        if (!any && ok)
        {
            r.Error(map, path, target == SecretTargetKind.Account
                ? "an account entry needs fields, e.g. fields: { Password: ${AZURE_PROD_SECRET} }"
                : "a feed entry needs password (or fields, e.g. fields: { SecretKey: ${ECR_SECRET_KEY} })");
            ok = false;
        }

        return ok ? result : [];

        bool Add(ConfigReader.Entry e, string field, string keyPath)
        {
            if (result.Any(m => m.Name == field))
            {
                r.Error(e.Line, e.Path, $"{field} is given twice in this entry");
                return false;
            }

            if (ReadSource(r, e) is not { } source)
            {
                return false;
            }

            result.Add(new SecretMapping { Kind = target, Owner = name ?? "", Name = field, Source = source, KeyPath = keyPath, SourcePath = keyPath, Line = e.Line });
            return true;
        }
    }

    /// <summary>A step template's sensitive parameter default: <c>stepTemplate:</c>, <c>parameter:</c> (its name), <c>value:</c>.</summary>
    private static List<SecretMapping> ReadStepTemplate(ConfigReader r, YamlMappingNode map, string path, List<ConfigReader.Entry> entries, ConfigReader.Entry kind)
    {
        var name = r.Text(kind.Value, kind.Path, required: true);
        string? parameter = null;
        SecretSource? source = null;
        var ok = name is not null;
        foreach (var e in entries)
        {
            if (e.Key == "parameter")
            {
                parameter = r.Text(e.Value, e.Path, required: true);
                ok &= parameter is not null;
            }
            else if (e.Key == "value")
            {
                source = ReadSource(r, e);
                ok &= source is not null;
            }
        }

        r.RequireKey(map, path, "parameter");
        r.RequireKey(map, path, "value");
        return ok && parameter is not null && source is not null
            ? [new SecretMapping { Kind = SecretTargetKind.StepTemplate, Owner = name!, Name = parameter, Source = source, KeyPath = path, SourcePath = KeyPath.Child(path, "value"), Line = ConfigReader.LineOf(map) }]
            : [];
    }

    /// <summary>A certificate: <c>data:</c> (required) the PFX, PEM or DER file — <c>file:</c> reads its bytes, the other
    /// sources give it base64-encoded — and the file's <c>password:</c> (optional).</summary>
    private static List<SecretMapping> ReadCertificate(ConfigReader r, YamlMappingNode map, string path, List<ConfigReader.Entry> entries, ConfigReader.Entry kind)
    {
        var name = r.Text(kind.Value, kind.Path, required: true);
        var ok = name is not null;
        var result = new List<SecretMapping>();
        foreach (var e in entries.Where(e => e.Key is "data" or "password"))
        {
            if (ReadSource(r, e) is { } source)
            {
                result.Add(new SecretMapping
                {
                    Kind = SecretTargetKind.Certificate,
                    Owner = name ?? "",
                    Name = e.Key == "data" ? "CertificateData" : "Password",
                    IsBinary = e.Key == "data",
                    Source = source,
                    KeyPath = e.Path,
                    SourcePath = e.Path,
                    Line = e.Line,
                });
            }
            else
            {
                ok = false;
            }
        }

        r.RequireKey(map, path, "data");
        return ok && result.Any(m => m.IsBinary) ? result : [];
    }

    private static SecretSource? ReadSource(ConfigReader r, ConfigReader.Entry e)
    {
        if (e.Value is not YamlScalarNode scalar || ConfigReader.IsNull(e.Value))
        {
            r.Error(e.Line, e.Path, "expected ${NAME}, file:PATH or command:PROGRAM ARGS");
            return null;
        }

        var source = SecretSource.Parse(scalar.Value ?? "", out var error);
        if (source is null)
        {
            r.Error(e.Line, e.Path, error!);
        }

        return source;
    }

    private static bool ReadScope(ConfigReader r, ConfigReader.Entry entry, Dictionary<string, IReadOnlyList<string>> scope, DestinationReader.Draft draft)
    {
        if (r.Mapping(entry.Value, entry.Path) is not { } map)
        {
            return false;
        }

        var ok = true;
        var dimensions = Enum.GetNames<ScopeDimension>();
        foreach (var e in r.Entries(map, entry.Path, dimensions))
        {
            if (r.TextList(e.Value, e.Path) is not { Count: > 0 } names)
            {
                r.Error(e.Line, e.Path, "expected one or more destination names");
                ok = false;
                continue;
            }

            scope[e.Key] = names;
            if (e.Key == nameof(ScopeDimension.Environment))
            {
                draft.References.AddRange(names.Select(n => new ConfigurationReference(ConfigurationReferenceKind.DestinationEnvironment, n, e.Path, e.Line)));
            }
        }

        return ok;
    }
}
