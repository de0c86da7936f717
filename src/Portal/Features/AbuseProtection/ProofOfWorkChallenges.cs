using System.Buffers.Binary;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using QualityVoice.Feedback.Intake;

namespace QualityVoice.Portal.Features.AbuseProtection;

/// <summary>
/// Issues and verifies proof-of-work challenges in the format the <c>altcha</c> widget (v3) solves:
/// the challenge's parameters are signed with HMAC-SHA256 over their canonical JSON (keys sorted); the widget
/// finds a 32-bit counter such that the key derived from <c>nonce ‖ counter</c> (big-endian) and the salt starts
/// with the key prefix, and posts <c>base64({"challenge":{parameters,signature},"solution":{counter,derivedKey}})</c>.
/// Verifying costs one key derivation; each challenge is accepted once, until it expires.
/// </summary>
public sealed class ProofOfWorkChallenges(ProofOfWorkOptions options, byte[] secret, TimeProvider time, IUsedChallenges usedChallenges)
{
    private const int KeyLength = 32;

    /// <summary>A new challenge, signed, to send to the widget.</summary>
    public ProofOfWorkChallenge Create()
    {
        var parameters = new ProofOfWorkParameters(
            options.Algorithm,
            Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16)),
            Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16)),
            options.Cost,
            KeyLength,
            options.KeyPrefix.ToLowerInvariant(),
            (time.GetUtcNow() + options.ExpiresAfter).ToUnixTimeSeconds());
        return new ProofOfWorkChallenge(parameters, Sign(parameters));
    }

    /// <summary>Checks a widget's payload; the reason names what was wrong, for the logs.</summary>
    public async Task<BotCheckResult> VerifyAsync(string payload, CancellationToken cancellationToken)
    {
        if (!TryRead(payload, out var parameters, out var signature, out var counter, out var derivedKey))
        {
            return BotCheckResult.Fail("proof of work: payload unreadable");
        }

        if (parameters.ExpiresAt < time.GetUtcNow().ToUnixTimeSeconds())
        {
            return BotCheckResult.Fail("proof of work: challenge expired");
        }

        if (!CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(Sign(parameters)), Encoding.ASCII.GetBytes(signature)))
        {
            return BotCheckResult.Fail("proof of work: signature invalid");
        }

        var key = Convert.ToHexStringLower(DeriveKey(parameters, counter));
        if (!CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(key), Encoding.ASCII.GetBytes(derivedKey))
            || !key.StartsWith(parameters.KeyPrefix, StringComparison.Ordinal))
        {
            return BotCheckResult.Fail("proof of work: solution wrong");
        }

        // Each challenge once, on every instance: a solved challenge replayed is refused until it would have expired anyway.
        return await usedChallenges.TryUseAsync(signature, DateTimeOffset.FromUnixTimeSeconds(parameters.ExpiresAt), cancellationToken)
            ? BotCheckResult.Pass
            : BotCheckResult.Fail("proof of work: challenge already used");
    }

    /// <summary>Derives the key for a counter, as the widget's workers do (used by tests to solve challenges).</summary>
    public static byte[] DeriveKey(ProofOfWorkParameters parameters, uint counter)
    {
        var nonce = Convert.FromHexString(parameters.Nonce);
        var password = new byte[nonce.Length + 4];
        nonce.CopyTo(password, 0);
        BinaryPrimitives.WriteUInt32BigEndian(password.AsSpan(nonce.Length), counter);
        var salt = Convert.FromHexString(parameters.Salt);

        if (parameters.Algorithm == "PBKDF2/SHA-256")
        {
            return Rfc2898DeriveBytes.Pbkdf2(password, salt, parameters.Cost, HashAlgorithmName.SHA256, parameters.KeyLength);
        }

        // SHA-256: hash salt ‖ password, then hash the result again, cost times in all.
        var key = SHA256.HashData([.. salt, .. password]);
        for (var i = 1; i < parameters.Cost; i++)
        {
            key = SHA256.HashData(key);
        }

        return key[..Math.Min(parameters.KeyLength, key.Length)];
    }

    /// <summary>The parameters' canonical JSON, as the widget's library signs it (keys in order, no spaces).</summary>
    public static string CanonicalJson(ProofOfWorkParameters parameters) => string.Create(
        CultureInfo.InvariantCulture,
        $"{{\"algorithm\":\"{parameters.Algorithm}\",\"cost\":{parameters.Cost},\"expiresAt\":{parameters.ExpiresAt},\"keyLength\":{parameters.KeyLength},\"keyPrefix\":\"{parameters.KeyPrefix}\",\"nonce\":\"{parameters.Nonce}\",\"salt\":\"{parameters.Salt}\"}}");

    private string Sign(ProofOfWorkParameters parameters) =>
        Convert.ToHexStringLower(HMACSHA256.HashData(secret, Encoding.UTF8.GetBytes(CanonicalJson(parameters))));

    private bool TryRead(string payload, out ProofOfWorkParameters parameters, out string signature, out uint counter, out string derivedKey)
    {
        parameters = null!;
        signature = derivedKey = string.Empty;
        counter = 0;
        if (payload.Length > 4096)
        {
            return false;
        }

        try
        {
            using var document = JsonDocument.Parse(Convert.FromBase64String(payload), new JsonDocumentOptions { MaxDepth = 4 });
            var challenge = document.RootElement.GetProperty("challenge");
            var p = challenge.GetProperty("parameters");
            parameters = new ProofOfWorkParameters(
                p.GetProperty("algorithm").GetString()!,
                p.GetProperty("nonce").GetString()!,
                p.GetProperty("salt").GetString()!,
                p.GetProperty("cost").GetInt32(),
                p.GetProperty("keyLength").GetInt32(),
                p.GetProperty("keyPrefix").GetString()!,
                p.GetProperty("expiresAt").GetInt64());
            signature = challenge.GetProperty("signature").GetString()!;
            var solution = document.RootElement.GetProperty("solution");
            counter = solution.GetProperty("counter").GetUInt32();
            derivedKey = solution.GetProperty("derivedKey").GetString()!;

            // Only what this portal issues: anything else cannot have been signed by it, and is not worth deriving.
            return parameters.Algorithm == options.Algorithm && parameters.KeyLength == KeyLength && parameters.Cost == options.Cost
                && IsHex(parameters.Nonce, 32) && IsHex(parameters.Salt, 32) && IsHex(signature, 64) && IsHex(derivedKey, KeyLength * 2);
        }
        catch (Exception exception) when (exception is FormatException or JsonException or KeyNotFoundException
                                              or InvalidOperationException or ArgumentException or NullReferenceException)
        {
            return false;
        }
    }

    private static bool IsHex(string value, int length) =>
        value.Length == length && value.All(c => c is (>= '0' and <= '9') or (>= 'a' and <= 'f'));
}
