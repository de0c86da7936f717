using QualityVoice.Analysis.Local;

namespace QualityVoice.Analysis.Tests;

/// <summary>The framework's one misspelt sub-category is spelt right wherever a name comes in.</summary>
public sealed class FrameworkNamesTests
{
    [Fact]
    public void Referrals_is_spelt_right_and_other_names_are_left_as_they_are()
    {
        Assert.Equal("Referrals & continuity of care", FrameworkNames.Corrected("Referals & continuity of care"));
        Assert.Equal("Parking", FrameworkNames.Corrected("Parking"));
    }

    [Fact]
    public void A_model_trained_on_the_published_spelling_reads_its_labels_corrected()
    {
        Assert.Contains("Referrals & continuity of care", LocalModel.Shipped.Labels);
        Assert.DoesNotContain(LocalModel.Shipped.Labels, label => label.StartsWith("Referals", StringComparison.Ordinal));
    }
}
