using System.Text.RegularExpressions;
using OctoSync.Engine.Configuration.Internal;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace OctoSync.Engine.Configuration;

/// <summary>
/// Loads <c>octosync.yaml</c> (spec §3): strict (unknown keys, bad values, wrong types, missing keys and unset
/// <c>${VAR}</c> are errors), every error reported at once in a <see cref="ConfigurationException"/>, rules merged
/// per destination and project. Touches no network.
/// </summary>
public static partial class ConfigurationLoader
{
    /// <param name="environment">Reads <c>${VAR}</c>; default: the process environment.</param>
    public static SyncConfiguration Load(string path, Func<string, string?>? environment = null)
    {
        string yaml;
        try
        {
            yaml = File.ReadAllText(path);
        }
        catch (Exception ex) when (ex is FileNotFoundException or DirectoryNotFoundException)
        {
            throw new ConfigurationException(path, [$"{path}: file not found"]);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new ConfigurationException(path, [$"{path}: cannot be read: {ex.Message}"]);
        }

        return Parse(yaml, path, environment);
    }

    /// <param name="filePath">Names the file in messages; relative paths (state.path) are resolved against its folder.</param>
    public static SyncConfiguration Parse(string yaml, string filePath, Func<string, string?>? environment = null)
    {
        var reader = new ConfigReader(filePath, environment ?? Environment.GetEnvironmentVariable);
        var root = ReadRoot(reader, yaml);
        var config = root is null ? null : ConfigurationReader.Read(reader, root);
        if (reader.HasErrors || config is null)
        {
            throw new ConfigurationException(filePath, reader.Errors);
        }

        return config;
    }

    private static YamlMappingNode? ReadRoot(ConfigReader reader, string yaml)
    {
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(yaml));
        }
        catch (YamlException ex)
        {
            // YamlDotNet prefixes "(Line: 3, Col: 5, Idx: 40) - (Line: ...): "; the line is in our own prefix.
            reader.Error((int)ex.Start.Line, string.Empty, "syntax error: " + MarkPrefix().Replace(ex.Message, string.Empty));
            return null;
        }

        if (stream.Documents.Count > 1)
        {
            reader.Error(stream.Documents[1].RootNode, string.Empty, "expected one YAML document, found several");
            return null;
        }

        var node = stream.Documents.Count == 0 ? null : stream.Documents[0].RootNode;
        if (ConfigReader.IsNull(node))
        {
            return new YamlMappingNode();
        }

        return reader.Mapping(node, string.Empty);
    }

    [GeneratedRegex(@"^\(Line: \d+, Col: \d+, Idx: \d+\) - \(Line: \d+, Col: \d+, Idx: \d+\): ")]
    private static partial Regex MarkPrefix();
}
