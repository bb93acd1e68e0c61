using System.Security.Cryptography;
using System.Text;

namespace OctoSync.Engine.Planning.Variables.Internal;

/// <summary>
/// Ids for new destination variable values, derived from names so the same input always plans the same ids
/// (a plan is reproducible and comparable). A name-based UUID in the RFC 9562 version-8 layout over SHA-256,
/// the hash RFC 9562 suggests for new name-based UUIDs.
/// </summary>
internal sealed class DeterministicId
{
    private readonly HashSet<string> _taken;

    /// <param name="taken">Ids already used in the destination set: a derived id never collides with one.</param>
    public DeterministicId(IEnumerable<string> taken) => _taken = new HashSet<string>(taken, StringComparer.OrdinalIgnoreCase);

    /// <summary>A fresh id for <paramref name="seed"/>; when taken, the seed is suffixed with a counter, still deterministically.</summary>
    public string Next(string seed)
    {
        for (var attempt = 0; ; attempt++)
        {
            var id = For(attempt == 0 ? seed : $"{seed}#{attempt}");
            if (_taken.Add(id))
            {
                return id;
            }
        }
    }

    public static string For(string seed)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes("octosync-variable:" + seed));
        var bytes = hash.AsSpan(0, 16);
        bytes[6] = (byte)((bytes[6] & 0x0F) | 0x80); // version 8
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80); // RFC 4122/9562 variant
        return new Guid(bytes, bigEndian: true).ToString("D");
    }
}
