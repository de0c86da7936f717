using System.Security.Cryptography;
using System.Text;

namespace QualityVoice.Feedback.Tracking;

/// <summary>
/// Hashes a passphrase with HMAC-SHA256 under a secret key kept outside the database, bound to its reference.
/// A stolen database alone does not reveal passphrases; the key lives in the data directory or Key Vault.
/// The same key makes request fingerprints (<see cref="FingerprintRequest"/>), so that nothing in the database
/// can be confirmed by hashing a guess.
/// A slow password hash would cap intake at a few dozen submissions a second, and the online guessing that
/// remains is stopped by locking a reference after five failures (docs/adr/0005-references-and-passphrases.md).
/// </summary>
public sealed class PassphraseHasher(byte[] key)
{
    private readonly byte[] _key = key.Length >= 32
        ? key
        : throw new ArgumentException("The passphrase key must be at least 32 bytes.", nameof(key));

    /// <summary>The keyed hash of a normalised passphrase for the given reference.</summary>
    public byte[] Hash(string reference, string normalisedPassphrase)
    {
        var input = Encoding.UTF8.GetBytes($"{reference}\n{normalisedPassphrase}");
        return HMACSHA256.HashData(_key, input);
    }

    /// <summary>Whether a typed passphrase matches the stored hash, compared in constant time.</summary>
    public bool Verify(string reference, string normalisedPassphrase, ReadOnlySpan<byte> storedHash) =>
        CryptographicOperations.FixedTimeEquals(Hash(reference, normalisedPassphrase), storedHash);

    /// <summary>
    /// A fingerprint of a request, to tell a client's repeat from a key reused for another request: keyed, so that
    /// someone holding only the database cannot test guesses against it. The intakes leave personal fields (a
    /// name, contact details, an e-mail address) out of <paramref name="fields"/> altogether.
    /// </summary>
    public byte[] FingerprintRequest(params IEnumerable<string?> fields) =>
        HMACSHA256.HashData(_key, Encoding.UTF8.GetBytes("request\n" + string.Join('\u001f', fields.Select(field => field ?? "\u0000"))));

    /// <summary>
    /// The keyed hash of an API key, as the store keeps it: someone holding only the database cannot test guesses
    /// against it, nor use a hash as a key.
    /// </summary>
    public byte[] HashApiKey(string apiKey) =>
        HMACSHA256.HashData(_key, Encoding.UTF8.GetBytes("api-key\n" + apiKey));

    /// <summary>
    /// The passphrase for a submission that carries an idempotency key: derived from the key under the secret,
    /// so a repeated request gets the same passphrase back although only its hash was stored.
    /// </summary>
    public string DerivePassphrase(string idempotencyScope)
    {
        var seed = HMACSHA256.HashData(_key, Encoding.UTF8.GetBytes($"passphrase\n{idempotencyScope}"));
        return Passphrase.Create(new SeededRandomSource(seed));
    }

    /// <summary>Reads the key from a file, creating it (readable by the owner only) the first time.</summary>
    public static PassphraseHasher FromKeyFile(string path) => new(SecretKeyFile.ReadOrCreate(path));

    /// <summary>Draws from a fixed block of bytes; rejection sampling keeps the draws uniform.</summary>
    private sealed class SeededRandomSource(byte[] seed) : IRandomSource
    {
        private byte[] _block = seed;
        private int _offset;

        public int Next(int maxExclusive)
        {
            var limit = ushort.MaxValue + 1 - ((ushort.MaxValue + 1) % maxExclusive);
            while (true)
            {
                if (_offset + 2 > _block.Length)
                {
                    _block = SHA256.HashData(_block);
                    _offset = 0;
                }

                var value = BitConverter.ToUInt16(_block, _offset);
                _offset += 2;
                if (value < limit)
                {
                    return value % maxExclusive;
                }
            }
        }
    }
}
