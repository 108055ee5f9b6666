namespace ImdbSentiment.Model.IO;

/// <summary>
/// Writes a file through a temporary file in the same folder that is renamed over the target only when writing
/// succeeded, so readers never see a half-written file and a failure leaves no partial output behind.
/// </summary>
public static class AtomicFile
{
    public static void Write(string path, Action<string> writeTemporary)
    {
        var fullPath = Path.GetFullPath(path);
        var folder = Path.GetDirectoryName(fullPath)!;
        Directory.CreateDirectory(folder);
        var temporary = Path.Combine(folder, $".{Path.GetFileName(fullPath)}.{Guid.NewGuid():N}.tmp");
        try
        {
            writeTemporary(temporary);
            File.Move(temporary, fullPath, overwrite: true);
        }
        finally
        {
            File.Delete(temporary);
        }
    }

    public static void WriteAllText(string path, string contents) =>
        Write(path, temporary => File.WriteAllText(temporary, contents));
}
