using QualityVoice.Feedback.Audit;
using QualityVoice.Feedback.Import;

namespace QualityVoice.BackOffice.Features.Imports;

/// <summary>
/// Imports the uploaded files one at a time, recording each in the audit log with its counts. A file that cannot be
/// read is reported on its job with the reason; the rows before the problem stay imported, as on the command line.
/// </summary>
public sealed partial class ImportWorker(ImportJobs jobs, ProviderFileImport import, IAuditLog audit, TimeProvider time, ILogger<ImportWorker> logger) : BackgroundService
{
    /// <summary>Imports one job (the worker's loop, and tests).</summary>
    public async Task RunAsync(ImportJob job, CancellationToken cancellationToken)
    {
        ImportSummary? summary = null;
        string? failure = null;
        try
        {
            await using (var file = new FileStream(job.UploadPath, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan))
            await using (var report = new StreamWriter(QualityVoice.Feedback.PrivateFiles.CreateNew(job.ReportPath)))
            {
                summary = await import.RunAsync(file, job.Profile, new ImportOptions(job.Client, RowsPerTransaction: ImportOptions.LiveRowsPerTransaction), report, read => job.BytesRead = read, cancellationToken);
            }

            await audit.RecordAsync(
                IntegrationAudit.FileImported(time.GetUtcNow(), job.QueuedBy, job.FileName, job.Profile.Name, job.Client ?? job.Profile.Name, summary.ToString()),
                cancellationToken);
        }
        catch (Exception stopped) when (stopped is ImportFileException or ImportProfileException)
        {
            failure = stopped.Message;
        }
        catch (Exception stopped) when (stopped is not OperationCanceledException)
        {
            failure = "The import stopped because of a problem in QualityVoice, not in the file. The rows before it were imported; upload the file again to import the rest.";
            ImportFailed(logger, stopped.GetType().Name);
        }
        finally
        {
            // What people wrote is not kept beside the store once it is in it. The job is finished only after this.
            File.Delete(job.UploadPath);
            job.Failure = failure;
            job.Summary = summary;
        }
    }

    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await foreach (var job in jobs.Queue.ReadAllAsync(stoppingToken))
        {
            await RunAsync(job, stoppingToken);
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "An import stopped: {Failure}")]
    private static partial void ImportFailed(ILogger logger, string failure);
}
