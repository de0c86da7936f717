using System.Collections.Concurrent;
using System.Runtime.InteropServices;

namespace QualityVoice.Feedback.Outbox;

/// <summary>
/// Runs work on one thread of its own at a lower CPU priority (a higher Linux nice value), so that analysing what
/// arrived never takes the processor from the intake that is acknowledging what is arriving: on a busy machine the
/// analysis falls behind (and catches up later) instead of slowing submissions. Threads the work starts (ONNX
/// Runtime's, when its session is made here) inherit the priority. Only the analysis runs here: store writes, which
/// hold SQLite's write lock, stay at normal priority so that no one waits on a starved thread.
/// </summary>
public sealed partial class LowPriorityScheduler : TaskScheduler, IDisposable
{
    private readonly BlockingCollection<Task> _queue = [];
    private readonly Thread _thread;

    /// <summary>Starts the thread at <paramref name="nice"/> (0 to 19; higher is lower priority).</summary>
    public LowPriorityScheduler(int nice)
    {
        Nice = nice;
        _thread = new Thread(() => Run(nice)) { IsBackground = true, Name = "analysis (low priority)" };
        _thread.Start();
    }

    /// <summary>The nice value the thread runs at.</summary>
    public int Nice { get; }

    /// <inheritdoc />
    public override int MaximumConcurrencyLevel => 1;

    /// <inheritdoc />
    public void Dispose()
    {
        _queue.CompleteAdding();
        _thread.Join();
        _queue.Dispose();
    }

    /// <inheritdoc />
    protected override void QueueTask(Task task) => _queue.Add(task);

    /// <inheritdoc />
    protected override bool TryExecuteTaskInline(Task task, bool taskWasPreviouslyQueued) =>
        Thread.CurrentThread == _thread && TryExecuteTask(task);

    /// <inheritdoc />
    protected override IEnumerable<Task> GetScheduledTasks() => [.. _queue];

    private void Run(int nice)
    {
        if (OperatingSystem.IsLinux())
        {
            // PRIO_PROCESS with a thread id sets that thread's nice value; lowering priority needs no privilege.
            _ = SetPriority(0, GetThreadId(), nice);
        }

        foreach (var task in _queue.GetConsumingEnumerable())
        {
            TryExecuteTask(task);
        }
    }

    [LibraryImport("libc", EntryPoint = "setpriority")]
    private static partial int SetPriority(int which, int who, int priority);

    [LibraryImport("libc", EntryPoint = "gettid")]
    private static partial int GetThreadId();
}
