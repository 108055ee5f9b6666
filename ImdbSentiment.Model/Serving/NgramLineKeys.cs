using ImdbSentiment.Model.Text;

namespace ImdbSentiment.Model.Serving;

/// <summary>
/// The key (<see cref="NgramVocabulary.Extend"/>) of every line of an n-gram vocabulary text, and the ids of the words
/// in them. The text is cut into one run of whole lines per core, each keyed with word ids of its own, and the runs'
/// words then renumbered into one set of ids: keying is most of the time a model with n-grams takes to open.
/// </summary>
internal sealed class NgramLineKeys
{
    /// <summary>The key of a line no review's n-gram can match: more words than <see cref="Ngrams.LongestSupported"/>.</summary>
    public const long NoKey = 0;

    private NgramLineKeys(long[] keys, Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> wordIds)
    {
        Keys = keys;
        WordIds = wordIds;
    }

    /// <summary>By line, as <see cref="ModelFormat.ModelFile.NgramLines"/> splits the text: the line's key, or <see cref="NoKey"/>.</summary>
    public long[] Keys { get; }

    /// <summary>The words' ids, 1 to the number of words.</summary>
    public Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> WordIds { get; }

    /// <param name="lines">The vocabulary text.</param>
    /// <param name="runCount">How many runs to cut the text into, keyed in parallel; the keys do not depend on it.</param>
    /// <param name="onlyWords">When given, a line with a word outside it gets <see cref="NoKey"/>, and only these words get ids.</param>
    /// <exception cref="InvalidDataException">The lines hold more than <see cref="NgramVocabulary.MaximumWords"/> distinct words.</exception>
    public static NgramLineKeys Of(string lines, int runCount, WordSet? onlyWords = null)
    {
        var runs = LineRun.Split(lines, runCount);
        var keys = new long[runs[^1].FirstLine + runs[^1].LineCount];
        var runWords = new RunWords[runs.Length];
        Parallel.For(0, runs.Length, run => runWords[run] = RunWords.Key(lines, runs[run], keys, onlyWords));

        var wordIds = runWords[0].Ids;
        var renumbered = new int[runs.Length][];
        for (var run = 1; run < runs.Length; run++)
            renumbered[run] = [0, .. runWords[run].Words.Select(word => RunWords.IdOf(wordIds, word))];
        Parallel.For(1, runs.Length, run => Renumber(keys.AsSpan(runs[run].FirstLine, runs[run].LineCount), renumbered[run]));
        return new NgramLineKeys(keys, wordIds);
    }

    /// <summary>Replaces a run's own word ids in its keys by the ids of all runs' words.</summary>
    private static void Renumber(Span<long> keys, int[] idOf)
    {
        foreach (ref var key in keys)
        {
            long renumbered = NoKey;
            for (var position = 0; position < Ngrams.LongestSupported && NgramVocabulary.WordIdAt(key, position) is var id and > 0; position++)
                renumbered = NgramVocabulary.Extend(renumbered, idOf[id], position);
            key = renumbered;
        }
    }

    /// <summary>Whole lines of the text: characters [Start, Start + Length), holding lines FirstLine to FirstLine + LineCount - 1.</summary>
    private readonly record struct LineRun(int Start, int Length, int FirstLine, int LineCount)
    {
        /// <summary>About equal runs, each ending after a line break (the last at the text's end), in order.</summary>
        public static LineRun[] Split(string text, int count)
        {
            var runs = new LineRun[count];
            var (start, firstLine) = (0, 0);
            for (var run = 0; run < count; run++)
            {
                var end = run == count - 1 ? text.Length : AfterLineBreak(text, Math.Max(start, (int)((long)text.Length * (run + 1) / count)));
                var span = text.AsSpan(start, end - start);
                // A text's last line needs no line break after it, and a break at the very end starts no line.
                var lineCount = span.Count('\n') + (end == text.Length && !span.IsEmpty && span[^1] != '\n' ? 1 : 0);
                runs[run] = new LineRun(start, end - start, firstLine, lineCount);
                (start, firstLine) = (end, firstLine + lineCount);
            }
            return runs;
        }

        private static int AfterLineBreak(string text, int from) =>
            text.AsSpan(from).IndexOf('\n') is var lineBreak and >= 0 ? from + lineBreak + 1 : text.Length;
    }

    /// <summary>One run's words, with ids of its own in order of first appearance.</summary>
    private sealed class RunWords(int lineCount, WordSet? onlyWords)
    {
        /// <summary>The id a line's word gets when it is outside the words asked for, so the line has no key.</summary>
        private const int Excluded = -1;

        /// <summary>Room for as many words as lines, up to the 2^16 that hold the bag's 47,000 words without growing.</summary>
        public Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> Ids { get; } =
            new Dictionary<string, int>(Math.Min(lineCount, 1 << 16), StringComparer.Ordinal).GetAlternateLookup<ReadOnlySpan<char>>();

        /// <summary>The words in id order.</summary>
        public string[] Words
        {
            get
            {
                var words = new string[Ids.Dictionary.Count];
                foreach (var (word, id) in Ids.Dictionary)
                    words[id - 1] = word;
                return words;
            }
        }

        /// <summary>Writes the keys of the run's lines into <paramref name="keys"/> at the lines' places, in the run's own word ids.</summary>
        public static RunWords Key(string text, LineRun run, long[] keys, WordSet? onlyWords)
        {
            var words = new RunWords(run.LineCount, onlyWords);
            var start = run.Start;
            // The lines come sorted, so a word often stands where it stood in the line before: no lookup then.
            Span<(int Start, int Length, int Id)> previous = stackalloc (int, int, int)[Ngrams.LongestSupported];
            for (var line = run.FirstLine; line < run.FirstLine + run.LineCount; line++)
            {
                var end = text.AsSpan(start, run.Start + run.Length - start).IndexOf('\n') is var lineBreak and >= 0 ? start + lineBreak : run.Start + run.Length;
                keys[line] = words.KeyOfLine(text, start, end - start, previous);
                start = end + 1;
            }
            return words;
        }

        /// <summary>The id of <paramref name="word"/> among <paramref name="ids"/>, which gets it when it lacks it.</summary>
        public static int IdOf(Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> ids, ReadOnlySpan<char> word)
        {
            if (ids.TryGetValue(word, out var id))
                return id;
            id = ids.Dictionary.Count + 1;
            if (id > NgramVocabulary.MaximumWords)
                throw new InvalidDataException($"its n-grams hold more than {NgramVocabulary.MaximumWords:N0} distinct words, more than the scorer can key");
            ids.TryAdd(word, id);
            return id;
        }

        private long KeyOfLine(string text, int start, int length, Span<(int Start, int Length, int Id)> previous)
        {
            long key = NoKey;
            var lineEnd = start + length;
            for (var position = 0; ; position++)
            {
                // A line of more words than the longest n-gram can never match a review's n-gram, so it needs no key.
                if (position == Ngrams.LongestSupported)
                    return NoKey;
                var end = text.AsSpan(start, lineEnd - start).IndexOf(Ngrams.Separator[0]) is var separator and >= 0 ? start + separator : lineEnd;
                var word = text.AsSpan(start, end - start);
                var before = previous[position];
                var id = before.Id != 0 && word.SequenceEqual(text.AsSpan(before.Start, before.Length)) ? before.Id
                    : onlyWords is not null && !onlyWords.Contains(word) ? Excluded
                    : IdOf(Ids, word);
                previous[position] = (start, word.Length, id);
                if (id == Excluded)
                    return NoKey;
                key = NgramVocabulary.Extend(key, id, position);
                if (end == lineEnd)
                    return key;
                start = end + 1;
            }
        }
    }
}
