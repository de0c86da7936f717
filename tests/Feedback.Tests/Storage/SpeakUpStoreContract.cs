using System.Security.Cryptography;
using System.Text;
using QualityVoice.Feedback.SpeakUp;
using QualityVoice.Feedback.Storage;

namespace QualityVoice.Feedback.Tests.Storage;

/// <summary>What every speak-up store must do, run against SQLite and Cosmos DB.</summary>
public abstract class SpeakUpStoreContract
{
    /// <summary>A new, empty store.</summary>
    protected abstract Task<ISpeakUpStore> CreateSpeakUpStoreAsync();

    [Fact]
    public async Task A_case_is_found_by_its_reference_with_its_passphrase_hash_and_the_day_only()
    {
        var store = await CreateSpeakUpStoreAsync();
        var record = Record();

        var result = await store.AddAsync(record, CancellationToken.None);
        var found = await store.FindForReporterAsync(record.Reference, CancellationToken.None);

        Assert.Equal(AddOutcome.Stored, result.Outcome);
        Assert.NotNull(found);
        Assert.Equal(SpeakUpMode.Anonymous, found.Value.Case.Mode);
        Assert.Equal(new DateOnly(2026, 11, 21), found.Value.Case.RaisedOn);
        Assert.Equal(SpeakUpStatus.Received, found.Value.Case.Status);
        Assert.Empty(found.Value.Case.Messages);
        Assert.Equal(record.PassphraseHash, found.Value.PassphraseHash);
        Assert.Null(await store.FindForReporterAsync("SU-2222-2222", CancellationToken.None));
    }

    [Fact]
    public async Task A_repeated_key_returns_the_first_reference_and_stores_nothing_new()
    {
        var store = await CreateSpeakUpStoreAsync();
        var first = Record(idempotencyKey: "speak-1");
        var repeat = Record(idempotencyKey: "speak-1");

        await store.AddAsync(first, CancellationToken.None);
        var result = await store.AddAsync(repeat, CancellationToken.None);

        Assert.Equal(AddOutcome.Repeated, result.Outcome);
        Assert.Equal(first.Reference, result.Reference);
        Assert.Null(await store.FindForReporterAsync(repeat.Reference, CancellationToken.None));
    }

    [Fact]
    public async Task A_reference_in_use_is_reported()
    {
        var store = await CreateSpeakUpStoreAsync();
        var first = Record();
        await store.AddAsync(first, CancellationToken.None);

        var clash = await store.AddAsync(Record() with { Reference = first.Reference }, CancellationToken.None);

        Assert.Equal(AddOutcome.ReferenceTaken, clash.Outcome);
    }

    [Fact]
    public async Task The_guardian_and_the_person_who_spoke_up_write_to_each_other_and_the_guardian_sees_the_whole_case()
    {
        var store = await CreateSpeakUpStoreAsync();
        var casework = (ISpeakUpCasework)store;
        var older = Record() with { RaisedOn = new DateOnly(2026, 11, 1), ProtectedIdentity = "ciphertext" };
        var newer = Record();
        await store.AddAsync(older, CancellationToken.None);
        await store.AddAsync(newer, CancellationToken.None);

        Assert.True(await store.AddMessageAsync(older.Reference, new SpeakUpMessage(true, "Thank you. Can we meet?", new DateOnly(2026, 11, 2)), CancellationToken.None));
        Assert.True(await store.AddMessageAsync(older.Reference, new SpeakUpMessage(false, "Yes, on Tuesday.", new DateOnly(2026, 11, 3)), CancellationToken.None));
        Assert.False(await store.AddMessageAsync("SU-9999-9999", new SpeakUpMessage(true, "Nobody", new DateOnly(2026, 11, 3)), CancellationToken.None));

        // The guardian's first reply moved it on; the person sees the conversation in order.
        var seen = (await store.FindForReporterAsync(older.Reference, CancellationToken.None))!.Value.Case;
        Assert.Equal(SpeakUpStatus.InProgress, seen.Status);
        Assert.Equal(["Thank you. Can we meet?", "Yes, on Tuesday."], seen.Messages.Select(message => message.Body));

        var listed = (await casework.ListAsync(CancellationToken.None)).Where(found => found.Reference == older.Reference || found.Reference == newer.Reference).ToArray();
        Assert.Equal([newer.Reference, older.Reference], listed.Select(found => found.Reference));
        var full = (await casework.GetAsync(older.Reference, CancellationToken.None))!;
        Assert.Equal(("Staff are told not to report falls.", "ciphertext", SpeakUpCategory.PatientSafetyOrQuality), (full.Concern, full.ProtectedIdentity, full.Categories.Single()));
        Assert.True(full.AwaitsGuardian);
        Assert.Null(await casework.GetAsync("SU-9999-9999", CancellationToken.None));

        // Guardians' notes stay with the case and never reach the person who spoke up.
        Assert.True(await casework.AddNoteAsync(older.Reference, new SpeakUpNote("guardian@nhs.net", "Spoke to the ward manager.", new DateOnly(2026, 11, 4)), CancellationToken.None));
        Assert.False(await casework.AddNoteAsync("SU-9999-9999", new SpeakUpNote("guardian@nhs.net", "Nobody", new DateOnly(2026, 11, 4)), CancellationToken.None));
        Assert.Equal(new SpeakUpNote("guardian@nhs.net", "Spoke to the ward manager.", new DateOnly(2026, 11, 4)), Assert.Single((await casework.GetAsync(older.Reference, CancellationToken.None))!.Notes));
        Assert.Equal(2, (await store.FindForReporterAsync(older.Reference, CancellationToken.None))!.Value.Case.Messages.Count);

        // Closing records the day, from which the retention period runs; reopening clears it.
        Assert.True(await casework.SetStatusAsync(older.Reference, SpeakUpStatus.Closed, new DateOnly(2026, 11, 5), CancellationToken.None));
        Assert.Equal((SpeakUpStatus.Closed, new DateOnly(2026, 11, 5)), ((await casework.GetAsync(older.Reference, CancellationToken.None))!.Status, (await casework.GetAsync(older.Reference, CancellationToken.None))!.ClosedOn));
        Assert.True(await casework.SetStatusAsync(older.Reference, SpeakUpStatus.InProgress, new DateOnly(2026, 11, 6), CancellationToken.None));
        Assert.Null((await casework.GetAsync(older.Reference, CancellationToken.None))!.ClosedOn);
        Assert.True(await casework.SetStatusAsync(older.Reference, SpeakUpStatus.Closed, new DateOnly(2026, 11, 7), CancellationToken.None));
        Assert.True(await casework.SetStatusAsync(older.Reference, SpeakUpStatus.Closed, new DateOnly(2026, 11, 9), CancellationToken.None));
        Assert.False(await casework.SetStatusAsync("SU-9999-9999", SpeakUpStatus.Closed, new DateOnly(2026, 11, 7), CancellationToken.None));

        // Retention removes the details and keeps what the National Guardian's Office counts.
        Assert.True(await casework.RemoveDetailsAsync(older.Reference, new DateOnly(2033, 11, 7), CancellationToken.None));
        var kept = (await casework.GetAsync(older.Reference, CancellationToken.None))!;
        Assert.Equal((string.Empty, null, null), (kept.Concern, kept.ProtectedIdentity, kept.OrganisationName));
        Assert.Empty(kept.Messages);
        Assert.Empty(kept.Notes);
        Assert.Equal(new DateOnly(2033, 11, 7), kept.DetailsRemovedOn);
        Assert.Equal((new DateOnly(2026, 11, 7), SpeakUpStatus.Closed, SpeakUpCategory.PatientSafetyOrQuality, "nursing-and-midwifery"), (kept.ClosedOn, kept.Status, kept.Categories.Single(), kept.ProfessionalGroup));
        Assert.Empty((await store.FindForReporterAsync(older.Reference, CancellationToken.None))!.Value.Case.Messages);
        Assert.Equal("Staff are told not to report falls.", (await casework.GetAsync(newer.Reference, CancellationToken.None))!.Concern);
        Assert.False(await casework.RemoveDetailsAsync("SU-9999-9999", new DateOnly(2033, 11, 7), CancellationToken.None));
        Assert.False(await casework.RemoveDetailsAsync(older.Reference, new DateOnly(2033, 11, 8), CancellationToken.None));
        Assert.Equal(new DateOnly(2033, 11, 7), (await casework.GetAsync(older.Reference, CancellationToken.None))!.DetailsRemovedOn);
    }

    private static SpeakUpRecord Record(string? idempotencyKey = null)
    {
        var reference = "SU" + FeedbackRecords.NextReference()[2..];
        return new SpeakUpRecord(
            new NewSpeakUpCase(SpeakUpMode.Anonymous, [SpeakUpCategory.PatientSafetyOrQuality], DetrimentAnswer.No, "nursing-and-midwifery", null, "Staff are told not to report falls."),
            reference,
            RandomNumberGenerator.GetBytes(32),
            new DateOnly(2026, 11, 21),
            ProtectedIdentity: null,
            IdempotencyKey: idempotencyKey is null ? null : SHA256.HashData(Encoding.UTF8.GetBytes(idempotencyKey)),
            RequestFingerprint: idempotencyKey is null ? null : [4, 5, 6]);
    }
}
