using System.Collections.Concurrent;

namespace QualityVoice.Staff.Accounts;

/// <summary>
/// Slows down password guessing without locking anyone out. Failed sign-ins are counted per client and account
/// together, per client across accounts, and per account from devices it has not signed in on before; past a few
/// free attempts each count makes its client wait, twice as long each time, up to fifteen minutes. So someone
/// guessing from one place waits longer and longer, while the real person, on another computer or on the device
/// they always use, signs in as normal: five wrong passwords from anywhere never lock them out. The counts are each
/// instance's own; where the back office runs on several, each failure counts as many times as there are instances
/// (<c>RateLimits:Instances</c>), so that guesses spread over every instance wait as long as guesses at one.
/// </summary>
/// <param name="time">The clock.</param>
/// <param name="instances">How many back-office instances share the sign-ins.</param>
public sealed class SignInThrottle(TimeProvider time, int instances = 1)
{
    /// <summary>The longest wait.</summary>
    public static readonly TimeSpan LongestWait = TimeSpan.FromMinutes(15);

    private static readonly TimeSpan FirstWait = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan ForgetAfter = TimeSpan.FromHours(1);
    private const int MaxCounters = 100_000;

    private readonly ConcurrentDictionary<string, Counter> _counters = new(StringComparer.Ordinal);
    private readonly int _weight = Math.Max(1, instances);

    /// <summary>How long this client must wait before its next try for this account; zero when it need not.</summary>
    /// <param name="client">The client's key (a keyed hash of its address).</param>
    /// <param name="account">The e-mail address tried, whether or not it has an account.</param>
    /// <param name="knownDevice">Whether the browser has signed in to this account before.</param>
    public TimeSpan WaitBefore(string client, string account, bool knownDevice)
    {
        var now = time.GetUtcNow();
        var wait = Remaining(Pair(client, account), freeTries: 3, now);
        wait = Max(wait, Remaining(Client(client), freeTries: 20, now));
        return knownDevice ? wait : Max(wait, Remaining(Account(account), freeTries: 10, now));
    }

    /// <summary>Counts a failed attempt.</summary>
    public void Failed(string client, string account, bool knownDevice)
    {
        var now = time.GetUtcNow();
        Count(Pair(client, account), now);
        Count(Client(client), now);
        if (!knownDevice)
        {
            Count(Account(account), now);
        }

        if (_counters.Count > MaxCounters)
        {
            foreach (var (key, counter) in _counters)
            {
                if (now - counter.Last > ForgetAfter)
                {
                    _counters.TryRemove(key, out _);
                }
            }
        }
    }

    /// <summary>A successful sign-in clears this client's count for the account.</summary>
    public void Succeeded(string client, string account) => _counters.TryRemove(Pair(client, account), out _);

    /// <summary>Clears every count for an account (an administrator's "clear failed attempts").</summary>
    public void Forget(string account)
    {
        var normalised = Normalise(account);
        foreach (var key in _counters.Keys.Where(key => key.EndsWith("|" + normalised, StringComparison.Ordinal)))
        {
            _counters.TryRemove(key, out _);
        }
    }

    private TimeSpan Remaining(string key, int freeTries, DateTimeOffset now)
    {
        if (!_counters.TryGetValue(key, out var counter) || now - counter.Last > ForgetAfter || counter.Failures < freeTries)
        {
            return TimeSpan.Zero;
        }

        var doublings = Math.Min(counter.Failures - freeTries, 16);
        var wait = Min(FirstWait * Math.Pow(2, doublings), LongestWait);
        var left = counter.Last + wait - now;
        return left > TimeSpan.Zero ? left : TimeSpan.Zero;
    }

    private void Count(string key, DateTimeOffset now) =>
        _counters.AddOrUpdate(
            key,
            _ => new Counter(_weight, now),
            (_, counter) => now - counter.Last > ForgetAfter ? new Counter(_weight, now) : new Counter(counter.Failures + _weight, now));

    private static string Pair(string client, string account) => $"pair:{client}|{Normalise(account)}";

    private static string Client(string client) => $"client:{client}";

    private static string Account(string account) => $"account:|{Normalise(account)}";

    private static string Normalise(string account) => account.Trim().ToUpperInvariant();

    private static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;

    private static TimeSpan Min(TimeSpan a, TimeSpan b) => a < b ? a : b;

    private sealed record Counter(int Failures, DateTimeOffset Last);
}
