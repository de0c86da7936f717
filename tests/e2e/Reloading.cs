using Microsoft.Playwright;

namespace QualityVoice.E2E;

/// <summary>Waiting for the back office's background workers, whose work shows only on a page loaded afresh.</summary>
public static class Reloading
{
    /// <summary>
    /// Reloads <paramref name="page"/> every half second until <paramref name="done"/> holds, failing with
    /// <paramref name="because"/> after thirty seconds.
    /// </summary>
    public static async Task ReloadUntilAsync(this IPage page, Func<Task<bool>> done, string because)
    {
        for (var tries = 0; !await done(); tries++)
        {
            Assert.True(tries < 60, because);
            await Task.Delay(500);
            await page.ReloadAsync();
        }
    }
}
