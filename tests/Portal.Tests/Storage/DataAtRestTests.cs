using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using QualityVoice.Feedback;
using QualityVoice.Feedback.Intake;
using QualityVoice.Feedback.SpeakUp;

namespace QualityVoice.Portal.Tests.Storage;

/// <summary>
/// What someone holding only the data directory's database files (no keys) can learn: nothing about who gave
/// feedback or raised a concern, not even by hashing a guess and looking for it.
/// </summary>
public sealed class DataAtRestTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    private const string Email = "jo.bloggs@example.com";
    private const string Name = "Jo Bloggs";
    private const string Contact = "07700 900123";

    [Fact]
    public async Task No_value_in_the_databases_can_be_derived_from_a_guess_of_a_name_or_an_email_address()
    {
        using var client = portal.CreateClient();
        var feedback = new NewFeedback(
            FeedbackKind.Patient, NewFeedback.OtherService, "Ward 9", FftRating.Good, "Kind nurses", "The wait", null, CollectionMode.Online, Email);
        var concern = new NewSpeakUpCase(
            SpeakUpMode.Confidential, [SpeakUpCategory.PatientSafetyOrQuality], DetrimentAnswer.No, ProfessionalGroups.PreferNotToSay,
            null, "Staffing on the night shift is unsafe", Name, Contact);
        Assert.IsType<IntakeResult.Accepted>(await portal.Services.GetRequiredService<FeedbackIntake>()
            .SubmitAsync(feedback, new IdempotencyKey("api:test", "at-rest-1"), CancellationToken.None));
        Assert.IsType<IntakeResult.Accepted>(await portal.Services.GetRequiredService<SpeakUpIntake>()
            .RaiseAsync(concern, new IdempotencyKey("form", "at-rest-2"), CancellationToken.None));
        SqliteConnection.ClearAllPools();

        var files = Directory.GetFiles(portal.DataDirectory, "*.db*").Select(File.ReadAllBytes).ToArray();

        foreach (var guess in Guesses(feedback, concern))
        {
            Assert.DoesNotContain(files, file => file.AsSpan().IndexOf(guess) >= 0);
        }
    }

    /// <summary>
    /// The person's details as text, and SHA-256 of each of them and of the whole request with them in it, as the
    /// request fingerprints were made before they were keyed.
    /// </summary>
    private static IEnumerable<byte[]> Guesses(NewFeedback feedback, NewSpeakUpCase concern)
    {
        SpeakUpIntake.Validate(concern, out var cleaned);
        var wholeFeedback = string.Join(
            '\u001f',
            "patient", feedback.ServiceId, feedback.ServiceName, "good", feedback.WhatWasGood, feedback.WhatCouldImprove, null, "online", Email);
        foreach (var text in new[] { Email, Name, Contact, wholeFeedback, JsonSerializer.Serialize(cleaned) })
        {
            var bytes = Encoding.UTF8.GetBytes(text);
            yield return bytes;
            yield return SHA256.HashData(bytes);
        }
    }
}
