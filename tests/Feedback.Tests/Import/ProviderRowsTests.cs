using QualityVoice.Content;
using QualityVoice.Feedback.Import;
using QualityVoice.TestSupport;

namespace QualityVoice.Feedback.Tests.Import;

public sealed class ProviderRowsTests
{
    private static readonly ContentPack Pack = ContentPackLoader.Load(Path.Combine(Repository.Root, "content"), "nenc");
    private static readonly string[] Header = ["row_id", "date", "ods_code", "service", "fft_answer", "what_was_good", "what_could_improve", "collection_mode"];
    private readonly ManualTimeProvider _time = new(new DateTimeOffset(2026, 11, 21, 12, 0, 0, TimeSpan.Zero));

    private static ImportProfile Generic => ImportProfiles.Load(Path.Combine(Repository.Root, "import-profiles", "generic.json"), string.Empty);

    [Theory]
    [InlineData("1", FftRating.VeryGood)]
    [InlineData("Very good", FftRating.VeryGood)]
    [InlineData("very-good", FftRating.VeryGood)]
    [InlineData("Extremely likely", FftRating.VeryGood)]
    [InlineData("Likely", FftRating.Good)]
    [InlineData("NEITHER GOOD NOR POOR", FftRating.Neither)]
    [InlineData("Neither likely nor unlikely", FftRating.Neither)]
    [InlineData("4", FftRating.Poor)]
    [InlineData("Extremely unlikely", FftRating.VeryPoor)]
    [InlineData("Don\u2019t know", FftRating.DontKnow)]
    [InlineData("6", FftRating.DontKnow)]
    public void Every_wording_of_the_answer_is_read(string answer, FftRating expected)
    {
        var row = Accepted(Row(fft: answer));

        Assert.Equal(expected, row.Feedback.FftRating);
    }

    [Fact]
    public void A_row_becomes_feedback_at_the_pack_s_service_on_its_own_date_and_collection_mode()
    {
        var row = Accepted(Row(date: "03/02/2026", ods: "RTD", service: "Maternity", good: "Kind midwives", improve: "Parking", mode: "Kiosk"));

        Assert.Equal("rtd-maternity", row.Feedback.ServiceId);
        Assert.Equal("Maternity, The Newcastle upon Tyne Hospitals NHS Foundation Trust", row.Feedback.ServiceName);
        Assert.Equal(new DateTimeOffset(2026, 2, 3, 12, 0, 0, TimeSpan.Zero), row.GivenAt);
        Assert.Equal(new YearMonth(2026, 2), row.Feedback.ExperienceMonth);
        Assert.Equal(CollectionMode.Tablet, row.Feedback.CollectionMode);
        Assert.Equal("Kind midwives", row.Feedback.WhatWasGood);
        Assert.Equal("Parking", row.Feedback.WhatCouldImprove);
        Assert.Equal("r-1", row.RowId);
        Assert.Null(row.Feedback.ContactEmail);
    }

    [Fact]
    public void A_date_in_summer_is_noon_in_the_uk_and_a_time_is_uk_time()
    {
        Assert.Equal(new DateTimeOffset(2026, 7, 1, 11, 0, 0, TimeSpan.Zero), Accepted(Row(date: "2026-07-01")).GivenAt);
        Assert.Equal(new DateTimeOffset(2026, 7, 1, 0, 30, 0, TimeSpan.Zero), Accepted(Row(date: "2026-07-01 01:30")).GivenAt);
    }

    [Fact]
    public void A_service_is_found_by_its_id_or_full_name_without_an_organisation()
    {
        Assert.Equal("rtf-ae", Accepted(Row(ods: string.Empty, service: "rtf-ae")).Feedback.ServiceId);
        Assert.Equal("rtf-ae", Accepted(Row(ods: string.Empty, service: "Accident and emergency, Northumbria Healthcare NHS Foundation Trust")).Feedback.ServiceId);
    }

    [Theory]
    [InlineData("", "2026-01-05", "RTD", "Maternity", "1", "", RejectionReasons.NoRowId)]
    [InlineData("r-2", "5th Jan", "RTD", "Maternity", "1", "", RejectionReasons.UnreadableDate)]
    [InlineData("r-2", "", "RTD", "Maternity", "1", "", RejectionReasons.UnreadableDate)]
    [InlineData("r-2", "2026-11-22", "RTD", "Maternity", "1", "", RejectionReasons.FutureDate)]
    [InlineData("r-2", "2026-01-05", "RTD", "Podiatry", "1", "", RejectionReasons.UnknownService)]
    [InlineData("r-2", "2026-01-05", "XXX", "Maternity", "1", "", RejectionReasons.UnknownService)]
    [InlineData("r-2", "2026-01-05", "RTD", "Maternity", "", "", RejectionReasons.EmptyAnswer)]
    [InlineData("r-2", "2026-01-05", "RTD", "Maternity", "7", "", RejectionReasons.UnreadableAnswer)]
    [InlineData("r-2", "2026-01-05", "RTD", "Maternity", "1", "carrier pigeon", RejectionReasons.UnknownCollectionMode)]
    [InlineData("r-2", "2014-01-05", "RTD", "Maternity", "1", "", RejectionReasons.InvalidField)]
    public void A_bad_row_is_rejected_with_its_reason(string id, string date, string ods, string service, string fft, string mode, string reason)
    {
        var rejected = Assert.IsType<ProviderRow.Rejected>(Rows(Generic).Read(Row(id, date, ods, service, fft, mode: mode)));

        Assert.Equal(reason, rejected.Reason);
        Assert.False(string.IsNullOrWhiteSpace(rejected.Detail));
    }

    [Fact]
    public void A_comment_longer_than_the_form_allows_is_rejected_and_the_report_does_not_repeat_it()
    {
        var text = new string('x', FeedbackText.AnswerLimit + 1);

        var rejected = Assert.IsType<ProviderRow.Rejected>(Rows(Generic).Read(Row(improve: text)));

        Assert.Equal(RejectionReasons.InvalidField, rejected.Reason);
        Assert.StartsWith("whatCouldImprove:", rejected.Detail, StringComparison.Ordinal);
        Assert.DoesNotContain("xxxxxxxxxx", rejected.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unlisted_service_is_kept_as_other_when_the_profile_says_so()
    {
        var rows = Rows(Generic with { UnlistedServices = UnlistedServices.Other });

        var row = Accepted(rows.Read(Row(ods: "NEAS", service: "Patient transport")));

        Assert.Equal(NewFeedback.OtherService, row.Feedback.ServiceId);
        Assert.Equal("Patient transport, NEAS", row.Feedback.ServiceName);
    }

    [Fact]
    public void The_profile_s_own_names_map_to_the_pack_s_services()
    {
        var rows = Rows(Generic with { Services = new Dictionary<string, string> { ["RVI ED"] = "rtd-ae" } });

        Assert.Equal("rtd-ae", Accepted(rows.Read(Row(ods: string.Empty, service: "rvi ed"))).Feedback.ServiceId);
    }

    [Fact]
    public void One_comment_a_row_goes_where_its_question_says_or_by_the_answer_for_why()
    {
        var profile = Generic with
        {
            Columns = Generic.Columns with { WhatWasGood = null, WhatCouldImprove = null, Comment = "comment", Question = "question" },
        };
        string[] header = ["row_id", "date", "ods_code", "service", "fft_answer", "comment", "question", "collection_mode"];
        var rows = new ProviderRows(profile, header, Pack, _time);
        ProviderRow.Accepted Read(string fft, string question) =>
            Accepted(rows.Read(i => new[] { "r", "2026-01-05", "RTD", "Maternity", fft, "Said", question, string.Empty }[i]));

        Assert.Equal("Said", Read("5", "What was good?").Feedback.WhatWasGood);
        Assert.Equal("Said", Read("1", "How could we improve?").Feedback.WhatCouldImprove);
        Assert.Equal("Said", Read("1", "FFT Why?").Feedback.WhatWasGood);
        Assert.Equal("Said", Read("4", "FFT Why?").Feedback.WhatCouldImprove);
    }

    [Fact]
    public void A_column_the_profile_names_but_the_file_lacks_is_named()
    {
        var failure = Assert.Throws<ImportProfileException>(() => new ProviderRows(Generic, Header[..4], Pack, _time));

        Assert.Contains("'fft_answer'", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_profile_that_misses_a_required_column_or_maps_to_no_service_is_refused_with_the_reason()
    {
        var missing = Assert.Throws<ImportProfileException>(() => ImportProfiles.Read("""{ "name": "x", "columns": { "date": "d", "service": "s", "fftAnswer": "f" } }""", "x.json"));
        Assert.Contains("columns.rowId", missing.Message, StringComparison.Ordinal);

        var unknownField = Assert.Throws<ImportProfileException>(() => ImportProfiles.Read("""{ "name": "x", "colums": {} }""", "x.json"));
        Assert.Contains("colums", unknownField.Message, StringComparison.Ordinal);

        var noService = Assert.Throws<ImportProfileException>(() => new ProviderRows(
            Generic with { Services = new Dictionary<string, string> { ["A"] = "no-such-service" } }, Header, Pack, _time));
        Assert.Contains("no-such-service", noService.Message, StringComparison.Ordinal);

        Assert.Throws<ImportProfileException>(() => ImportProfiles.Load("no-such-profile", Path.Combine(Repository.Root, "import-profiles")));
    }

    private ProviderRows Rows(ImportProfile profile) => new(profile, Header, Pack, _time);

    private ProviderRow.Accepted Accepted(Func<int, string> row) => Accepted(Rows(Generic).Read(row));

    private static ProviderRow.Accepted Accepted(ProviderRow row) =>
        row as ProviderRow.Accepted ?? throw new Xunit.Sdk.XunitException($"Rejected: {((ProviderRow.Rejected)row).Detail}");

    private static Func<int, string> Row(
        string id = "r-1", string date = "2026-01-05", string ods = "RTD", string service = "Maternity", string fft = "1",
        string good = "", string improve = "", string mode = "") =>
        i => new[] { id, date, ods, service, fft, good, improve, mode }[i];
}
