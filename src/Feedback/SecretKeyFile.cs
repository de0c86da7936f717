using System.Security.Cryptography;

namespace QualityVoice.Feedback;

/// <summary>
/// A random secret kept in a file readable by its owner only: the embedded default's way to hold the keys that
/// production keeps in Key Vault. Created on first use; both apps may race to create it, and both end up with
/// the same one.
/// </summary>
public static class SecretKeyFile
{
    /// <summary>Reads the secret, creating it with <paramref name="length"/> random bytes the first time.</summary>
    public static byte[] ReadOrCreate(string path, int length = 32)
    {
        if (!File.Exists(path))
        {
            PrivateFiles.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
            var temporary = $"{path}.{Guid.NewGuid():N}.tmp";
            using (var stream = PrivateFiles.CreateNew(temporary))
            {
                stream.Write(RandomNumberGenerator.GetBytes(length));
                stream.Flush(flushToDisk: true);
            }

            try
            {
                // A rename is atomic, so the other app never reads a half-written key.
                File.Move(temporary, path, overwrite: false);
            }
            catch (IOException) when (File.Exists(path))
            {
                // The other app created it first: use theirs.
                File.Delete(temporary);
            }
        }

        PrivateFiles.TightenFile(path);
        return File.ReadAllBytes(path);
    }
}
