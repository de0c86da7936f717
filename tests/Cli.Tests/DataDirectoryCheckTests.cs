using Microsoft.Extensions.Configuration;
using QualityVoice.TestSupport;

namespace QualityVoice.Cli.Tests;

/// <summary>Commands name the data directory they use, and only those that start a store accept an empty one.</summary>
public sealed class DataDirectoryCheckTests : IDisposable
{
    private readonly TemporaryDirectory _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void A_command_that_reads_the_stores_refuses_a_folder_without_them_and_says_how_to_find_the_right_one()
    {
        var error = new StringWriter();

        var refused = Assert.Throws<UsageException>(() => DataDirectoryCheck.Check(Configuration(), mayStartOne: false, error));

        Assert.Contains($"there is no QualityVoice data in {_folder.Path}", refused.Message, StringComparison.Ordinal);
        Assert.Contains("QV_DATA_DIR", refused.Message, StringComparison.Ordinal);
        Assert.Empty(Directory.GetFiles(_folder.Path));
    }

    [Fact]
    public void Seeding_or_adding_the_first_account_may_start_one_and_says_it_is_new()
    {
        var error = new StringWriter();

        DataDirectoryCheck.Check(Configuration(), mayStartOne: true, error);

        Assert.Equal($"qv: data directory {_folder.Path} (new)", error.ToString().Trim());
    }

    [Fact]
    public void A_folder_with_the_apps_stores_is_named_and_used()
    {
        File.WriteAllText(Path.Combine(_folder.Path, "staff.db"), string.Empty);
        var error = new StringWriter();

        Assert.Equal(_folder.Path, DataDirectoryCheck.Check(Configuration(), mayStartOne: false, error));
        Assert.Equal($"qv: data directory {_folder.Path}", error.ToString().Trim());
    }

    private IConfiguration Configuration() =>
        new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["QualityVoice:DataDirectory"] = _folder.Path }).Build();
}
