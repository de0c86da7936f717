using QualityVoice.TestSupport;

namespace QualityVoice.Content.Tests;

public sealed class ContentPackLoaderTests : IDisposable
{
    private static readonly string ShippedPacks = Path.Combine(AppContext.BaseDirectory, "content");

    private readonly TemporaryDirectory _root = new();

    public void Dispose() => _root.Dispose();

    [Fact]
    public void The_default_pack_has_the_five_strategic_themes_of_the_nenc_strategy_in_order()
    {
        var pack = ContentPackLoader.Load(ShippedPacks, "nenc");

        Assert.Equal("North East and North Cumbria Integrated Care Board", pack.IcbName);
        Assert.Equal(
            ["culture-and-climate", "patient-safety", "clinical-effectiveness", "clinical-and-multi-professional-leadership", "positive-experiences"],
            pack.Themes.Select(theme => theme.Slug));
        Assert.StartsWith("Patients are safe.", pack.FindTheme("patient-safety")!.Summary, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_pack_names_the_packs_that_exist()
    {
        var error = Assert.Throws<ContentPackException>(() => ContentPackLoader.Load(ShippedPacks, "nowhere"));

        Assert.Contains("there is no content pack 'nowhere'", error.Message, StringComparison.Ordinal);
        Assert.Contains("nenc", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Broken_front_matter_is_reported_with_its_file_and_line()
    {
        WritePack(theme: "---\ntitle: Patient safety\norder: [not a number\nsummary: x\n---\nBody\n");

        var error = Assert.Throws<ContentPackException>(() => ContentPackLoader.Load(_root.Path, "test"));

        Assert.Equal(Path.Combine("test", "themes", "patient-safety.md"), error.File);
        Assert.Equal(3, error.Line);
    }

    [Fact]
    public void An_unknown_front_matter_key_is_an_error_not_silently_ignored()
    {
        WritePack(theme: "---\ntitle: Patient safety\nsumary: misspelt\n---\nBody\n");

        var error = Assert.Throws<ContentPackException>(() => ContentPackLoader.Load(_root.Path, "test"));

        Assert.Equal(3, error.Line);
        Assert.Contains("sumary", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_required_field_that_is_missing_is_named()
    {
        WritePack(theme: "---\ntitle: Patient safety\n---\nBody\n");

        var error = Assert.Throws<ContentPackException>(() => ContentPackLoader.Load(_root.Path, "test"));

        Assert.Contains("'summary' is required", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_pack_without_its_footer_pages_is_refused()
    {
        WritePack(withPages: false);

        var error = Assert.Throws<ContentPackException>(() => ContentPackLoader.Load(_root.Path, "test"));

        Assert.Contains("accessibility-statement.md", error.File, StringComparison.Ordinal);
    }

    [Fact]
    public void The_shipped_taxonomy_maps_every_sub_category_to_one_of_the_packs_strategic_themes()
    {
        var pack = ContentPackLoader.Load(ShippedPacks, "nenc");

        Assert.Equal("patient-safety", pack.Taxonomy.Find("Number & deployment of staff")!.StrategicTheme);
        Assert.All(pack.Taxonomy.Mappings, mapping => Assert.NotNull(pack.FindTheme(mapping.StrategicTheme)));
    }

    [Fact]
    public void A_taxonomy_entry_pointing_at_a_theme_the_pack_does_not_have_is_refused()
    {
        WritePack();
        File.WriteAllText(
            Path.Combine(_root.Path, "test", "taxonomy.yml"),
            "categories:\n  - name: Staff\n    sub-categories:\n      - name: Staff manner & personal attributes\n        strategic-theme: kindness\n");

        var error = Assert.Throws<ContentPackException>(() => ContentPackLoader.Load(_root.Path, "test"));

        Assert.Contains("'kindness'", error.Message, StringComparison.Ordinal);
    }

    public static TheoryData<string> ShippedPackNames() => new(Directory.GetDirectories(ShippedPacks).Select(Path.GetFileName).Order(StringComparer.Ordinal)!);

    [Theory]
    [MemberData(nameof(ShippedPackNames))]
    public void Every_shipped_pack_loads_with_themes_services_pages_and_a_taxonomy_of_every_sub_category(string name)
    {
        var pack = ContentPackLoader.Load(ShippedPacks, name);
        var nenc = ContentPackLoader.Load(ShippedPacks, "nenc");

        Assert.NotEmpty(pack.Themes);
        Assert.NotEmpty(pack.Organisations.SelectMany(organisation => organisation.Services));
        Assert.Equal(nenc.Taxonomy.Mappings.Select(mapping => mapping.SubCategory).Order(StringComparer.Ordinal), pack.Taxonomy.Mappings.Select(mapping => mapping.SubCategory).Order(StringComparer.Ordinal));
        Assert.All(pack.Themes, theme => Assert.Contains(pack.Taxonomy.Mappings, mapping => mapping.StrategicTheme == theme.Slug));
    }

    [Fact]
    public void Each_nenc_theme_has_its_priorities_and_each_but_culture_its_I_and_We_statements_and_Easy_Read()
    {
        var pack = ContentPackLoader.Load(ShippedPacks, "nenc");

        Assert.All(pack.Themes, theme => Assert.NotNull(theme.Sections.Foundations));
        Assert.All(pack.Themes, theme => Assert.NotNull(theme.Sections.NextSteps));
        Assert.All(pack.Themes.Where(theme => theme.Slug != "culture-and-climate"), theme =>
        {
            Assert.NotNull(theme.Sections.IStatements);
            Assert.NotNull(theme.Sections.WeStatements);
            Assert.NotNull(theme.Sections.EasyRead);
        });
    }

    [Fact]
    public void A_themes_file_is_split_at_the_strategys_headings_and_other_headings_stay_in_the_body()
    {
        var (body, sections) = ThemeSections.Split("Intro\n\n## Our vision\n\nText\n\n## Next steps\n\n- Do it\n\n## Easy Read\n\nPlain words\n");

        Assert.Contains("## Our vision", body, StringComparison.Ordinal);
        Assert.Contains("<li>Do it</li>", sections.NextSteps, StringComparison.Ordinal);
        Assert.Contains("Plain words", sections.EasyRead, StringComparison.Ordinal);
        Assert.Null(sections.IStatements);
    }

    [Fact]
    public void The_default_pack_publishes_the_change_its_strategy_made_in_response_to_feedback()
    {
        var pack = ContentPackLoader.Load(ShippedPacks, "nenc");

        var update = Assert.Single(pack.Updates);
        Assert.Equal("camhs-waiting-well", update.Slug);
        Assert.Equal(UpdateStatus.InProgress, update.Status);
        Assert.Equal([UpdateStatus.Done, UpdateStatus.InProgress], update.Milestones.Select(milestone => milestone.Status));
        Assert.NotNull(update.Source);
    }

    [Theory]
    [InlineData("status: finished", "the status 'finished'")]
    [InlineData("theme: kindness", "the theme 'kindness'")]
    [InlineData("published: 22/11/2026", "published must be a date")]
    public void An_update_with_a_wrong_field_is_refused_naming_its_file_and_the_field(string wrong, string message)
    {
        WritePack();
        var fields = new Dictionary<string, string>
        {
            ["title"] = "title: Parking",
            ["theme"] = "theme: patient-safety",
            ["status"] = "status: done",
            ["published"] = "published: 2026-11-22",
            ["you-said"] = "you-said: Parking was hard",
        };
        fields[wrong.Split(':')[0]] = wrong;
        Directory.CreateDirectory(Path.Combine(_root.Path, "test", "updates"));
        File.WriteAllText(Path.Combine(_root.Path, "test", "updates", "parking.md"), $"---\n{string.Join("\n", fields.Values)}\n---\nWe added spaces.\n");

        var error = Assert.Throws<ContentPackException>(() => ContentPackLoader.Load(_root.Path, "test"));

        Assert.Equal(Path.Combine("test", "updates", "parking.md"), error.File);
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_speak_up_section_names_the_guardians_and_how_soon_they_reply()
    {
        WritePack();
        File.AppendAllText(
            Path.Combine(_root.Path, "test", "pack.yml"),
            "speak-up:\n  replies-within-working-days: 3\n  guardians:\n    - name: A. Guardian\n      organisation: Test Trust\n");

        var pack = ContentPackLoader.Load(_root.Path, "test");

        Assert.Equal(new SpeakUpGuardian("A. Guardian", "Test Trust"), Assert.Single(pack.SpeakUp.Guardians));
        Assert.Equal(3, pack.SpeakUp.RepliesWithinWorkingDays);
        Assert.All(new[] { "nenc", "notts", "somerset" }, name => Assert.Equal(2, ContentPackLoader.Load(ShippedPacks, name).SpeakUp.RepliesWithinWorkingDays));
    }

    [Theory]
    [InlineData("  replies-within-working-days: 0\n", "from 1 to 20")]
    [InlineData("  replies-within-working-days: 30\n", "from 1 to 20")]
    [InlineData("  guardians:\n    - name: A. Guardian\n", "organisation (of the speak-up guardian A. Guardian)")]
    public void A_speak_up_section_that_promises_nothing_real_is_refused(string section, string message)
    {
        WritePack();
        File.AppendAllText(Path.Combine(_root.Path, "test", "pack.yml"), "speak-up:\n" + section);

        var error = Assert.Throws<ContentPackException>(() => ContentPackLoader.Load(_root.Path, "test"));

        Assert.Contains(message, error.Message, StringComparison.Ordinal);
        Assert.Equal(Path.Combine("test", "pack.yml"), error.File);
    }

    [Fact]
    public void Somersets_population_is_described_in_the_feedback_forms_terms_and_a_pack_without_one_has_none()
    {
        var somerset = ContentPackLoader.Load(ShippedPacks, "somerset").Population;

        Assert.Contains("100 people", somerset.Source, StringComparison.Ordinal);
        Assert.Equal(100, somerset.Groups.Where(group => group.Question == "age").Sum(group => group.Percent));
        var disability = Assert.Single(somerset.Groups, group => group.Question == "disability");
        Assert.Equal(["yes"], disability.Answers);
        Assert.Equal(19.0, disability.Percent);
        Assert.Same(PopulationProfile.None, ContentPackLoader.Load(ShippedPacks, "nenc").Population);
    }

    [Theory]
    [InlineData("  - name: Old\n    question: height\n    answers: [tall]\n    percent: 5\n", "needs a question, one of: age")]
    [InlineData("  - name: Old\n    question: age\n    answers: [ancient]\n    percent: 5\n", "needs answers to 'age' from: under-16")]
    [InlineData("  - name: Old\n    question: age\n    answers: [75-84]\n    percent: 0\n", "greater than 0 and less than 100")]
    [InlineData("  - name: Old\n    question: age\n    answers: [75-84]\n    percent: 12\n  - name: Older\n    question: age\n    answers: [75-84, 85-plus]\n    percent: 3\n", "share an answer")]
    [InlineData("  - name: Young\n    question: age\n    answers: [16-24]\n    percent: 60\n  - name: Old\n    question: age\n    answers: [75-84]\n    percent: 60\n", "add up to more than 100%")]
    public void A_population_that_cannot_be_compared_is_refused_with_what_is_wrong(string groups, string message)
    {
        WritePack();
        File.WriteAllText(Path.Combine(_root.Path, "test", "population.yml"), "source: A census\ngroups:\n" + groups);

        var error = Assert.Throws<ContentPackException>(() => ContentPackLoader.Load(_root.Path, "test"));

        Assert.Contains(message, error.Message, StringComparison.Ordinal);
        Assert.Equal(Path.Combine("test", "population.yml"), error.File);
    }

    [Fact]
    public void A_service_may_quote_englands_fft_result_for_its_setting_and_a_bad_one_is_refused()
    {
        WritePack();
        var services = Path.Combine(_root.Path, "test", "services.yml");
        File.AppendAllText(services, "        england:\n          setting: Emergency departments (type 1)\n          month: 2026-09\n          positive: 78.4\n");

        var england = ContentPackLoader.Load(_root.Path, "test").FindService("trust-ae")!.England;

        Assert.Equal(new EnglandFft("Emergency departments (type 1)", "2026-09", 78.4), england);
        Assert.Null(ContentPackLoader.Load(ShippedPacks, "nenc").FindService("rtd-ae")!.England);
        File.WriteAllText(services, File.ReadAllText(services).Replace("positive: 78.4", "positive: 178", StringComparison.Ordinal));
        var error = Assert.Throws<ContentPackException>(() => ContentPackLoader.Load(_root.Path, "test"));
        Assert.Contains("the percentage from 0 to 100", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("../etc")]
    [InlineData("NENC")]
    [InlineData("")]
    public void A_pack_name_is_lower_case_letters_digits_and_dashes(string name)
    {
        Assert.Throws<ContentPackException>(() => ContentPackLoader.Load(_root.Path, name));
    }

    private void WritePack(string? theme = null, bool withPages = true)
    {
        var folder = Path.Combine(_root.Path, "test");
        Directory.CreateDirectory(Path.Combine(folder, "themes"));
        Directory.CreateDirectory(Path.Combine(folder, "pages"));
        File.WriteAllText(Path.Combine(folder, "pack.yml"), "icb: Test ICB\nstrategy: Test strategy\n");
        File.WriteAllText(
            Path.Combine(folder, "themes", "patient-safety.md"),
            theme ?? "---\ntitle: Patient safety\nsummary: Patients are safe.\n---\nBody\n");
        File.WriteAllText(
            Path.Combine(folder, "services.yml"),
            "organisations:\n  - id: trust\n    name: Test Trust\n    services:\n      - id: trust-ae\n        name: A&E\n");
        File.WriteAllText(
            Path.Combine(folder, "taxonomy.yml"),
            "categories:\n  - name: Staff\n    sub-categories:\n      - name: Staff manner & personal attributes\n        strategic-theme: patient-safety\n        cqc: [Caring]\n");
        if (withPages)
        {
            foreach (var page in ContentPack.RequiredPages)
            {
                File.WriteAllText(Path.Combine(folder, "pages", page + ".md"), $"---\ntitle: {page}\n---\nText\n");
            }
        }
    }
}
