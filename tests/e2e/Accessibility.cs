using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace QualityVoice.E2E;

/// <summary>Runs axe-core on a page against WCAG 2.2 A and AA; any violation fails the test.</summary>
public static class Accessibility
{
    private static readonly AxeRunOptions Wcag22 = new()
    {
        RunOnly = new RunOnlyOptions
        {
            Type = "tag",
            Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa"],
        },
        ResultTypes = [ResultType.Violations],
    };

    /// <summary>Fails with every violation listed if axe finds any on the page as it is now.</summary>
    public static async Task AssertAccessibleAsync(this IPage page)
    {
        // axe runs as script in the page; a page with JavaScript switched off cannot run it (and would hang).
        Assert.True(await page.EvaluateAsync<bool>("() => true").WaitAsync(TimeSpan.FromSeconds(10)), "axe needs JavaScript in the page.");
        var result = await page.RunAxe(Wcag22).WaitAsync(TimeSpan.FromSeconds(60));
        var violations = result.Violations ?? [];
        if (violations.Length > 0)
        {
            var details = string.Join(
                "\n",
                violations.Select(violation =>
                    $"- {violation.Id} ({violation.Impact}): {violation.Help}\n"
                    + string.Join("\n", violation.Nodes.Select(node => $"    {node.Html}"))));
            Assert.Fail($"axe found {violations.Length} WCAG 2.2 A/AA violation(s) on {page.Url}:\n{details}");
        }
    }

    /// <summary>Goes to a page, checks it answered 200, and runs axe on it.</summary>
    public static async Task VisitAsync(this IPage page, Uri address)
    {
        var response = await page.GotoAsync(address.ToString());
        Assert.NotNull(response);
        Assert.Equal(200, response.Status);
        await page.AssertAccessibleAsync();
    }

    /// <summary>Fails when the page as it is now is wider than the window (it would scroll sideways).</summary>
    public static async Task AssertFitsTheScreenAsync(this IPage page)
    {
        var widths = await page.EvaluateAsync<int[]>("() => [document.documentElement.scrollWidth, window.innerWidth]");
        Assert.True(widths[0] <= widths[1], $"{page.Url} is {widths[0]} px wide in a {widths[1]} px window: it scrolls sideways.");
    }
}
