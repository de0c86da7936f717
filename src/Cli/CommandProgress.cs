using Spectre.Console;
using Spectre.Console.Rendering;

namespace QualityVoice.Cli;

/// <summary>
/// A progress bar for long commands (rows done, rows a second, time left) when a person is watching a terminal; nothing
/// at all when the output goes to a file or another program.
/// </summary>
internal static class CommandProgress
{
    /// <summary>Runs <paramref name="work"/>, which reports each step's rows to the callback it is given.</summary>
    public static Task RunAsync(string description, long total, Func<Action<long>, Task> work) =>
        RunAsync(description, total, work, (task, rows) => task.Increment(rows), new RowsColumn(), new RateColumn());

    /// <summary>
    /// As <see cref="RunAsync(string, long, Func{Action{long}, Task})"/>, for work measured in bytes of a file read as a
    /// stream (an import): the callback is given how many bytes have been read so far.
    /// </summary>
    public static Task RunBytesAsync(string description, long totalBytes, Func<Action<long>, Task> work) =>
        RunAsync(description, totalBytes, work, (task, read) => task.Value = read, new DownloadedColumn(), new TransferSpeedColumn());

    private static async Task RunAsync(string description, long total, Func<Action<long>, Task> work, Action<ProgressTask, long> report, params ProgressColumn[] measures)
    {
        if (Console.IsOutputRedirected || !AnsiConsole.Profile.Capabilities.Interactive)
        {
            await work(_ => { });
            return;
        }

        await AnsiConsole.Progress()
            .AutoClear(false)
            .Columns([new TaskDescriptionColumn(), new ProgressBarColumn(), .. measures, new RemainingTimeColumn()])
            .StartAsync(async context =>
            {
                var task = context.AddTask(description, maxValue: Math.Max(1, total));
                await work(done => report(task, done));
                task.Value = task.MaxValue;
            });
    }

    private sealed class RowsColumn : ProgressColumn
    {
        public override IRenderable Render(RenderOptions options, ProgressTask task, TimeSpan deltaTime) =>
            new Text($"{task.Value:N0} of {task.MaxValue:N0}");
    }

    private sealed class RateColumn : ProgressColumn
    {
        public override IRenderable Render(RenderOptions options, ProgressTask task, TimeSpan deltaTime) =>
            new Text(task.Speed is { } speed ? $"{speed:N0}/s" : "-");
    }
}
