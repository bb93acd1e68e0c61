using System.Text.Json.Nodes;
using OctoSync.Engine.Model;

namespace OctoSync.Engine.Planning.Objects;

/// <summary>
/// Lays desired (managed, translated) fields over a destination document without dropping anything the destination
/// has: nested objects keep their unknown fields, list items are matched by Name (else by position) and keep the
/// destination's Id, new list items lose the source's Id (the server assigns one), and write-only values keep the
/// destination's secret or get a placeholder (recorded in <see cref="Placeholders"/>).
/// </summary>
public sealed class DocumentMerge(string placeholder)
{
    /// <summary>Paths (e.g. <c>Password</c>, <c>Parameters[Token].DefaultValue</c>) where a placeholder was written.</summary>
    public List<string> Placeholders { get; } = [];

    public JsonNode? Merge(JsonNode? desired, JsonNode? destination, string path)
    {
        if (SensitiveValues.IsSensitive(desired))
        {
            if (SensitiveValues.IsSensitive(destination))
            {
                return destination!.DeepClone();
            }

            if (!SensitiveValues.HasValue(desired))
            {
                return SensitiveValues.Empty();
            }

            Placeholders.Add(path);
            // A server parses certificate data and refuses text that is not a certificate (emulator profiles,
            // Swagger 2021.2 CertificateResource computed fields): a certificate placeholder must be a certificate.
            return SensitiveValues.Placeholder(path == "CertificateData" ? PlaceholderCertificate.Base64 : placeholder);
        }

        switch (desired)
        {
            case JsonObject d:
                var result = destination is JsonObject x ? x.Clone() : [];
                foreach (var (key, value) in d)
                {
                    result[key] = Merge(value, result[key], path.Length == 0 ? key : $"{path}.{key}");
                }

                return result;
            case JsonArray a:
                var destinationItems = (destination as JsonArray)?.ToList() ?? [];
                return new JsonArray(a.Select((item, i) => MergeItem(item, destinationItems, i, path)).ToArray());
            default:
                return desired?.DeepClone();
        }
    }

    /// <summary>Every write-only value in a document to be created becomes a placeholder (or stays empty).</summary>
    public void PlaceholderSecrets(JsonObject document, string path = "")
    {
        foreach (var (key, value) in document.ToList())
        {
            var at = path.Length == 0 ? key : $"{path}.{key}";
            if (SensitiveValues.IsSensitive(value))
            {
                document[key] = Merge(value, null, at);
            }
            else if (value is JsonObject o)
            {
                PlaceholderSecrets(o, at);
            }
            else if (value is JsonArray arr)
            {
                foreach (var item in arr.Objects())
                {
                    PlaceholderSecrets(item, $"{at}[{item.Name()}]");
                }
            }
        }
    }

    private JsonNode? MergeItem(JsonNode? item, List<JsonNode?> destinationItems, int index, string path)
    {
        if (item is not JsonObject o)
        {
            return Merge(item, null, path);
        }

        var name = o.Str("Name");
        var match = name is not null
            ? destinationItems.OfType<JsonObject>().FirstOrDefault(d => string.Equals(d.Str("Name"), name, StringComparison.OrdinalIgnoreCase))
            : index < destinationItems.Count ? destinationItems[index] as JsonObject : null;
        var merged = (JsonObject)Merge(o, match, $"{path}[{name ?? index.ToString(System.Globalization.CultureInfo.InvariantCulture)}]")!;
        if (match?["Id"] is { } id)
        {
            merged["Id"] = id.DeepClone();
        }
        else
        {
            merged.Remove("Id");
        }

        return merged;
    }
}
