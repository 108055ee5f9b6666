using System.Globalization;
using System.Text;
using ImdbSentiment.Model;
using ImdbSentiment.Model.Data;
using ImdbSentiment.Model.Text;

namespace ImdbSentiment.Training.WordVectors;

/// <summary>
/// Reads the fastText / word2vec text format (.vec): a header line "count dimensions", then one line per word, the word
/// and its values separated by spaces (fastText ends each line with a space, which is accepted). The file is streamed
/// and only the words asked for are kept, so a file of millions of words costs the memory of those words' rows. Every
/// line is checked all the same: a bad file gives one <see cref="DataFormatException"/> naming the file and the line,
/// never a table built from part of it.
/// </summary>
/// <remarks>
/// A file word matches the word asked for that equals it in lower case (as the featurizer lower-cases reviews). When
/// several spellings of one word match (The, the), the first line wins: fastText and word2vec write the most frequent
/// first; the others are counted in <see cref="MatchedWordVectors.CaseVariantsSkipped"/>. The same spelling twice is an
/// error. Duplicates are looked for among the matched words alone, which is all that is kept.
/// </remarks>
public static class WordVectorReader
{
    /// <summary>The options property the errors name, so that the command line can name its flag.</summary>
    private const string Setting = nameof(NetworkSettings.WordVectors);

    public static WordVectorHeader ReadHeader(string path)
    {
        using var reader = Open(path);
        return ParseHeader(path, Lines(path, reader).FirstOrDefault());
    }

    /// <summary>The vectors of <paramref name="words"/> (lower-case, distinct) the file has, after checking all of it.</summary>
    public static MatchedWordVectors Read(string path, IReadOnlyList<string> words, CancellationToken cancellation = default)
    {
        var indices = new Dictionary<string, int>(words.Count, StringComparer.Ordinal);
        for (var i = 0; i < words.Count; i++)
        {
            if (!indices.TryAdd(words[i], i))
                throw new ArgumentException($"The words to look up must be distinct; word {i} repeats word {indices[words[i]]}.", nameof(words));
        }

        var lookup = indices.GetAlternateLookup<ReadOnlySpan<char>>();
        using var reader = Open(path);
        using var lines = Lines(path, reader).GetEnumerator();
        var header = ParseHeader(path, lines.MoveNext() ? lines.Current : null);
        var vectors = new float[(long)words.Count * header.Dimensions];
        var matchedOn = new long[words.Count];
        var spellings = new string?[words.Count];
        var row = new float[header.Dimensions];
        var lowered = new char[64];
        long line = 1, caseVariants = 0;
        while (lines.MoveNext())
        {
            var text = lines.Current;
            line++;
            if ((line & 0xFFFF) == 0)
                cancellation.ThrowIfCancellationRequested();
            if (line - 1 > header.Count)
                throw Error(path, line, $"the header says {Plural.Of(header.Count, "word")}, but the file has more lines");
            var wordEnd = text.IndexOf(' ');
            if (wordEnd <= 0)
                throw Error(path, line, wordEnd == 0 ? "the line starts with a space where its word should be" : $"expected a word and {header.Dimensions} values separated by spaces");
            ParseValues(path, line, text.AsSpan(wordEnd + 1), row);

            var word = text.AsSpan(0, wordEnd);
            if (lowered.Length < word.Length)
                lowered = new char[word.Length * 2];
            for (var i = 0; i < word.Length; i++)
                lowered[i] = ReviewTokenizer.Lower(word[i]);
            if (!lookup.TryGetValue(lowered.AsSpan(0, word.Length), out var index))
                continue;
            if (spellings[index] is { } first)
            {
                if (word.SequenceEqual(first))
                    throw Error(path, line, $"the word on this line is already on line {matchedOn[index]:N0}");
                caseVariants++;
                continue;
            }

            spellings[index] = word.ToString();
            matchedOn[index] = line;
            row.CopyTo(vectors.AsSpan((int)((long)index * header.Dimensions), header.Dimensions));
        }

        if (line - 1 < header.Count)
            throw Error(path, line + 1, $"the header says {Plural.Of(header.Count, "word")}, but the file ends after {line - 1:N0}");
        return new MatchedWordVectors(header, vectors, [.. spellings.Select(spelling => spelling is not null)], caseVariants);
    }

    private static StreamReader Open(string path)
    {
        if (!File.Exists(path))
            throw new FileNotFoundException($"Word-vector file not found: {path}", path);
        return new StreamReader(path, Encoding.UTF8, detectEncodingFromByteOrderMarks: true, bufferSize: 1 << 16);
    }

    // No line is held beyond the record limit: a file without line breaks cannot fill memory.
    private static IEnumerable<string> Lines(string path, TextReader reader) =>
        LimitedLines.Read(reader, line => Error(path, line, RecordLimit.TooLong("the line")));

    private static WordVectorHeader ParseHeader(string path, string? line)
    {
        if (line is null)
            throw Error(path, null, "the file is empty; expected a header line 'count dimensions', then one word and its vector a line");
        var fields = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (fields.Length != 2
            || !long.TryParse(fields[0], NumberStyles.None, CultureInfo.InvariantCulture, out var count)
            || !int.TryParse(fields[1], NumberStyles.None, CultureInfo.InvariantCulture, out var dimensions))
        {
            throw Error(path, 1, "expected the header line 'count dimensions' (two whole numbers) of the fastText / word2vec text format; a GloVe file has no header: add one");
        }

        if (count < 1 || dimensions < 1)
            throw Error(path, 1, $"the header must give at least 1 word of at least 1 dimension, got {count} words of {dimensions}");
        if (dimensions > NetworkSettings.MostEmbeddingSize)
            throw Error(path, 1, $"the header's {dimensions:N0} dimensions are more than the {NetworkSettings.MostEmbeddingSize:N0} an embedding may have");
        return new WordVectorHeader(count, dimensions);
    }

    private static void ParseValues(string path, long line, ReadOnlySpan<char> values, Span<float> row)
    {
        var count = 0;
        while (true)
        {
            values = values.TrimStart(' ');
            if (values.IsEmpty)
                break;
            var end = values.IndexOf(' ');
            var field = end < 0 ? values : values[..end];
            if (count == row.Length)
                throw Error(path, line, $"expected {row.Length} values after the word (the header's dimensions), found more");
            if (!float.TryParse(field, NumberStyles.Float, CultureInfo.InvariantCulture, out var value))
                throw Error(path, line, $"value {count + 1} is not a number");
            if (!float.IsFinite(value))
                throw Error(path, line, $"value {count + 1} is not a finite number (NaN, infinity, or beyond float's range)");
            row[count++] = value;
            values = end < 0 ? default : values[end..];
        }

        if (count != row.Length)
            throw Error(path, line, $"expected {row.Length} values after the word (the header's dimensions), found {count}");
    }

    private static DataFormatException Error(string path, long? line, string problem) => new(path, line, problem, Setting);
}

/// <summary>
/// The vectors a <see cref="WordVectorReader"/> found for the words it was given, in their order: row i of
/// <see cref="Vectors"/> ([words, dimensions]) is word i's vector when <see cref="Found"/>[i], zeros otherwise.
/// </summary>
public sealed record MatchedWordVectors(WordVectorHeader Header, float[] Vectors, bool[] Found, long CaseVariantsSkipped)
{
    public int FoundCount => Found.Count(found => found);

    public ReadOnlySpan<float> Vector(int word) => Vectors.AsSpan(word * Header.Dimensions, Header.Dimensions);
}
