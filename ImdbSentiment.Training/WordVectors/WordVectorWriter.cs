using System.Globalization;
using System.Text;
using ImdbSentiment.Model.IO;

namespace ImdbSentiment.Training.WordVectors;

/// <summary>
/// Writes word vectors in the fastText / word2vec text format (.vec) that <see cref="WordVectorReader"/> reads: the
/// header "count dimensions", then each word and its values, each the shortest text that reads back as the same float.
/// The file appears whole or not at all (through a temporary file renamed over it).
/// </summary>
public static class WordVectorWriter
{
    /// <param name="vectors">[words, dimensions], row i the vector of words[i].</param>
    public static void Write(string path, IReadOnlyList<string> words, ReadOnlyMemory<float> vectors, int dimensions)
    {
        if (dimensions < 1 || vectors.Length != (long)words.Count * dimensions)
            throw new ArgumentException($"Expected {words.Count} x {dimensions} values for {words.Count} words of {dimensions} dimensions, got {vectors.Length}.", nameof(vectors));
        var invalid = words.Select((word, index) => (word, index)).FirstOrDefault(entry => entry.word.Length == 0 || entry.word.Any(char.IsWhiteSpace));
        if (invalid.word is not null)
            throw new ArgumentException($"Word {invalid.index} is empty or holds white space, which the format cannot carry.", nameof(words));

        AtomicFile.Write(path, temporary =>
        {
            using var writer = new StreamWriter(temporary, append: false, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false), bufferSize: 1 << 16);
            writer.Write(string.Create(CultureInfo.InvariantCulture, $"{words.Count} {dimensions}\n"));
            Span<char> number = stackalloc char[32];
            for (var word = 0; word < words.Count; word++)
            {
                writer.Write(words[word]);
                foreach (var value in vectors.Span.Slice(word * dimensions, dimensions))
                {
                    value.TryFormat(number, out var written, "R", CultureInfo.InvariantCulture);
                    writer.Write(' ');
                    writer.Write(number[..written]);
                }

                writer.Write('\n');
            }
        });
    }
}
