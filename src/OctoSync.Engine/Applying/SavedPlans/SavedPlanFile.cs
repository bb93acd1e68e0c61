using System.Text.Json;
using System.Text.Json.Serialization;
using OctoSync.Engine.State;

namespace OctoSync.Engine.Applying.SavedPlans;

/// <summary>Reads and writes <see cref="SavedPlan"/> files (JSON, written atomically).</summary>
public static class SavedPlanFile
{
    private static readonly JsonSerializerOptions Options = new(StateJson.Options)
    {
        Converters = { new JsonStringEnumConverter() },
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    public static void Write(string path, SavedPlan plan) =>
        AtomicFile.Write(path, stream => JsonSerializer.Serialize(stream, plan, Options));

    /// <exception cref="SavedPlanException">The file is missing, unreadable, not a plan file, or of another format version.</exception>
    public static SavedPlan Read(string path)
    {
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new SavedPlanException(path, $"cannot be read: {ex.Message}", ex);
        }

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(text);
        }
        catch (JsonException ex)
        {
            throw new SavedPlanException(path, $"is not valid JSON (line {(ex.LineNumber ?? 0) + 1}): {ex.Message}", ex);
        }

        using (document)
        {
            var root = document.RootElement;
            var format = root.ValueKind == JsonValueKind.Object && root.TryGetProperty("format", out var f) && f.ValueKind == JsonValueKind.String ? f.GetString() : null;
            if (format != SavedPlan.FormatName)
            {
                throw new SavedPlanException(path, $"is not a saved OctoSync plan (\"format\" is {(format is null ? "missing" : $"'{format}'")}, expected '{SavedPlan.FormatName}'); write one with plan --out");
            }

            var version = root.TryGetProperty("formatVersion", out var v) && v.TryGetInt32(out var n) ? n : (int?)null;
            if (version != SavedPlan.CurrentFormatVersion)
            {
                throw new SavedPlanException(path, $"has format version {version?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "(missing)"}; this OctoSync reads version {SavedPlan.CurrentFormatVersion}");
            }

            try
            {
                var plan = document.Deserialize<SavedPlan>(Options);
                if (plan?.Destinations is null || plan.Destinations.Any(d => d?.Plan?.Changes is null || d.Documents is null))
                {
                    throw new JsonException("\"destinations\", their \"plan\" and \"documents\" must not be null");
                }

                return plan;
            }
            catch (JsonException ex)
            {
                throw new SavedPlanException(path, $"is damaged: {ex.Message}", ex);
            }
        }
    }
}

/// <summary>A saved plan file that cannot be used; the message names the file.</summary>
public sealed class SavedPlanException(string path, string problem, Exception? inner = null)
    : Exception($"Plan file '{path}' {problem}", inner)
{
    public string FilePath { get; } = path;
}
