using QualityVoice.Staff.Accounts;
using QualityVoice.TestSupport;

namespace QualityVoice.BackOffice.Tests.Accounts;

/// <summary>The sign-in throttle's counts, on one back-office instance and on several.</summary>
public sealed class SignInThrottleTests
{
    private const string Client = "client-key";
    private const string Account = "quality@example.nhs.uk";

    [Fact]
    public void Guesses_spread_over_two_instances_wait_as_long_as_the_same_guesses_at_one()
    {
        var clock = new ManualTimeProvider();
        var alone = new SignInThrottle(clock);
        SignInThrottle[] pair = [new(clock, instances: 2), new(clock, instances: 2)];

        for (var guess = 0; guess < 6; guess++)
        {
            alone.Failed(Client, Account, knownDevice: true);
            pair[guess % 2].Failed(Client, Account, knownDevice: true);
        }

        var waitAlone = alone.WaitBefore(Client, Account, knownDevice: true);
        Assert.Equal(TimeSpan.FromSeconds(40), waitAlone);
        Assert.All(pair, instance => Assert.Equal(waitAlone, instance.WaitBefore(Client, Account, knownDevice: true)));
    }

    [Fact]
    public void The_first_wrong_passwords_cost_nothing_and_a_right_one_clears_them()
    {
        var throttle = new SignInThrottle(new ManualTimeProvider());
        throttle.Failed(Client, Account, knownDevice: true);
        throttle.Failed(Client, Account, knownDevice: true);

        Assert.Equal(TimeSpan.Zero, throttle.WaitBefore(Client, Account, knownDevice: true));
        throttle.Failed(Client, Account, knownDevice: true);
        Assert.Equal(TimeSpan.FromSeconds(5), throttle.WaitBefore(Client, Account, knownDevice: true));
        throttle.Succeeded(Client, Account);
        Assert.Equal(TimeSpan.Zero, throttle.WaitBefore(Client, Account, knownDevice: true));
    }
}
