namespace ImdbSentiment.Model.Serving;

/// <summary>The distinct lower-case words (the tokenizer's) of some reviews, looked up without making strings.</summary>
internal sealed class WordSet
{
    private readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> _words;

    public WordSet(IEnumerable<string> texts)
    {
        var words = new HashSet<string>(StringComparer.Ordinal);
        var tokenized = new SpecFeaturizer.Words();
        foreach (var text in texts)
        {
            SpecFeaturizer.Tokenize(text, tokenized);
            for (var i = 0; i < tokenized.Count; i++)
                words.Add(tokenized.Word(i).ToString());
        }
        _words = words.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    public bool Contains(ReadOnlySpan<char> word) => _words.Contains(word);
}
