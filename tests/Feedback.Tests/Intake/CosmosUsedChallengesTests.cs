using QualityVoice.Feedback.Storage.Cosmos;
using QualityVoice.Feedback.Tests.Storage;
using QualityVoice.TestSupport;

namespace QualityVoice.Feedback.Tests.Intake;

/// <summary>On Cosmos DB, a proof-of-work challenge one portal instance accepted is refused by every other.</summary>
[Collection(CosmosCollection.Name)]
public sealed class CosmosUsedChallengesTests(CosmosAccountFixture account)
{
    [Fact]
    public async Task A_challenge_used_on_one_instance_is_refused_on_another_and_others_are_not()
    {
        var containers = await account.Server.CreateDatabaseAsync();
        var clock = new ManualTimeProvider();
        var expires = clock.GetUtcNow().AddMinutes(20);
        var first = new CosmosUsedChallenges(containers, clock);
        var second = new CosmosUsedChallenges(containers, clock);

        Assert.True(await first.TryUseAsync("a1b2c3", expires, CancellationToken.None));
        Assert.False(await second.TryUseAsync("a1b2c3", expires, CancellationToken.None));
        Assert.False(await first.TryUseAsync("a1b2c3", expires, CancellationToken.None));
        Assert.True(await second.TryUseAsync("d4e5f6", expires, CancellationToken.None));
    }
}
