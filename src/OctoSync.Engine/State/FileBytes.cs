using System.Runtime.InteropServices;

namespace OctoSync.Engine.State;

/// <summary>
/// A file's bytes in native memory, freed when disposed. A state file is tens of megabytes at 500 projects (28.6 MB in
/// the L benchmark): as a byte array it was a large object that only a generation-2 collection frees, so it stayed in
/// the process through planning and raised the run's peak (issue #10). Native memory is freed as soon as the state is read
/// from it, without waiting for a collection.
/// </summary>
internal sealed unsafe class FileBytes : IDisposable
{
    private void* _memory;

    private FileBytes(void* memory, int length)
    {
        _memory = memory;
        Length = length;
    }

    public int Length { get; }

    public ReadOnlySpan<byte> Span => _memory is null ? throw new ObjectDisposedException(nameof(FileBytes)) : new ReadOnlySpan<byte>(_memory, Length);

    /// <exception cref="IOException">The file cannot be read, or is larger than 2 GB.</exception>
    public static FileBytes Read(string path)
    {
        using var file = File.OpenHandle(path, FileMode.Open, FileAccess.Read, FileShare.Read);
        var size = RandomAccess.GetLength(file);
        if (size > Array.MaxLength)
        {
            throw new IOException($"the file is {size:N0} bytes, more than a state file can be");
        }

        var length = (int)size;
        var memory = NativeMemory.Alloc((nuint)Math.Max(1, length));
        try
        {
            var span = new Span<byte>(memory, length);
            var read = 0;
            while (read < length)
            {
                var n = RandomAccess.Read(file, span[read..], read);
                if (n == 0)
                {
                    // The file shrank while it was read: what is there is what is read, as File.ReadAllBytes would.
                    break;
                }

                read += n;
            }

            return new FileBytes(memory, read);
        }
        catch
        {
            NativeMemory.Free(memory);
            throw;
        }
    }

    public void Dispose()
    {
        if (_memory is not null)
        {
            NativeMemory.Free(_memory);
            _memory = null;
        }
    }
}
