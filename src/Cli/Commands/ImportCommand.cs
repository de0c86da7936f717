using System.Globalization;
using QualityVoice.Feedback.Audit;
using QualityVoice.Feedback.Import;

namespace QualityVoice.Cli.Commands;

/// <summary>
/// <c>./qv import --input FILE.csv --profile NAME [--client NAME] [--dry-run] [--rejected FILE.csv]</c>: loads a
/// provider's Friends and Family Test file (<see cref="ProviderFileImport"/>), shows progress on a terminal, writes the
/// rejected rows with their reasons beside the file (or to <c>--rejected</c>), and records the counts in the audit log.
/// On SQLite it writes up to <c>--rows-per-transaction</c> rows (100,000) in each transaction, holding the write lock
/// for seconds at a time: beside a busy portal, 20,000 keeps each under the intake's wait (docs/import.md).
/// </summary>
internal static class ImportCommand
{
    public const string Usage = "import --input FILE.csv --profile NAME [--client NAME] [--dry-run] [--rejected FILE.csv] [--rows-per-transaction N]";

    public static async Task<int> RunAsync(CommandLine line, ProviderFileImport import, IAuditLog audit, TimeProvider time, TextWriter output, CancellationToken cancellationToken)
    {
        line.OnlyAllow("input", "profile", "client", "dry-run", "rejected", "rows-per-transaction");
        var input = line.Required("input");
        if (!File.Exists(input))
        {
            throw new UsageException($"--input names the provider's CSV file, and {input} is not there.");
        }

        var profile = ImportProfiles.Load(line.Required("profile"), ImportProfiles.ShippedFolder);
        var client = line.Optional("client");
        if (client is { Length: 0 or > 64 })
        {
            throw new UsageException("--client is the supplier's name, 1 to 64 characters: the scope of its row ids.");
        }

        var rowsPerTransaction = ImportOptions.BulkRowsPerTransaction;
        if (line.Optional("rows-per-transaction") is { } given
            && (!int.TryParse(given, NumberStyles.None, CultureInfo.InvariantCulture, out rowsPerTransaction) || rowsPerTransaction is < 1 or > 1_000_000))
        {
            throw new UsageException($"--rows-per-transaction is a whole number from 1 to 1,000,000 (default {ImportOptions.BulkRowsPerTransaction:N0}; {ImportOptions.LiveRowsPerTransaction:N0} beside a busy portal).");
        }

        var dryRun = line.Has("dry-run");
        var rejectedPath = line.Optional("rejected") ?? Path.Combine(Path.GetDirectoryName(Path.GetFullPath(input))!, Path.GetFileNameWithoutExtension(input) + ".rejected.csv");
        ImportSummary summary;
        await using (var file = new FileStream(input, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan))
        await using (var rejected = new StreamWriter(rejectedPath))
        {
            ImportSummary? result = null;
            await CommandProgress.RunBytesAsync($"import {Path.GetFileName(input)}", file.Length, async report =>
                result = await import.RunAsync(file, profile, new ImportOptions(client, dryRun, rowsPerTransaction), rejected, report, cancellationToken));
            summary = result!;
        }

        if (summary.Rejected == 0)
        {
            File.Delete(rejectedPath);
        }

        var rate = summary.Rows / Math.Max(summary.Elapsed.TotalSeconds, 0.001);
        await output.WriteLineAsync($"import: {summary} in {summary.Elapsed.TotalSeconds:N1} s ({rate:N0} rows a second){(dryRun ? "; a dry run, so nothing was written" : string.Empty)}");
        if (summary.Rejected > 0)
        {
            await output.WriteLineAsync($"import: the rejected rows and why are in {rejectedPath}");
        }

        if (!dryRun)
        {
            await output.WriteLineAsync("import: the new items are analysed by the back office's analysis worker (or ./qv reanalyse)");
            await audit.RecordAsync(
                IntegrationAudit.FileImported(time.GetUtcNow(), $"command line ({Environment.UserName})", Path.GetFileName(input), profile.Name, client ?? profile.Name, summary.ToString()),
                cancellationToken);
        }

        return 0;
    }
}
