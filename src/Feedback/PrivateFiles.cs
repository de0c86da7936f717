namespace QualityVoice.Feedback;

/// <summary>
/// Files and folders that hold feedback, keys or e-mails, readable by the account the apps run as and nobody
/// else (0600 files in 0700 folders), on Linux and macOS; on Windows the folder's ACL decides.
/// </summary>
public static class PrivateFiles
{
    /// <summary>Read and write for the owner only.</summary>
    public const UnixFileMode File = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    /// <summary>Read, write and enter for the owner only.</summary>
    public const UnixFileMode Directory = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;

    /// <summary>Creates a folder (and any missing parents) for the owner only; an existing one is tightened.</summary>
    public static void CreateDirectory(string path)
    {
        if (OperatingSystem.IsWindows())
        {
            System.IO.Directory.CreateDirectory(path);
            return;
        }

        System.IO.Directory.CreateDirectory(path, Directory);
        Tighten(path, Directory);
    }

    /// <summary>Opens a new file for writing, readable by the owner only.</summary>
    public static FileStream CreateNew(string path)
    {
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = File;
        }

        return new FileStream(path, options);
    }

    /// <summary>Makes an existing file the owner's only (files made before this rule, or by another library).</summary>
    public static void TightenFile(string path) => Tighten(path, File);

    private static void Tighten(string path, UnixFileMode mode)
    {
        if (OperatingSystem.IsWindows() || !Path.Exists(path))
        {
            return;
        }

        if ((System.IO.File.GetUnixFileMode(path) & ~mode) != 0)
        {
            System.IO.File.SetUnixFileMode(path, mode);
        }
    }
}
