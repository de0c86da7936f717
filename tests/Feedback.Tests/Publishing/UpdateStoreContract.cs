using Microsoft.Data.Sqlite;
using QualityVoice.Analysis;
using QualityVoice.Feedback.Publishing;
using QualityVoice.Feedback.Storage;
using QualityVoice.Feedback.Storage.Sqlite;
using QualityVoice.Feedback.Tests.Storage;
using QualityVoice.TestSupport;

namespace QualityVoice.Feedback.Tests.Publishing;

/// <summary>
/// "You said, we did" updates, on each store: Draft → Ready for review → Published by a second person, now or at a
/// set time; edits are versions; unpublishing takes it down; linked feedback gives the counts and the e-mails owed.
/// </summary>
public abstract class UpdateStoreContract : IAsyncLifetime
{
    private static readonly DateTimeOffset Now = new(2026, 11, 22, 9, 0, 0, TimeSpan.Zero);
    private static readonly CancellationToken None = CancellationToken.None;

    private IFeedbackStore _feedback = null!;
    private IUpdateStore _updates = null!;
    private IPublishedUpdates _published = null!;
    private IUpdateNotifications _notifications = null!;

    /// <summary>The stores of a new, empty database.</summary>
    protected abstract Task<(IFeedbackStore Feedback, IUpdateStore Updates, IPublishedUpdates Published, IUpdateNotifications Notifications)> CreateStoresAsync();

    public async Task InitializeAsync() => (_feedback, _updates, _published, _notifications) = await CreateStoresAsync();

    public virtual Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task A_draft_goes_live_only_when_a_second_person_approves_it()
    {
        var slug = await _updates.CreateAsync("shorter-waits", _ => false, Content("Shorter waits"), "author@nhs.net", Now, None);

        Assert.Equal(UpdateChangeOutcome.WrongState, await _updates.ApproveAsync(slug, 1, Now, "reviewer@nhs.net", Now, None));
        Assert.Equal(UpdateChangeOutcome.Done, await _updates.SubmitForReviewAsync(slug, 1, "author@nhs.net", Now, None));
        Assert.Equal(UpdateChangeOutcome.SameReviewer, await _updates.ApproveAsync(slug, 1, Now, "AUTHOR@nhs.net", Now, None));
        Assert.Empty(await _published.LiveAsync(None));

        Assert.Equal(UpdateChangeOutcome.Done, await _updates.ApproveAsync(slug, 1, Now, "reviewer@nhs.net", Now.AddMinutes(1), None));

        var update = await _updates.GetAsync(slug, None);
        Assert.Equal(PublishingState.Published, update!.State);
        Assert.Equal(1, update.LiveVersion);
        Assert.Equal("reviewer@nhs.net", update.ApprovedBy);
        var live = Assert.Single(await _published.LiveAsync(None));
        Assert.Equal("Shorter waits", live.Content.Title);
        Assert.Equal(Now.AddMinutes(1), live.FirstPublished);
    }

    [Fact]
    public async Task Whoever_saved_the_version_under_review_cannot_approve_it()
    {
        var slug = await _updates.CreateAsync("clinic-letters", _ => false, Content("Clinic letters"), "author@nhs.net", Now, None);
        await _updates.EditAsync(slug, 1, Content("Clearer clinic letters"), "editor@nhs.net", Now, None);
        await _updates.SubmitForReviewAsync(slug, 2, "author@nhs.net", Now, None);

        Assert.Equal(UpdateChangeOutcome.SameReviewer, await _updates.ApproveAsync(slug, 2, Now, "editor@nhs.net", Now, None));
        Assert.Equal(UpdateChangeOutcome.Done, await _updates.ApproveAsync(slug, 2, Now, "third@nhs.net", Now, None));
    }

    [Fact]
    public async Task Nobody_who_wrote_any_version_since_the_last_approval_can_approve_even_after_someone_re_saves_it()
    {
        var slug = await _updates.CreateAsync("night-noise", _ => false, Content("Night noise"), "author@nhs.net", Now, None);
        await _updates.EditAsync(slug, 1, Content("Night noise"), "accomplice@nhs.net", Now, None);
        await _updates.SubmitForReviewAsync(slug, 2, "accomplice@nhs.net", Now, None);

        Assert.Equal(UpdateChangeOutcome.SameReviewer, await _updates.ApproveAsync(slug, 2, Now, "author@nhs.net", Now, None));
        Assert.Equal(UpdateChangeOutcome.Done, await _updates.ApproveAsync(slug, 2, Now, "reviewer@nhs.net", Now, None));

        // After that approval, only what is written since counts: the first author may review someone else's edit.
        await _updates.EditAsync(slug, 2, Content("Quieter nights"), "editor@nhs.net", Now, None);
        await _updates.SubmitForReviewAsync(slug, 3, "editor@nhs.net", Now, None);
        Assert.Equal(UpdateChangeOutcome.Done, await _updates.ApproveAsync(slug, 3, Now, "author@nhs.net", Now, None));
    }

    [Fact]
    public async Task A_scheduled_update_goes_live_when_its_time_comes()
    {
        var slug = await ReadyAsync("parking");
        await _updates.ApproveAsync(slug, 1, Now.AddDays(2), "reviewer@nhs.net", Now, None);

        Assert.Equal(PublishingState.Scheduled, (await _updates.GetAsync(slug, None))!.State);
        Assert.Equal(0, await _updates.PublishDueAsync(Now.AddDays(1), None));
        Assert.Empty(await _published.LiveAsync(None));

        Assert.Equal(1, await _updates.PublishDueAsync(Now.AddDays(2), None));
        Assert.Equal(PublishingState.Published, (await _updates.GetAsync(slug, None))!.State);
        Assert.Equal(Now.AddDays(2), Assert.Single(await _published.LiveAsync(None)).FirstPublished);
        Assert.Contains(await _updates.EventsAsync(slug, None), e => e.What == "Version 1 went live as scheduled");
    }

    [Fact]
    public async Task Editing_a_live_update_keeps_the_approved_version_live_until_the_edit_is_approved()
    {
        var slug = await PublishedAsync("discharge");
        Assert.Equal(UpdateChangeOutcome.Stale, await _updates.EditAsync(slug, 0, Content("Old"), "author@nhs.net", Now, None));
        Assert.Equal(UpdateChangeOutcome.Done, await _updates.EditAsync(slug, 1, Content("Discharge, done") with { Progress = "done" }, "author@nhs.net", Now.AddDays(1), None));

        var update = await _updates.GetAsync(slug, None);
        Assert.Equal((PublishingState.Draft, 2, 1), (update!.State, update.Version, update.LiveVersion));
        Assert.Equal("discharge", Assert.Single(await _published.LiveAsync(None)).Content.Title);

        await _updates.SubmitForReviewAsync(slug, 2, "author@nhs.net", Now.AddDays(1), None);
        await _updates.ApproveAsync(slug, 2, Now.AddDays(1), "reviewer@nhs.net", Now.AddDays(1), None);
        var live = Assert.Single(await _published.LiveAsync(None));
        Assert.Equal(("Discharge, done", Now, Now.AddDays(1)), (live.Content.Title, live.FirstPublished, live.LastPublished));

        var versions = await _updates.VersionsAsync(slug, None);
        Assert.Equal([2, 1], versions.Select(version => version.Version));
        Assert.Equal("done", versions[0].Content.Progress);
    }

    [Fact]
    public async Task Unpublishing_takes_it_off_the_portal_with_the_reason()
    {
        var slug = await PublishedAsync("food");
        Assert.Equal(UpdateChangeOutcome.Done, await _updates.UnpublishAsync(slug, "The service asked us to correct a date", "reviewer@nhs.net", Now, None));

        Assert.Empty(await _published.LiveAsync(None));
        var update = await _updates.GetAsync(slug, None);
        Assert.Equal((PublishingState.Unpublished, "The service asked us to correct a date"), (update!.State, update.UnpublishReason));
        Assert.Equal(UpdateChangeOutcome.WrongState, await _updates.UnpublishAsync(slug, "again", "reviewer@nhs.net", Now, None));
        Assert.Contains(await _updates.EventsAsync(slug, None), e => e.What == "Unpublished: The service asked us to correct a date");
    }

    [Fact]
    public async Task Addresses_are_unique_here_and_against_what_the_caller_says_is_taken()
    {
        Assert.Equal("waits-2", await _updates.CreateAsync("waits", slug => slug == "waits", Content("A"), "a@nhs.net", Now, None));
        Assert.Equal("waits-3", await _updates.CreateAsync("waits", slug => slug == "waits", Content("B"), "a@nhs.net", Now, None));
    }

    [Fact]
    public async Task Linked_feedback_gives_the_counts_by_theme_and_an_email_for_each_person_who_consented()
    {
        var consented = await AddFeedbackAsync(contact: "protected-1", "Waiting times", "Communication");
        var anonymous = await AddFeedbackAsync(contact: null, "Waiting times");
        var slug = await ReadyAsync("waits");
        Assert.Equal(2, await _updates.LinkFeedbackAsync(slug, [consented, anonymous, consented, "QV-NONE-XXXX"], "author@nhs.net", Now, None));
        Assert.Null(await _updates.LinkFeedbackAsync("no-such-update", [consented], "author@nhs.net", Now, None));

        // Nobody is told of a draft.
        Assert.Empty(await _notifications.ClaimAsync(10, Now, TimeSpan.FromMinutes(5), None));

        await _updates.ApproveAsync(slug, 1, Now, "reviewer@nhs.net", Now, None);
        var live = Assert.Single(await _published.LiveAsync(None));
        Assert.Equal(2, live.People);
        Assert.Equal([("Waiting times", 2), ("Communication", 1)], live.ToldUs);

        var owed = Assert.Single(await _notifications.ClaimAsync(10, Now, TimeSpan.FromMinutes(5), None));
        Assert.Equal((consented, "protected-1", slug, "waits"), (owed.Reference, owed.ProtectedEmail, owed.Slug, owed.Title));

        // Claimed, so not claimed again until the claim runs out; then only the new claim's sender records it; once
        // sent, never again.
        Assert.Empty(await _notifications.ClaimAsync(10, Now.AddMinutes(1), TimeSpan.FromMinutes(5), None));
        var reclaimed = Assert.Single(await _notifications.ClaimAsync(10, Now.AddMinutes(6), TimeSpan.FromMinutes(5), None));
        Assert.False(await _notifications.MarkSentAsync(owed, Now.AddMinutes(6), None));
        Assert.False(await _notifications.GiveUpAsync(owed, Now.AddMinutes(6), None));
        Assert.True(await _notifications.MarkSentAsync(reclaimed, Now.AddMinutes(7), None));
        Assert.False(await _notifications.MarkSentAsync(reclaimed, Now.AddMinutes(7), None));
        Assert.Empty(await _notifications.ClaimAsync(10, Now.AddHours(1), TimeSpan.FromMinutes(5), None));

        // Republishing after an edit does not tell the same person twice; linking someone new to a live update does.
        await _updates.EditAsync(slug, 1, Content("waits, done"), "author@nhs.net", Now, None);
        await _updates.SubmitForReviewAsync(slug, 2, "author@nhs.net", Now, None);
        await _updates.ApproveAsync(slug, 2, Now, "reviewer@nhs.net", Now, None);
        Assert.Empty(await _notifications.ClaimAsync(10, Now.AddHours(2), TimeSpan.FromMinutes(5), None));
        var later = await AddFeedbackAsync(contact: "protected-2", "Waiting times");
        await _updates.LinkFeedbackAsync(slug, [later], "author@nhs.net", Now, None);
        Assert.Equal(later, Assert.Single(await _notifications.ClaimAsync(10, Now.AddHours(2), TimeSpan.FromMinutes(5), None)).Reference);
    }

    [Fact]
    public async Task Withdrawing_consent_cancels_the_emails_not_yet_sent()
    {
        var reference = await AddFeedbackAsync(contact: "protected-1", "Waiting times");
        var slug = await ReadyAsync("withdrawn");
        await _updates.LinkFeedbackAsync(slug, [reference], "author@nhs.net", Now, None);
        await _updates.ApproveAsync(slug, 1, Now, "reviewer@nhs.net", Now, None);

        Assert.True(await _feedback.ForgetContactAsync(reference, None));

        Assert.Empty(await _notifications.ClaimAsync(10, Now, TimeSpan.FromMinutes(5), None));
        Assert.Equal(new UpdateEmails(0, 0, 0), (await _updates.GetAsync(slug, None))!.Emails);
    }

    [Fact]
    public async Task Tracking_shows_the_live_updates_that_answer_the_feedback()
    {
        var reference = await AddFeedbackAsync(contact: null, "Waiting times");
        var draft = await ReadyAsync("still-a-draft");
        var published = await PublishedAsync("published");
        await _updates.LinkFeedbackAsync(draft, [reference], "author@nhs.net", Now, None);
        await _updates.LinkFeedbackAsync(published, [reference], "author@nhs.net", Now, None);

        var (tracked, _) = (await _feedback.FindForTrackingAsync(reference, None))!.Value;
        var update = Assert.Single(tracked.Updates!);
        Assert.Equal(("published", "published"), (update.Slug, update.Title));

        Assert.True(await _updates.UnlinkFeedbackAsync(published, reference, "author@nhs.net", Now, None));
        Assert.Empty((await _feedback.FindForTrackingAsync(reference, None))!.Value.Item.Updates!);
        Assert.Equal([draft], (await _updates.ForFeedbackAsync(reference, None)).Select(summary => summary.Slug));
    }

    [Fact]
    public async Task The_number_the_portal_watches_moves_when_what_it_shows_may_have_changed()
    {
        var reference = await AddFeedbackAsync(contact: null, "Waiting times");
        var start = await _published.VersionAsync(None);
        var slug = await ReadyAsync("watched");
        await _updates.LinkFeedbackAsync(slug, [reference], "author@nhs.net", Now, None);
        Assert.Equal(start, await _published.VersionAsync(None));

        async Task<long> MovedAsync(long before)
        {
            var after = await _published.VersionAsync(None);
            Assert.True(after > before, "the number moved");
            return after;
        }

        await _updates.ApproveAsync(slug, 1, Now, "reviewer@nhs.net", Now, None);
        var live = await MovedAsync(start);
        Assert.True(await _updates.UnlinkFeedbackAsync(slug, reference, "author@nhs.net", Now, None));
        live = await MovedAsync(live);
        await _updates.LinkFeedbackAsync(slug, [reference], "author@nhs.net", Now, None);
        live = await MovedAsync(live);
        await _updates.UnpublishAsync(slug, "Wrong date", "reviewer@nhs.net", Now, None);
        await MovedAsync(live);
    }

    [Fact]
    public async Task A_send_back_says_why_and_the_history_reads_newest_first()
    {
        var slug = await ReadyAsync("letters");
        Assert.Equal(UpdateChangeOutcome.Stale, await _updates.SendBackAsync(slug, 2, "Too long", "reviewer@nhs.net", Now, None));
        Assert.Equal(UpdateChangeOutcome.Done, await _updates.SendBackAsync(slug, 1, "Too long", "reviewer@nhs.net", Now.AddMinutes(1), None));
        Assert.Equal(UpdateChangeOutcome.WrongState, await _updates.SendBackAsync(slug, 1, "Again", "reviewer@nhs.net", Now, None));
        Assert.Equal(UpdateChangeOutcome.NotFound, await _updates.SubmitForReviewAsync("no-such-update", 1, "author@nhs.net", Now, None));

        Assert.Equal(
            ["Sent version 1 back to draft: Too long", "Sent version 1 for review", "Started the draft"],
            (await _updates.EventsAsync(slug, None)).Select(happened => happened.What));
        var update = (await _updates.GetAsync(slug, None))!;
        Assert.Equal((PublishingState.Draft, null, "author@nhs.net"), (update.State, update.SubmittedBy, update.CreatedBy));
        Assert.Equal(["letters"], (await _updates.ListAsync(None)).Select(summary => summary.Slug));
    }

    private static UpdateContent Content(string title) =>
        new(title, "experience", null, "in-progress", "You told us the wait was too long.", "We added **evening clinics**.", [new UpdateMilestone("Evening clinics open", "done", new DateOnly(2026, 10, 1))], [], []);

    private async Task<string> ReadyAsync(string title)
    {
        var slug = await _updates.CreateAsync(title, _ => false, Content(title), "author@nhs.net", Now, None);
        await _updates.SubmitForReviewAsync(slug, 1, "author@nhs.net", Now, None);
        return slug;
    }

    private async Task<string> PublishedAsync(string title)
    {
        var slug = await ReadyAsync(title);
        await _updates.ApproveAsync(slug, 1, Now, "reviewer@nhs.net", Now, None);
        return slug;
    }

    private async Task<string> AddFeedbackAsync(string? contact, params string[] themes)
    {
        var record = FeedbackRecords.Record() with { ProtectedContactEmail = contact };
        await _feedback.ImportAsync(
            [new ImportedFeedback(record, new FeedbackAnalysis(Sentiment.Negative, 0.9, themes.Select(theme => new ThemePrediction(theme, 0.8)).ToArray(), [], [], null, "the wait", [], false, [], "test", "model-1", Now), TriageStatus.New)],
            None);
        return record.Reference;
    }
}
