using QualityVoice.Analysis;
using QualityVoice.Analysis.Urgency;
using QualityVoice.Feedback.Storage;
using QualityVoice.Feedback.Tests.Storage;
using QualityVoice.Feedback.Tracking;
using QualityVoice.Feedback.Triage;

namespace QualityVoice.Feedback.Tests.Triage;

/// <summary>
/// What the quality team's stores must do, run against each provider on the same items: the inbox's paging and
/// filters, counts, every triage change and its history, corrections that analysis never overwrites, the urgent
/// queue and the person's answers on /track.
/// </summary>
public abstract class TriageStoreContract
{
    private const string Parking = "Parking";
    private const string Waiting = "Timeliness of care";
    private const string Manner = "Staff manner & personal attributes";
    private const string Quality = "quality@example.nhs.uk";
    private static readonly DateTimeOffset Now = new(2026, 11, 20, 12, 0, 0, TimeSpan.Zero);

    /// <summary>The stores of a new, empty database.</summary>
    protected abstract Task<Stores> CreateStoresAsync();

    [Fact]
    public async Task The_inbox_pages_through_months_newest_or_oldest_first_with_each_item_once()
    {
        var stores = await CreateStoresAsync();
        var arrivals = new[] { Now.AddDays(-75), Now.AddDays(-60), Now.AddDays(-59), Now.AddDays(-40), Now.AddDays(-19), Now.AddDays(-2), Now.AddDays(-1) };
        var references = new List<string>();
        foreach (var at in arrivals)
        {
            references.Add(await stores.ImportAsync(Item(at: at)));
        }

        Assert.Equal(Enumerable.Reverse(references), await ReadAllAsync(stores.Triage, InboxOrder.Newest, pageSize: 3));
        Assert.Equal(references, await ReadAllAsync(stores.Triage, InboxOrder.Oldest, pageSize: 2));
        await Assert.ThrowsAsync<InvalidCursorException>(() => stores.Triage.SearchAsync(new InboxFilter(), InboxOrder.Newest, "not-a-cursor!", 3, CancellationToken.None));

        var exported = new List<string>();
        await foreach (var row in stores.Triage.EveryRowAsync(new InboxFilter(), CancellationToken.None))
        {
            exported.Add(row.Reference);
        }

        Assert.Equal(Enumerable.Reverse(references), exported);
    }

    [Fact]
    public async Task Every_filter_selects_the_same_items_and_counts_them()
    {
        var stores = await CreateStoresAsync();
        var praise = await stores.ImportAsync(Item("The parking was easy", Sentiment.Positive, [Parking], at: Now.AddDays(-40), fft: FftRating.VeryGood));
        var mixed = await stores.ImportAsync(Item(
            "Kind nurses but a long wait", Sentiment.Mixed, [Manner, Waiting], at: Now.AddDays(-10), kind: FeedbackKind.Carer,
            feelings: [new ThemeSentiment(Manner, Sentiment.Positive), new ThemeSentiment(Waiting, Sentiment.Negative)]));
        var urgent = await stores.ImportAsync(Item("Dad was left in soiled sheets", Sentiment.Negative, [Manner], at: Now.AddDays(-3), urgent: true, service: "rtd-wards"));
        var unsure = await stores.ImportAsync(Item("Parking, parking, parking", Sentiment.Negative, [Parking], at: Now.AddDays(-1), needsReview: true, status: TriageStatus.Triaged, owner: Quality));

        async Task<string[]> FindAsync(InboxFilter filter) =>
            (await stores.Triage.SearchAsync(filter, InboxOrder.Newest, null, 50, CancellationToken.None)).Rows.Select(row => row.Reference).ToArray();

        Assert.Equal([unsure], await FindAsync(new InboxFilter { Status = TriageStatus.Triaged }));
        Assert.Equal([unsure, urgent], await FindAsync(new InboxFilter { Sentiment = Sentiment.Negative }));
        Assert.Equal([unsure, praise], await FindAsync(new InboxFilter { Theme = Parking }));
        Assert.Equal([mixed], await FindAsync(new InboxFilter { Theme = Waiting, Sentiment = Sentiment.Negative }));
        Assert.Equal([mixed], await FindAsync(new InboxFilter { Theme = Manner, Sentiment = Sentiment.Positive }));
        Assert.Equal([urgent, mixed], await FindAsync(new InboxFilter { AnyTheme = [Waiting, Manner] }));
        Assert.Equal([urgent], await FindAsync(new InboxFilter { ServiceId = "rtd-wards" }));
        Assert.Equal([mixed], await FindAsync(new InboxFilter { Kind = FeedbackKind.Carer }));
        Assert.Equal([praise], await FindAsync(new InboxFilter { Fft = FftRating.VeryGood }));
        Assert.Equal([urgent], await FindAsync(new InboxFilter { Urgent = true }));
        Assert.Equal([unsure, mixed, praise], await FindAsync(new InboxFilter { Urgent = false }));
        Assert.Equal([unsure], await FindAsync(new InboxFilter { NeedsReview = true }));
        Assert.Equal([unsure], await FindAsync(new InboxFilter { AssignedTo = Quality }));
        Assert.Equal([urgent, mixed, praise], await FindAsync(new InboxFilter { AssignedTo = InboxFilter.Unassigned }));
        Assert.Equal([urgent, mixed], await FindAsync(new InboxFilter { From = DateOnly.FromDateTime(Now.AddDays(-10).UtcDateTime), To = DateOnly.FromDateTime(Now.AddDays(-3).UtcDateTime) }));
        Assert.Equal([unsure, praise], await FindAsync(new InboxFilter { Query = "PARKING" }));
        Assert.Equal([mixed], await FindAsync(new InboxFilter { Query = "long wait" }));
        Assert.Empty(await FindAsync(new InboxFilter { Query = "wait parking" }));
        Assert.Equal([mixed], await FindAsync(new InboxFilter { Query = "nurse waiting" })); // words are found by their stems
        Assert.Equal([urgent], await FindAsync(new InboxFilter { Query = "soiling" }));
        Assert.Equal([unsure], await FindAsync(new InboxFilter { Query = "parking", Sentiment = Sentiment.Negative }));

        var all = await stores.Triage.CountAsync(new InboxFilter(), CancellationToken.None);
        Assert.Equal(4, all.Total);
        Assert.False(all.Capped);
        Assert.Equal(2, all.ByFacet["sentiment"]["negative"]);
        Assert.Equal(1, all.ByFacet["urgent"]["yes"]);
        Assert.Equal(3, all.ByFacet["service"]["rvi-ae"]);
        Assert.Equal(3, all.ByFacet["status"]["new"]);
        var parking = await stores.Triage.CountAsync(new InboxFilter { Theme = Parking }, CancellationToken.None);
        Assert.Equal(2, parking.Total);
        Assert.Equal(1, parking.ByFacet["fft"]["very-good"]);
    }

    [Fact]
    public async Task Every_triage_change_follows_the_workflow_and_is_in_the_history()
    {
        var stores = await CreateStoresAsync();
        var reference = await stores.ImportAsync(Item("The wait was long", Sentiment.Negative, [Waiting], at: Now.AddDays(-1)));
        var triage = stores.Triage;

        Assert.Empty(await triage.ChangeStatusAsync([reference], TriageStatus.New, null, Quality, Now, CancellationToken.None));
        Assert.Equal([reference], await triage.ChangeStatusAsync([reference, reference, "QV-2222-2222"], TriageStatus.Triaged, null, Quality, Now, CancellationToken.None));
        await Assert.ThrowsAsync<ArgumentException>(() => triage.ChangeStatusAsync([reference], TriageStatus.Closed, " ", Quality, Now, CancellationToken.None));
        Assert.Equal(1, await triage.AssignAsync([reference, "QV-2222-2222"], "owner@example.nhs.uk", Quality, Now.AddMinutes(1), CancellationToken.None));
        Assert.True(await triage.EscalateAsync(reference, EscalationLevel.Enhanced, "Third complaint this week", Quality, Now.AddMinutes(2), CancellationToken.None));
        Assert.True(await triage.AddNoteAsync(reference, "Rang the ward manager", Quality, Now.AddMinutes(3), CancellationToken.None));
        Assert.True(await triage.PublishReplyAsync(reference, "Thank you: we have told the ward.", Quality, Now.AddMinutes(4), CancellationToken.None));
        Assert.False(await triage.AddNoteAsync("QV-2222-2222", "Nobody", Quality, Now, CancellationToken.None));

        var item = (await triage.GetAsync(reference, CancellationToken.None))!;
        Assert.Equal(TriageStatus.Responded, item.Item.Status);
        Assert.Equal("owner@example.nhs.uk", item.AssignedTo);
        Assert.Equal(new Escalation(EscalationLevel.Enhanced, Quality, "Third complaint this week", Now.AddMinutes(2)), item.Escalation);
        Assert.Equal(("Thank you: we have told the ward.", Now.AddMinutes(4)), item.PublicReply);
        Assert.Equal(
            ["status: Moved to Triaged", "assigned: Assigned to owner@example.nhs.uk", "escalated: Escalation set to Enhanced: Third complaint this week", "note: Rang the ward manager", "reply: Published a reply: Thank you: we have told the ward."],
            item.History.Select(entry => $"{entry.Kind}: {entry.Detail}"));
        Assert.All(item.History, entry => Assert.Equal(Quality, entry.Actor));
        Assert.Equal([(false, "Thank you: we have told the ward.")], item.Conversation!.Select(message => (message.FromPerson, message.Text)));

        // Closed with a reason; a reply after that leaves it closed; the person's answer reopens it.
        Assert.Equal([reference], await triage.ChangeStatusAsync([reference], TriageStatus.Closed, "Replied to the person", Quality, Now.AddMinutes(5), CancellationToken.None));
        Assert.True(await triage.PublishReplyAsync(reference, "One more thing.", Quality, Now.AddMinutes(6), CancellationToken.None));
        Assert.Equal(TriageStatus.Closed, (await triage.GetAsync(reference, CancellationToken.None))!.Item.Status);
        var answer = new FeedbackMessage(true, "Thanks, call me on 07700 900123", "Thanks, call me on [phone]", Now.AddMinutes(7));
        Assert.True(await stores.Conversation.AnswerAsync(reference, answer, TriageWorkflow.AfterThePersonAnswers(TriageStatus.Closed), urgent: false, CancellationToken.None));
        item = (await triage.GetAsync(reference, CancellationToken.None))!;
        Assert.Equal(TriageStatus.InProgress, item.Item.Status);
        Assert.Equal("Closed: Replied to the person", item.History[5].Detail);
        Assert.Equal(answer, item.Conversation![^1]);
        Assert.Equal(TriageEvents.Person, item.History[^1].Actor);
        Assert.DoesNotContain(item.History, entry => entry.Detail.Contains("07700", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Two_staff_moving_one_item_at_once_move_it_once()
    {
        var stores = await CreateStoresAsync();
        var reference = await stores.ImportAsync(Item(at: Now.AddDays(-1)));
        var before = (await stores.Triage.GetAsync(reference, CancellationToken.None))!.Version;

        var moves = await Task.WhenAll(Enumerable.Range(0, 4).Select(n =>
            stores.Triage.ChangeStatusAsync([reference], TriageStatus.Triaged, null, $"staff{n}@example.nhs.uk", Now, CancellationToken.None)));

        Assert.Single(moves, moved => moved.Count == 1);
        var item = (await stores.Triage.GetAsync(reference, CancellationToken.None))!;
        Assert.Single(item.History);
        Assert.Equal(before + 1, item.Version);
    }

    [Fact]
    public async Task Staff_corrections_are_never_overwritten_by_a_new_analysis_and_are_the_labels_for_retraining()
    {
        var stores = await CreateStoresAsync();
        var reference = await stores.ImportAsync(Item(
            "Kind nurses but a long wait", Sentiment.Mixed, [Manner, Waiting], at: Now.AddDays(-1), needsReview: true,
            feelings: [new ThemeSentiment(Manner, Sentiment.Positive), new ThemeSentiment(Waiting, Sentiment.Negative)]));
        var other = await stores.ImportAsync(Item("Parking was easy", Sentiment.Positive, [Parking], at: Now.AddDays(-2)));

        Assert.True(await stores.Triage.CorrectThemesAsync(reference, [Waiting, Parking], Quality, Now, CancellationToken.None));
        var corrected = (await stores.Triage.GetAsync(reference, CancellationToken.None))!;
        Assert.Equal([(Parking, 1.0), (Waiting, 1.0)], corrected.Themes.Select(theme => (theme.Name, theme.Confidence)));
        Assert.Equal(Sentiment.Negative, corrected.SentimentAbout(Waiting));
        Assert.Equal(Sentiment.Mixed, corrected.SentimentAbout(Parking));
        Assert.Empty((await stores.Triage.SearchAsync(new InboxFilter { NeedsReview = true }, InboxOrder.Newest, null, 10, CancellationToken.None)).Rows);

        Assert.True(await stores.Triage.CorrectSentimentAsync(reference, Sentiment.Negative, Quality, Now, CancellationToken.None));
        Assert.Equal(Sentiment.Negative, (await stores.Triage.GetAsync(reference, CancellationToken.None))!.SentimentAbout(Parking));

        // A new model reads both again: the corrected item keeps staff's labels; the other takes the new reading.
        Assert.Equal(2, await stores.Feedback.RequeueForAnalysisAsync("model-2", TimeProvider.System.GetUtcNow(), CancellationToken.None));
        var claimed = await stores.Feedback.ClaimForAnalysisAsync(10, "lease", Now, TimeSpan.FromMinutes(5), CancellationToken.None);
        Assert.Equal(2, claimed.Count);
        var reading = Analysis("Kind nurses but a long wait", Sentiment.Positive, [Manner], urgent: false, needsReview: true, feelings: null) with { ModelVersion = "model-2" };
        Assert.Equal(2, await stores.Feedback.SaveAnalysesAsync("lease", claimed.Select(item => new AnalysedItem(item.Reference, reading)).ToArray(), CancellationToken.None));

        var after = (await stores.Triage.GetAsync(reference, CancellationToken.None))!;
        Assert.Equal([Parking, Waiting], after.Themes.Select(theme => theme.Name));
        Assert.Equal(Sentiment.Negative, after.Sentiment);
        Assert.Equal(Quality, after.ThemesCorrectedBy);
        var relabelled = (await stores.Triage.GetAsync(other, CancellationToken.None))!;
        Assert.Equal([Manner], relabelled.Themes.Select(theme => theme.Name));
        Assert.Equal([other], (await stores.Triage.SearchAsync(new InboxFilter { NeedsReview = true }, InboxOrder.Newest, null, 10, CancellationToken.None)).Rows.Select(row => row.Reference));

        var labels = new List<LabelledComment>();
        await foreach (var label in stores.Triage.HumanLabelsAsync(CancellationToken.None))
        {
            labels.Add(label);
        }

        Assert.All(labels, label => Assert.Equal(reference, label.Reference));
        Assert.Equal(["What was good?", "What could we do better?"], labels.Select(label => label.Question));
        Assert.All(labels, label => Assert.Equal(Sentiment.Negative, label.Sentiment));
        Assert.All(labels, label => Assert.Equal([Parking, Waiting], label.Themes.Order(StringComparer.Ordinal)));
    }

    [Fact]
    public async Task The_urgent_queue_puts_unread_items_first_and_an_urgent_answer_starts_a_new_clock()
    {
        var stores = await CreateStoresAsync();
        var older = await stores.ImportAsync(Item("I want to end it all", Sentiment.Negative, [], at: Now.AddHours(-30), urgent: true));
        var newer = await stores.ImportAsync(Item("I have the tablets ready", Sentiment.Negative, [], at: Now.AddHours(-2), urgent: true));
        var calm = await stores.ImportAsync(Item("Parking was hard", Sentiment.Negative, [Parking], at: Now.AddHours(-40)));
        await stores.ImportAsync(Item("They hit him", Sentiment.Negative, [], at: Now.AddHours(-50), urgent: true, status: TriageStatus.Closed));
        var queue = stores.Urgent;

        Assert.Equal([older, newer], (await queue.ListAsync(10, CancellationToken.None)).Select(row => row.Row.Reference));
        Assert.Equal([older], (await queue.OverdueUntoldAsync(Now - UrgentResponse.Within, 10, CancellationToken.None)).Select(item => item.Reference));
        await queue.MarkOverdueToldAsync(older, Now, CancellationToken.None);
        Assert.Empty(await queue.OverdueUntoldAsync(Now - UrgentResponse.Within, 10, CancellationToken.None));

        var read = new UrgentAcknowledgement(Quality, Now.AddMinutes(-5), "Passed to safeguarding");
        Assert.True(await queue.AcknowledgeAsync(older, read, CancellationToken.None));
        Assert.False(await queue.AcknowledgeAsync(older, read with { By = "late@example.nhs.uk" }, CancellationToken.None));
        Assert.False(await queue.AcknowledgeAsync(calm, read, CancellationToken.None));
        var listed = await queue.ListAsync(10, CancellationToken.None);
        Assert.Equal([newer, older], listed.Select(row => row.Row.Reference));
        Assert.Equal(read, listed[1].Acknowledged);
        Assert.Equal("acknowledged", (await stores.Triage.GetAsync(older, CancellationToken.None))!.History[^1].Kind);

        // The person's answer on an item that was never urgent reads as urgent: it joins the queue, its clock from the answer.
        var answer = new FeedbackMessage(true, "I want to end my life", "I want to end my life", Now.AddHours(-1));
        Assert.True(await stores.Conversation.AnswerAsync(calm, answer, TriageStatus.InProgress, urgent: true, CancellationToken.None));
        listed = await queue.ListAsync(10, CancellationToken.None);
        Assert.Equal([newer, calm, older], listed.Select(row => row.Row.Reference));
        Assert.Equal(Now.AddHours(-1).ToUnixTimeMilliseconds(), listed[1].UrgentSince.ToUnixTimeMilliseconds());
        Assert.True(listed[1].Row.Urgent);
        Assert.Empty(await queue.OverdueUntoldAsync(Now - UrgentResponse.Within, 10, CancellationToken.None));
        Assert.Contains(calm, (await queue.OverdueUntoldAsync(Now.AddHours(24), 10, CancellationToken.None)).Select(item => item.Reference));
        Assert.Contains(calm, (await stores.Triage.SearchAsync(new InboxFilter { Urgent = true }, InboxOrder.Newest, null, 10, CancellationToken.None)).Rows.Select(row => row.Reference));
    }

    [Fact]
    public async Task Staff_mark_urgent_what_the_analysis_missed_and_their_verdicts_on_urgency_are_labels_for_the_next_model()
    {
        var stores = await CreateStoresAsync();
        var missed = await stores.ImportAsync(Item("The carer shouts at my dad and he is frightened of her", at: Now.AddHours(-30)));
        var flagged = await stores.ImportAsync(Item("I could have died of embarrassment", at: Now.AddHours(-20), urgent: true));
        var closed = await stores.ImportAsync(Item("They pushed him into the chair", at: Now.AddHours(-10), status: TriageStatus.Closed));
        var queue = stores.Urgent;
        var marking = new UrgentMarking(Quality, Now.AddHours(-1), UrgencyReasons.Abuse);

        Assert.True(await queue.MarkUrgentAsync(missed, marking, CancellationToken.None));
        Assert.False(await queue.MarkUrgentAsync(missed, marking with { By = "late@example.nhs.uk" }, CancellationToken.None));
        Assert.False(await queue.MarkUrgentAsync(flagged, marking, CancellationToken.None));
        Assert.False(await queue.MarkUrgentAsync(closed, marking, CancellationToken.None));

        // It waits in the queue, its clock from the marking, and a new analysis that finds it calm leaves it there.
        var listed = await queue.ListAsync(10, CancellationToken.None);
        Assert.Equal([flagged, missed], listed.Select(row => row.Row.Reference));
        Assert.Equal(marking, listed[1].MarkedUrgent);
        Assert.Equal(marking.At.ToUnixTimeMilliseconds(), listed[1].UrgentSince.ToUnixTimeMilliseconds());
        Assert.Equal([flagged, missed], (await queue.OverdueUntoldAsync(Now.AddMinutes(-30), 10, CancellationToken.None)).Select(item => item.Reference));
        Assert.Equal(marking, (await queue.OverdueUntoldAsync(Now.AddMinutes(-30), 10, CancellationToken.None))[1].MarkedUrgent);
        Assert.Equal([flagged], (await queue.OverdueUntoldAsync(Now.AddHours(-2), 10, CancellationToken.None)).Select(item => item.Reference));
        Assert.Equal(3, await stores.Feedback.RequeueForAnalysisAsync("model-2", TimeProvider.System.GetUtcNow(), CancellationToken.None));
        var claimed = await stores.Feedback.ClaimForAnalysisAsync(10, "lease", Now, TimeSpan.FromMinutes(5), CancellationToken.None);
        var calm = Analysis("The carer shouts at my dad and he is frightened of her", Sentiment.Negative, [], urgent: false, needsReview: false, feelings: null) with { ModelVersion = "model-2" };
        Assert.Equal(1, await stores.Feedback.SaveAnalysesAsync("lease", [new AnalysedItem(missed, calm)], CancellationToken.None));
        Assert.Contains(missed, claimed.Select(item => item.Reference));
        var item = (await stores.Triage.GetAsync(missed, CancellationToken.None))!;
        Assert.True(item.IsUrgent);
        Assert.Equal(marking, item.MarkedUrgent);
        Assert.Equal("marked-urgent", item.History[^1].Kind);
        Assert.Contains(missed, (await stores.Triage.SearchAsync(new InboxFilter { Urgent = true }, InboxOrder.Newest, null, 10, CancellationToken.None)).Rows.Select(row => row.Reference));
        Assert.Equal(2, (await stores.Triage.CountAsync(new InboxFilter(), CancellationToken.None)).ByFacet["urgent"]["yes"]);

        // Reading the flagged one and finding no risk makes it a false alarm to learn from; the marked one is a miss.
        Assert.True(await queue.AcknowledgeAsync(flagged, new UrgentAcknowledgement(Quality, Now, UrgentResponse.NoRiskFound), CancellationToken.None));
        var judged = await stores.Triage.UrgencyJudgedAsync(CancellationToken.None).ToListAsync();
        Assert.Equal([missed, flagged], judged.Select(judgedItem => judgedItem.Item.Reference));
        Assert.Equal([UrgencyJudgement.Missed, UrgencyJudgement.NoRiskFound], judged.Select(judgedItem => judgedItem.UrgencyJudgement));

        // The urgency flag's measure reads the same judgements from the urgent items of the days asked for, oldest first.
        var arrived = await stores.Triage.UrgentItemsAsync(new InboxFilter { To = new DateOnly(2026, 11, 19) }, CancellationToken.None).ToListAsync();
        Assert.Equal([(missed, UrgencyJudgement.Missed), (flagged, UrgencyJudgement.NoRiskFound)], arrived.Select(row => (row.Row.Reference, row.Judgement)));
        Assert.Empty(await stores.Triage.UrgentItemsAsync(new InboxFilter { From = new DateOnly(2026, 11, 20) }, CancellationToken.None).ToListAsync());
        Assert.Equal(
            [
                new UrgencyVerdict(missed, "Kind staff The carer shouts at my dad and he is frightened of her", true, UrgencyReasons.Abuse, UrgencyVerdicts.Marked),
                new UrgencyVerdict($"{flagged}-1", "Kind staff", false, null, UrgencyVerdicts.Cleared),
                new UrgencyVerdict($"{flagged}-2", "I could have died of embarrassment", false, null, UrgencyVerdicts.Cleared),
            ],
            judged.SelectMany(UrgencyVerdicts.Of));
    }

    [Fact]
    public async Task The_inbox_view_is_the_page_and_the_counts_on_every_page_of_broad_and_rare_filters()
    {
        var stores = await CreateStoresAsync();
        for (var i = 0; i < 9; i++)
        {
            // Across three months, every third one urgent.
            await stores.ImportAsync(Item(i % 2 == 0 ? "The wait was long" : "Kind nurses", at: Now.AddDays(-12 * i), urgent: i % 3 == 0, fft: (FftRating)(i % 5)));
        }

        foreach (var filter in new[] { new InboxFilter(), new InboxFilter { Urgent = true }, new InboxFilter { Query = "nurses" }, new InboxFilter { Kind = FeedbackKind.Carer } })
        {
            foreach (var order in new[] { InboxOrder.Newest, InboxOrder.Oldest })
            {
                string? after = null;
                do
                {
                    var view = await stores.Triage.ViewAsync(filter, order, after, 2, CancellationToken.None);
                    Assert.Equal(await stores.Triage.SearchAsync(filter, order, after, 2, CancellationToken.None), view.Page, InboxPageComparer.Instance);
                    var counts = await stores.Triage.CountAsync(filter, CancellationToken.None);
                    Assert.Equal(counts.Total, view.Counts.Total);
                    Assert.Equal(
                        counts.ByFacet.SelectMany(facet => facet.Value.Select(value => $"{facet.Key}={value.Key}:{value.Value}")).Order(StringComparer.Ordinal),
                        view.Counts.ByFacet.SelectMany(facet => facet.Value.Select(value => $"{facet.Key}={value.Key}:{value.Value}")).Order(StringComparer.Ordinal));
                    after = view.Page.Next;
                }
                while (after is not null);
            }
        }
    }

    [Fact]
    public async Task An_item_the_analysis_finds_urgent_joins_the_queue_and_closing_it_takes_it_out_until_it_is_reopened()
    {
        var stores = await CreateStoresAsync();
        var record = Item("I will take all my tablets tonight", urgent: true).Record;
        await stores.Feedback.AddAsync(record, CancellationToken.None);
        Assert.Empty(await stores.Urgent.ListAsync(10, CancellationToken.None));

        var claimed = await stores.Feedback.ClaimForAnalysisAsync(10, "lease", Now, TimeSpan.FromMinutes(5), CancellationToken.None);
        Assert.Equal([record.Reference], claimed.Select(item => item.Reference));
        var analysis = Analysis("I will take all my tablets tonight", Sentiment.Negative, [], urgent: true, needsReview: false, feelings: null);
        Assert.Equal(1, await stores.Feedback.SaveAnalysesAsync("lease", [new AnalysedItem(record.Reference, analysis)], CancellationToken.None));
        Assert.Equal([record.Reference], (await stores.Urgent.ListAsync(10, CancellationToken.None)).Select(row => row.Row.Reference));

        await stores.Triage.ChangeStatusAsync([record.Reference], TriageStatus.Closed, "Passed to the crisis team", Quality, Now, CancellationToken.None);
        Assert.Empty(await stores.Urgent.ListAsync(10, CancellationToken.None));
        await stores.Triage.ChangeStatusAsync([record.Reference], TriageStatus.InProgress, null, Quality, Now, CancellationToken.None);
        Assert.Equal([record.Reference], (await stores.Urgent.ListAsync(10, CancellationToken.None)).Select(row => row.Row.Reference));
    }

    private static async Task<List<string>> ReadAllAsync(ITriageStore triage, InboxOrder order, int pageSize)
    {
        var references = new List<string>();
        string? after = null;
        do
        {
            var page = await triage.SearchAsync(new InboxFilter(), order, after, pageSize, CancellationToken.None);
            Assert.True(page.Rows.Count <= pageSize);
            references.AddRange(page.Rows.Select(row => row.Reference));
            after = page.Next;
        }
        while (after is not null);
        return references;
    }

    private static ImportedFeedback Item(
        string text = "The wait was long",
        Sentiment sentiment = Sentiment.Negative,
        string[]? themes = null,
        DateTimeOffset? at = null,
        FeedbackKind kind = FeedbackKind.Patient,
        FftRating fft = FftRating.Poor,
        string service = "rvi-ae",
        bool urgent = false,
        bool needsReview = false,
        TriageStatus status = TriageStatus.New,
        string? owner = null,
        IReadOnlyList<ThemeSentiment>? feelings = null)
    {
        var feedback = new NewFeedback(kind, service, service == "rvi-ae" ? "Royal Victoria Infirmary – A&E" : "Wards", fft, "Kind staff", text, null, CollectionMode.Online);
        var record = FeedbackRecords.Record(submittedAt: at ?? Now, feedback: feedback);
        return new ImportedFeedback(record, Analysis(text, sentiment, themes ?? [Waiting], urgent, needsReview, feelings), status, owner);
    }

    private static FeedbackAnalysis Analysis(string text, Sentiment sentiment, string[] themes, bool urgent, bool needsReview, IReadOnlyList<ThemeSentiment>? feelings) => new(
        sentiment, 0, themes.Select((theme, n) => new ThemePrediction(theme, 0.9 - (n * 0.1))).ToArray(), [], [], "Kind staff", text, [], urgent, urgent ? ["suicide or self-harm"] : [], "test", "model-1", Now,
        NeedsReview: needsReview, ThemeSentiments: feelings);

    /// <summary>Pages are equal when their rows (by reference, in order) and next cursors are.</summary>
    private sealed class InboxPageComparer : IEqualityComparer<InboxPage>
    {
        public static readonly InboxPageComparer Instance = new();

        public bool Equals(InboxPage? x, InboxPage? y) =>
            x is not null && y is not null && x.Next == y.Next && x.Rows.Select(row => row.Reference).SequenceEqual(y.Rows.Select(row => row.Reference));

        public int GetHashCode(InboxPage obj) => obj.Rows.Count;
    }

    /// <summary>The stores of one database, with a way to put items in as analysed.</summary>
    protected sealed record Stores(IFeedbackStore Feedback, ITriageStore Triage, IFeedbackConversation Conversation, IUrgentQueue Urgent)
    {
        public async Task<string> ImportAsync(ImportedFeedback item)
        {
            Assert.Equal(1, await Feedback.ImportAsync([item], CancellationToken.None));
            return item.Record.Reference;
        }
    }
}
