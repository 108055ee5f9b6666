using System.IO.Compression;
using System.Text;

namespace ImdbSentiment.Model;

/// <summary>
/// Recognises the zips train writes by their output step: the custom mapping named by
/// <see cref="SentimentOutputMapping.ContractName"/>, which ML.NET stores (as UTF-16) in that step's Model.key. Any other
/// ML.NET zip is foreign, even one with a Text input and Score, Probability and PredictedLabel outputs.
/// </summary>
internal static class ProductModelMarker
{
    private const string StepFileName = "Model.key";
    private const long LargestStepFile = 1 << 20;
    private static readonly byte[] Marker = Encoding.Unicode.GetBytes(SentimentOutputMapping.ContractName);

    /// <exception cref="InvalidDataException">The file is not a readable zip.</exception>
    public static bool IsProductModel(string path)
    {
        using var zip = ZipFile.OpenRead(path);
        foreach (var entry in zip.Entries)
        {
            if (entry.Name != StepFileName || entry.Length > LargestStepFile)
                continue;
            using var content = new MemoryStream();
            using (var stream = entry.Open())
                stream.CopyTo(content);
            if (content.GetBuffer().AsSpan(0, (int)content.Length).IndexOf(Marker) >= 0)
                return true;
        }
        return false;
    }
}
