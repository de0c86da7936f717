using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Threading.Channels;
using QualityVoice.Feedback;
using QualityVoice.Feedback.Import;

namespace QualityVoice.BackOffice.Features.Imports;

/// <summary>
/// Providers' files uploaded in the back office, each imported in the background by <see cref="ImportWorker"/> one at
/// a time, so that an upload never holds a request for longer than it takes to save the file. The upload and its
/// rejected-rows report are kept in <c>imports/</c> in the data folder, owner-only; the upload (which holds what
/// people wrote) is deleted once it is imported. The list of jobs is this instance's (the
/// template keeps a browser on one back-office instance, ADR 0022).
/// </summary>
public sealed class ImportJobs(IConfiguration configuration, TimeProvider time)
{
    private readonly ConcurrentDictionary<string, ImportJob> _jobs = new(StringComparer.Ordinal);
    private readonly Channel<ImportJob> _queue = Channel.CreateUnbounded<ImportJob>(new UnboundedChannelOptions { SingleReader = true });

    /// <summary>The folder that holds uploads and reports.</summary>
    public string Folder { get; } = DataDirectory.Combine(configuration, "imports");

    /// <summary>Every job this instance knows, newest first.</summary>
    public IReadOnlyList<ImportJob> All => _jobs.Values.OrderByDescending(job => job.QueuedAt).ToArray();

    /// <summary>The jobs waiting for the worker.</summary>
    internal ChannelReader<ImportJob> Queue => _queue.Reader;

    /// <summary>A job by its id.</summary>
    public ImportJob? Find(string id) => _jobs.GetValueOrDefault(id);

    /// <summary>Saves an upload and queues its import.</summary>
    public async Task<ImportJob> QueueAsync(Stream upload, string fileName, ImportProfile profile, string? client, string queuedBy, CancellationToken cancellationToken)
    {
        PrivateFiles.CreateDirectory(Folder);
        var id = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8));
        var job = new ImportJob(id, Path.GetFileName(fileName), profile, client, queuedBy, time.GetUtcNow(), Path.Combine(Folder, $"{id}.csv"), Path.Combine(Folder, $"{id}.rejected.csv"));
        await using (var file = PrivateFiles.CreateNew(job.UploadPath))
        {
            await upload.CopyToAsync(file, cancellationToken);
            job.TotalBytes = file.Length;
        }

        _jobs[id] = job;
        await _queue.Writer.WriteAsync(job, cancellationToken);
        return job;
    }
}

/// <summary>One uploaded file and how its import is going.</summary>
public sealed class ImportJob(string id, string fileName, ImportProfile profile, string? client, string queuedBy, DateTimeOffset queuedAt, string uploadPath, string reportPath)
{
    private long _bytesRead;

    /// <summary>Its id, in the address of its report.</summary>
    public string Id { get; } = id;

    /// <summary>The uploaded file's name.</summary>
    public string FileName { get; } = fileName;

    /// <summary>The profile it is read through.</summary>
    public ImportProfile Profile { get; } = profile;

    /// <summary>Whose row ids these are.</summary>
    public string? Client { get; } = client;

    /// <summary>Who uploaded it.</summary>
    public string QueuedBy { get; } = queuedBy;

    /// <summary>When.</summary>
    public DateTimeOffset QueuedAt { get; } = queuedAt;

    /// <summary>Where the upload is kept until it is imported.</summary>
    public string UploadPath { get; } = uploadPath;

    /// <summary>Where the rejected-rows report is written.</summary>
    public string ReportPath { get; } = reportPath;

    /// <summary>The upload's size.</summary>
    public long TotalBytes { get; set; }

    /// <summary>How much of it has been read.</summary>
    public long BytesRead
    {
        get => Interlocked.Read(ref _bytesRead);
        set => Interlocked.Exchange(ref _bytesRead, value);
    }

    /// <summary>What it did, once it has finished.</summary>
    public ImportSummary? Summary { get; set; }

    /// <summary>Why it stopped, if it could not finish.</summary>
    public string? Failure { get; set; }

    /// <summary>How far it has got, in whole per cent.</summary>
    public int PercentDone => TotalBytes == 0 ? 0 : (int)Math.Min(100, BytesRead * 100 / TotalBytes);

    /// <summary>Whether it has finished, one way or the other.</summary>
    public bool IsFinished => Summary is not null || Failure is not null;
}
