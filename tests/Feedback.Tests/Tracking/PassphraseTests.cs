using QualityVoice.Feedback.Tracking;
using QualityVoice.TestSupport;

namespace QualityVoice.Feedback.Tests.Tracking;

public sealed class PassphraseTests
{
    private static readonly byte[] Key = Enumerable.Range(0, 32).Select(i => (byte)i).ToArray();

    [Fact]
    public void A_passphrase_is_four_common_words()
    {
        var passphrase = Passphrase.Create(new SecureRandomSource());

        var words = passphrase.Split(' ');
        Assert.Equal(4, words.Length);
        Assert.All(words, word => Assert.Matches("^[a-z]{3,10}$", word));
        Assert.Equal(passphrase, Passphrase.Normalise(passphrase));
    }

    [Fact]
    public void The_word_list_gives_about_forty_bits()
    {
        Assert.True(Math.Pow(Passphrase.VocabularySize, Passphrase.WordCount) > Math.Pow(2, 40));
    }

    [Theory]
    [InlineData("Maple Otter Canyon Tulip")]
    [InlineData("maple-otter-canyon-tulip")]
    [InlineData("  maple,  otter, canyon,tulip ")]
    public void A_typed_passphrase_is_read_however_it_is_separated(string typed)
    {
        Assert.Equal("maple otter canyon tulip", Passphrase.Normalise(typed));
    }

    [Theory]
    [InlineData("maple otter canyon")]
    [InlineData("maple otter canyon tulip tulip")]
    [InlineData("maple otter canyon zzzzz")]
    [InlineData("")]
    public void Something_that_cannot_be_a_passphrase_is_refused_before_any_lookup(string typed)
    {
        Assert.Null(Passphrase.Normalise(typed));
    }

    [Fact]
    public void A_hash_verifies_only_the_same_passphrase_for_the_same_reference()
    {
        var hasher = new PassphraseHasher(Key);
        var hash = hasher.Hash("QV-7K3M-9XQ2", "maple otter canyon tulip");

        Assert.True(hasher.Verify("QV-7K3M-9XQ2", "maple otter canyon tulip", hash));
        Assert.False(hasher.Verify("QV-7K3M-9XQ2", "maple otter canyon lemon", hash));
        Assert.False(hasher.Verify("QV-7K3M-9XQ3", "maple otter canyon tulip", hash));
        Assert.False(new PassphraseHasher(Key.Reverse().ToArray()).Verify("QV-7K3M-9XQ2", "maple otter canyon tulip", hash));
    }

    [Fact]
    public void A_derived_passphrase_is_the_same_for_the_same_key_and_different_for_another()
    {
        var hasher = new PassphraseHasher(Key);

        var first = hasher.DerivePassphrase("api\nkey-1");

        Assert.Equal(first, hasher.DerivePassphrase("api\nkey-1"));
        Assert.NotEqual(first, hasher.DerivePassphrase("api\nkey-2"));
        Assert.NotEqual(first, new PassphraseHasher(Key.Reverse().ToArray()).DerivePassphrase("api\nkey-1"));
        Assert.Equal(first, Passphrase.Normalise(first));
    }

    [Fact]
    public void The_key_file_is_created_once_and_then_reused()
    {
        using var folder = new TemporaryDirectory();
        var path = folder.File("tracking.key");

        var first = PassphraseHasher.FromKeyFile(path);
        var second = PassphraseHasher.FromKeyFile(path);

        Assert.Equal(32, new FileInfo(path).Length);
        Assert.Equal(first.Hash("QV-2222-2222", "a b c d"), second.Hash("QV-2222-2222", "a b c d"));
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(path));
        }
    }
}
