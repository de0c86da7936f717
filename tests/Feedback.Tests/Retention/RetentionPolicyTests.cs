using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using QualityVoice.Feedback.Audit;
using QualityVoice.Feedback.Retention;
using QualityVoice.Feedback.SpeakUp;
using QualityVoice.Feedback.Storage;
using QualityVoice.Feedback.Storage.Sqlite;
using QualityVoice.Feedback.Tests.Storage;
using QualityVoice.TestSupport;

namespace QualityVoice.Feedback.Tests.Retention;

/// <summary>The retention policy's rules, and its worker on the embedded store with the audit log.</summary>
public sealed class RetentionPolicyTests : IAsyncDisposable
{
    private static readonly DateTimeOffset Now = new(2026, 12, 1, 3, 0, 0, TimeSpan.Zero);
    private readonly SqliteDatabases _databases = new();
    private readonly TemporaryDirectory _folder = new();

    [Theory]
    [InlineData(1, "1 month")]
    [InlineData(12, "1 year")]
    [InlineData(18, "18 months")]
    [InlineData(24, "2 years")]
    [InlineData(84, "7 years")]
    public void The_period_is_said_in_words_the_privacy_notice_can_use(int months, string words)
    {
        var policy = new RetentionPolicy(months);
        Assert.Equal(words, policy.OriginalWordsPeriod);
        Assert.Equal(
            $"<p>We keep your words for {words} from the day you gave your feedback.</p>",
            policy.StatePeriods($"<p>We keep your words for {RetentionPolicy.OriginalWordsPlaceholder} from the day you gave your feedback.</p>"));
    }

    [Fact]
    public void The_privacy_notice_says_how_long_speak_up_cases_are_kept_or_that_the_records_policy_says()
    {
        var notice = $"We keep the details {RetentionPolicy.SpeakUpCasesPlaceholder}.";
        Assert.Equal("We keep the details for 7 years after the case is closed.", new RetentionPolicy(24, SpeakUpCaseMonths: 84).StatePeriods(notice));
        Assert.Equal("We keep the details for as long as our records management policy says.", new RetentionPolicy(24).StatePeriods(notice));
        Assert.False(new RetentionPolicy(24, SpeakUpCaseMonths: 0).IsValid);
    }

    [Fact]
    public void A_speak_up_case_s_details_are_due_only_when_a_period_is_set_and_it_has_been_closed_that_long()
    {
        var closed = new SpeakUpCase(
            "SU-AAAA-AAAA", SpeakUpMode.Open, [SpeakUpCategory.PatientSafetyOrQuality], DetrimentAnswer.No, "nursing-and-midwifery",
            null, "Falls go unreported", "ciphertext", new DateOnly(2019, 3, 1), SpeakUpStatus.Closed, [], [], ClosedOn: new DateOnly(2019, 6, 30));
        var policy = new RetentionPolicy(24, SpeakUpCaseMonths: 72);

        Assert.True(policy.SpeakUpDetailsAreDue(closed, new DateOnly(2025, 6, 30)));
        Assert.False(policy.SpeakUpDetailsAreDue(closed, new DateOnly(2025, 6, 29)));
        Assert.False(new RetentionPolicy(24).SpeakUpDetailsAreDue(closed, new DateOnly(2040, 1, 1)));
        Assert.False(policy.SpeakUpDetailsAreDue(closed with { Status = SpeakUpStatus.InProgress, ClosedOn = null }, new DateOnly(2040, 1, 1)));
        Assert.False(policy.SpeakUpDetailsAreDue(closed with { DetailsRemovedOn = new DateOnly(2025, 6, 30) }, new DateOnly(2040, 1, 1)));
    }

    [Theory]
    [InlineData(0, false)]
    [InlineData(-24, false)]
    [InlineData(1, true)]
    [InlineData(1200, true)]
    [InlineData(1201, false)]
    public void Only_a_period_a_records_policy_could_mean_is_accepted(int months, bool valid) =>
        Assert.Equal(valid, new RetentionPolicy(months).IsValid);

    [Fact]
    public void The_cut_off_is_the_period_before_now_by_the_calendar() =>
        Assert.Equal(new DateTimeOffset(2024, 12, 1, 3, 0, 0, TimeSpan.Zero), new RetentionPolicy(24).OriginalWordsCutOff(Now));

    [Fact]
    public void What_is_kept_is_analysis_s_hidden_words_or_for_an_item_analysis_never_finished_the_words_hidden_now()
    {
        var analysed = new HeldWords("QV-AAAA-AAAA", "Lovely", "Ring me on 07700 900123", "Lovely", "Ring me on [phone]");
        Assert.Equal(new KeptWords("QV-AAAA-AAAA", "Lovely", "Ring me on [phone]"), RetentionPolicy.Keep(analysed));

        var failed = new HeldWords("QV-BBBB-BBBB", null, "Email me at jo.bloggs@example.com or ring 07700 900123", null, null);
        var kept = RetentionPolicy.Keep(failed);
        Assert.Null(kept.WhatWasGood);
        Assert.DoesNotContain("jo.bloggs@example.com", kept.WhatCouldImprove, StringComparison.Ordinal);
        Assert.DoesNotContain("07700 900123", kept.WhatCouldImprove, StringComparison.Ordinal);
        Assert.StartsWith("Email me at ", kept.WhatCouldImprove, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_worker_removes_what_is_past_the_period_in_batches_and_counts_it_in_the_audit_log()
    {
        var (database, store) = await _databases.CreateAsync();
        var auditDatabase = new SqliteDatabase(_folder.File("audit.db"), SqliteAuditLog.Migrations);
        await auditDatabase.MigrateAsync();
        var audit = new SqliteAuditLog(auditDatabase);
        for (var i = 0; i < 3; i++)
        {
            await FeedbackRecords.ImportAnalysedAsync(store, Now.AddMonths(-25 - i), "Ring me on 07700 900123", "Ring me on [phone]");
        }

        var recent = await FeedbackRecords.ImportAnalysedAsync(store, Now.AddMonths(-1), "Ring me on 07700 900123", "Ring me on [phone]");
        var worker = new RetentionWorker(
            new SqliteRetention(database), audit, Options.Create(new RetentionOptions { OriginalWordsMonths = 24 }), new ManualTimeProvider(Now), NullLogger<RetentionWorker>.Instance);

        Assert.Equal(3, await worker.ApplyAsync(CancellationToken.None));
        Assert.Equal(0, await worker.ApplyAsync(CancellationToken.None));

        var (entries, _) = await audit.ReadAsync(new AuditQuery(Action: AuditActions.Retention), 10, CancellationToken.None);
        var entry = Assert.Single(entries).Entry;
        Assert.Equal(RetentionWorker.Actor, entry.Actor);
        Assert.Equal(
            "Removed the original words and e-mail addresses of 3 feedback items that arrived before 1 December 2024 (2 years); their words with personal details hidden are kept",
            entry.Detail);
        Assert.Equal("Ring me on 07700 900123", (await store.FindAsync(recent, CancellationToken.None))!.WhatCouldImprove);
    }

    [Fact]
    public async Task The_worker_removes_the_details_of_speak_up_cases_closed_longer_ago_than_the_period_audited_for_guardians()
    {
        var speakUpDatabase = new SqliteDatabase(_folder.File("speak-up.db"), SqliteSpeakUpStore.Migrations);
        await speakUpDatabase.MigrateAsync();
        var speakUp = new SqliteSpeakUpStore(speakUpDatabase);
        var auditDatabase = new SqliteDatabase(_folder.File("audit-speak-up.db"), SqliteAuditLog.Migrations);
        await auditDatabase.MigrateAsync();
        var audit = new SqliteAuditLog(auditDatabase);
        async Task<string> RaiseAsync(DateOnly closedOn)
        {
            var reference = "SU" + FeedbackRecords.NextReference()[2..];
            var raised = new NewSpeakUpCase(SpeakUpMode.Confidential, [SpeakUpCategory.BullyingOrHarassment], DetrimentAnswer.Yes, "nursing-and-midwifery", null, "My manager shouts at juniors");
            await speakUp.AddAsync(new SpeakUpRecord(raised, reference, new byte[32], closedOn.AddMonths(-2), "ciphertext", null, null), CancellationToken.None);
            await speakUp.SetStatusAsync(reference, SpeakUpStatus.Closed, closedOn, CancellationToken.None);
            return reference;
        }

        var old = await RaiseAsync(new DateOnly(2020, 11, 1));
        var recent = await RaiseAsync(new DateOnly(2024, 11, 1));
        var worker = new RetentionWorker(
            new SqliteRetention((await _databases.CreateAsync()).Database), audit, Options.Create(new RetentionOptions { SpeakUpCaseMonths = 72 }), new ManualTimeProvider(Now),
            NullLogger<RetentionWorker>.Instance, speakUp: speakUp);

        await worker.ApplyAsync(CancellationToken.None);

        Assert.Equal(string.Empty, (await speakUp.GetAsync(old, CancellationToken.None))!.Concern);
        Assert.Equal("My manager shouts at juniors", (await speakUp.GetAsync(recent, CancellationToken.None))!.Concern);
        var (guardians, _) = await audit.ReadAsync(new AuditQuery(Area: AuditArea.SpeakUp), 10, CancellationToken.None);
        Assert.Contains("Removed the details of 1 speak-up case closed 6 years ago or more", Assert.Single(guardians).Entry.Detail, StringComparison.Ordinal);
        Assert.Empty((await audit.ReadAsync(new AuditQuery(), 10, CancellationToken.None)).Entries);
    }

    public async ValueTask DisposeAsync()
    {
        await _databases.DisposeAsync();
        _folder.Dispose();
    }
}
