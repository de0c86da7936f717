using System.Buffers.Binary;
using System.Runtime.InteropServices;

namespace QualityVoice.Feedback.Storage.Sqlite;

/// <summary>
/// Which file a path names: its device and inode on Linux, where the apps run. A connection that SQLite opened
/// keeps writing to its file even after the file is deleted or renamed away, so a database file that has gone
/// from its path, or been replaced by another, is found by comparing what the path names now with what it named
/// when the app opened it. Elsewhere only the file's existence is compared.
/// </summary>
internal readonly partial record struct DatabaseFileIdentity(ulong Device, ulong Inode)
{
    private static bool _statUnavailable = !OperatingSystem.IsLinux()
        || RuntimeInformation.ProcessArchitecture is not (Architecture.X64 or Architecture.Arm64);

    /// <summary>What <paramref name="path"/> names now; null when nothing is there.</summary>
    public static DatabaseFileIdentity? Of(string path)
    {
        if (!File.Exists(path))
        {
            return null;
        }

        if (_statUnavailable)
        {
            return new DatabaseFileIdentity(0, 0);
        }

        // struct stat on 64-bit Linux (x86_64 and the generic layout arm64 uses) starts with st_dev, then st_ino,
        // both 64 bits; the buffer is larger than either layout's whole struct.
        var buffer = new byte[256];
        try
        {
            if (Stat(path, buffer) != 0)
            {
                return null;
            }
        }
        catch (Exception exception) when (exception is EntryPointNotFoundException or DllNotFoundException)
        {
            _statUnavailable = true;
            return new DatabaseFileIdentity(0, 0);
        }

        return new DatabaseFileIdentity(BinaryPrimitives.ReadUInt64LittleEndian(buffer), BinaryPrimitives.ReadUInt64LittleEndian(buffer.AsSpan(8)));
    }

    [LibraryImport("libc", EntryPoint = "stat", StringMarshalling = StringMarshalling.Utf8, SetLastError = true)]
    private static partial int Stat(string path, [Out] byte[] buffer);
}
