using System.Buffers;
using System.Buffers.Binary;
using System.IO.Compression;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using OctoSync.Engine.Api.Internal;

namespace OctoSync.Engine.Snapshot;

/// <summary>
/// One JSON document kept as its compact UTF-8 text, Brotli-compressed, and made a <see cref="JsonObject"/> when it is
/// asked for (issue #10: whole Octopus resources as <see cref="JsonObject"/> trees take several times their text, and
/// their text repeats its property names and defaults for every variable and step). Asked for again while anything still
/// holds it, it is the same instance (a weak reference), so reference identity holds as it does for a tree; once nothing
/// holds it, the tree is collected and the next read parses it again. Only for documents nothing changes after they
/// are kept (a snapshot's, a plan's): every parse gives an equal tree — every field, in order, numbers with the text
/// they had (<see cref="CompactJsonParser"/>).
/// </summary>
public sealed class CompactDocument
{
    /// <summary>The text is only ever parsed again here, never sent or shown, so the shortest escaping will do.</summary>
    private static readonly JsonWriterOptions WriterOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, SkipValidation = true };

    [ThreadStatic]
    private static ArrayBufferWriter<byte>? t_text;

    /// <summary>The length of the text (4 bytes), then the text compressed at Brotli's fastest quality.</summary>
    private readonly byte[] _compressed;

    private readonly WeakReference<JsonObject?> _tree;

    private CompactDocument(byte[] compressed, JsonObject? tree)
    {
        _compressed = compressed;
        _tree = new WeakReference<JsonObject?>(tree);
    }

    /// <summary>The bytes kept (for the tests).</summary>
    public int KeptBytes => _compressed.Length;

    /// <summary>Keeps <paramref name="document"/>; while the caller still holds it, <see cref="Document"/> gives it back.</summary>
    public static CompactDocument Of(JsonObject document)
    {
        var text = t_text ??= new ArrayBufferWriter<byte>(16 * 1024);
        text.ResetWrittenCount();
        using (var writer = new Utf8JsonWriter(text, WriterOptions))
        {
            document.WriteTo(writer);
        }

        var compressed = ArrayPool<byte>.Shared.Rent(4 + BrotliEncoder.GetMaxCompressedLength(text.WrittenCount));
        try
        {
            BinaryPrimitives.WriteInt32LittleEndian(compressed, text.WrittenCount);
            if (!BrotliEncoder.TryCompress(text.WrittenSpan, compressed.AsSpan(4), out var written, quality: 1, window: 22))
            {
                throw new InvalidOperationException("Brotli could not compress a document into its maximum compressed length.");
            }

            return new CompactDocument(compressed[..(4 + written)], document);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(compressed);
            if (text.Capacity > 4 << 20)
            {
                // One huge document does not pin its buffer for the thread's life.
                t_text = null;
            }
        }
    }

    /// <summary>The document: the tree someone still holds, or a new one parsed from the text.</summary>
    public JsonObject Document()
    {
        // One lock per document: two readers asking at once get the same tree.
        lock (_tree)
        {
            if (_tree.TryGetTarget(out var tree) && tree is not null)
            {
                return tree;
            }

            tree = Parse();
            _tree.SetTarget(tree);
            return tree;
        }
    }

    private JsonObject Parse()
    {
        var length = BinaryPrimitives.ReadInt32LittleEndian(_compressed);
        var text = ArrayPool<byte>.Shared.Rent(length);
        try
        {
            if (!BrotliDecoder.TryDecompress(_compressed.AsSpan(4), text, out var written) || written != length)
            {
                throw new InvalidDataException("A kept document did not decompress to its own length.");
            }

            return (JsonObject)CompactJsonParser.Parse(text.AsSpan(0, length))!;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(text);
        }
    }
}
