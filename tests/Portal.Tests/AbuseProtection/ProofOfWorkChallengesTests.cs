using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;
using QualityVoice.Portal.Features.AbuseProtection;
using QualityVoice.TestSupport;

namespace QualityVoice.Portal.Tests.AbuseProtection;

public sealed class ProofOfWorkChallengesTests
{
    private static readonly byte[] Secret = Enumerable.Range(0, 32).Select(i => (byte)i).ToArray();
    private readonly ManualTimeProvider _clock = new();
    private readonly MemoryUsedChallenges _used;

    public ProofOfWorkChallengesTests() => _used = new MemoryUsedChallenges(new MemoryCache(Microsoft.Extensions.Options.Options.Create(new MemoryCacheOptions())), _clock);

    [Theory]
    [InlineData("SHA-256", 1, "0")]
    [InlineData("PBKDF2/SHA-256", 10, "0")]
    public async Task A_solved_challenge_verifies_once(string algorithm, int cost, string prefix)
    {
        var challenges = Challenges(algorithm, cost, prefix);
        var payload = ProofOfWorkSolver.Solve(challenges.Create());

        Assert.Equal(BotCheckResult.Pass, await challenges.VerifyAsync(payload, CancellationToken.None));
        Assert.Equal("proof of work: challenge already used", (await challenges.VerifyAsync(payload, CancellationToken.None)).Reason);
    }

    [Fact]
    public async Task An_expired_challenge_fails()
    {
        var challenges = Challenges("SHA-256", 1, "0");
        var payload = ProofOfWorkSolver.Solve(challenges.Create());

        _clock.Advance(TimeSpan.FromMinutes(21));

        Assert.Equal("proof of work: challenge expired", (await challenges.VerifyAsync(payload, CancellationToken.None)).Reason);
    }

    [Fact]
    public async Task A_challenge_signed_with_another_secret_fails()
    {
        var theirs = new ProofOfWorkChallenges(Options("SHA-256", 1, "0"), new byte[32], _clock, _used);
        var payload = ProofOfWorkSolver.Solve(theirs.Create());

        Assert.Equal("proof of work: signature invalid", (await Challenges("SHA-256", 1, "0").VerifyAsync(payload, CancellationToken.None)).Reason);
    }

    [Fact]
    public void The_canonical_json_sorts_keys_as_the_widget_library_does()
    {
        var parameters = new ProofOfWorkParameters("PBKDF2/SHA-256", "ab", "cd", 5000, 32, "00", 1_800_000_000);

        Assert.Equal(
            """{"algorithm":"PBKDF2/SHA-256","cost":5000,"expiresAt":1800000000,"keyLength":32,"keyPrefix":"00","nonce":"ab","salt":"cd"}""",
            ProofOfWorkChallenges.CanonicalJson(parameters));
    }

    // Reference keys computed in Node.js the way the widget's workers derive them: password = nonce ‖ counter
    // (big-endian uint32) = 00112233445566778899aabbccddeeff ‖ 00000007, salt = ffeeddccbbaa99887766554433221100.
    [Theory]
    [InlineData("PBKDF2/SHA-256", 1000, "778a5b37891f7c7576ebec9945ceeb1a4fb924aca4872b7ab8de1374a1f8ff6e")]
    [InlineData("SHA-256", 3, "0764ad88cfd06e160bdde0091f3e0cd152fda3cf70e51dcfc6aef3b69723899e")]
    public void Keys_match_the_widgets_workers(string algorithm, int cost, string expected)
    {
        var parameters = new ProofOfWorkParameters(algorithm, "00112233445566778899aabbccddeeff", "ffeeddccbbaa99887766554433221100", cost, 32, "0", 0);

        Assert.Equal(expected, Convert.ToHexStringLower(ProofOfWorkChallenges.DeriveKey(parameters, 7)));
    }

    private ProofOfWorkChallenges Challenges(string algorithm, int cost, string prefix) =>
        new(Options(algorithm, cost, prefix), Secret, _clock, _used);

    private static ProofOfWorkOptions Options(string algorithm, int cost, string prefix) =>
        new() { Algorithm = algorithm, Cost = cost, KeyPrefix = prefix };
}
