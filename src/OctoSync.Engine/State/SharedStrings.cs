using System.Text.Json;
using System.Text.Json.Serialization;
using OctoSync.Engine.Model;

namespace OctoSync.Engine.State;

/// <summary>
/// Reads a state file's short strings once each: a scope key, a portable scope, a field name or a fingerprint that occurs
/// many times in the file (the scope <c>{"Environment":["Test"]}</c> of thousands of values; a source and a written
/// fingerprint that are equal) becomes one string instance. Issue #10: at 500 projects the state holds 41,000 variable
/// entries, and it is live for the whole run. Only while <see cref="Reading"/> is open on the thread; otherwise, and
/// for writing, strings are read and written as the default converter does.
/// </summary>
internal sealed class SharedStrings : JsonConverter<string>
{
    /// <summary>Strings up to this many bytes as written (escapes included) are shared: ids, fingerprints, names and
    /// most scope keys are shorter. The text is never longer than that in chars.</summary>
    private const int SharedMaxBytes = 256;

    [ThreadStatic]
    private static Dictionary<string, string>? t_pool;

    public override bool HandleNull => false;

    /// <summary>Shares strings on this thread until disposed (one state file's read).</summary>
    public static IDisposable Reading()
    {
        t_pool = new Dictionary<string, string>(StringComparer.Ordinal);
        return new End();
    }

    public override string? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        // Anything but a short string is read by the reader itself, with its own errors (a number where a string belongs,
        // text that is not UTF-8), which the serializer reports with the path and line as for any other field. The
        // state's writer escapes quotes (a scope key is {\u0022Environment\u0022:…}), so escaped text is shared too.
        if (t_pool is not { } pool || reader.TokenType != JsonTokenType.String || reader.HasValueSequence || reader.ValueSpan.Length > SharedMaxBytes)
        {
            return reader.GetString();
        }

        Span<char> chars = stackalloc char[SharedMaxBytes];
        var length = reader.CopyString(chars);
        return StringPool.Share(pool, chars[..length]);
    }

    public override void Write(Utf8JsonWriter writer, string value, JsonSerializerOptions options) => writer.WriteStringValue(value);

    private sealed class End : IDisposable
    {
        public void Dispose() => t_pool = null;
    }
}
