using System.Security.Cryptography;
using System.Text;

namespace OctoSync.Engine.Secrets;

/// <summary>
/// The random key of the keyed hashes OctoSync keeps of the secrets it supplied (HMAC-SHA256), so that a changed
/// secret is written again and an unchanged one is not, without the state ever holding a value or a plain hash
/// of it (a plain hash of a short password can be guessed offline; a keyed one cannot without this file).
/// Kept in <c>secrets.key</c> beside the state files, created on first use (owner read/write only on Unix).
/// </summary>
public sealed class SecretHashKey
{
    public const string FileName = "secrets.key";
    private const string Prefix = "hmac-sha256:";

    private readonly byte[] key;

    private SecretHashKey(byte[] key) => this.key = key;

    /// <summary>A key not kept anywhere (tests).</summary>
    public static SecretHashKey FromBytes(byte[] key) => new([.. key]);

    /// <summary>Reads <c>{stateFolder}/secrets.key</c>, creating it with 32 random bytes when absent.</summary>
    /// <exception cref="SecretException">The file exists but is not a key, or cannot be read or created.</exception>
    public static SecretHashKey LoadOrCreate(string stateFolder)
    {
        var path = Path.Combine(stateFolder, FileName);
        try
        {
            if (!File.Exists(path))
            {
                Create(path);
            }

            var text = File.ReadAllText(path).Trim();
            var bytes = Convert.FromBase64String(text);
            return bytes.Length >= 32 ? new SecretHashKey(bytes) : throw new FormatException("shorter than 32 bytes");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or FormatException)
        {
            throw new SecretException($"{path}: cannot use the secrets hash key ({e.Message}). Delete it to have a new one made; every supplied secret is then written once more.");
        }
    }

    /// <summary><c>hmac-sha256:{hex}</c> of one value for one target (the target is part of the input, so equal
    /// secrets of two variables do not show as equal hashes).</summary>
    public string Hash(string target, string value)
    {
        var mac = HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(target + "\n" + value));
        return Prefix + Convert.ToHexStringLower(mac);
    }

    private static void Create(string path)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write, Share = FileShare.None };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        try
        {
            using var stream = new FileStream(path, options);
            using var writer = new StreamWriter(stream);
            writer.Write(Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)));
        }
        catch (IOException) when (File.Exists(path))
        {
            // Another run created it first: use that one.
        }
    }
}
