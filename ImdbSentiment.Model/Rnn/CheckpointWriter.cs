using TorchSharp;

namespace ImdbSentiment.Model.Rnn;

/// <summary>Writes a network's weights (TorchSharp state) to a temporary file, then renames it over the checkpoint.</summary>
internal static class CheckpointWriter
{
    public static void Write(torch.nn.Module module, string path)
    {
        var directory = Path.GetDirectoryName(Path.GetFullPath(path))!;
        Directory.CreateDirectory(directory);
        var temporary = Path.Combine(directory, $".{Path.GetFileName(path)}.{Guid.NewGuid():N}.tmp");
        try
        {
            module.save(temporary);
            File.Move(temporary, path, overwrite: true);
        }
        finally
        {
            File.Delete(temporary);
        }
    }
}
