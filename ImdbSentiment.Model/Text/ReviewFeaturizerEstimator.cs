using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Transforms;

namespace ImdbSentiment.Model.Text;

/// <summary>
/// Raw review text to padded token ids, as a chain of saveable ML.NET transforms: normalise and tokenise into words,
/// map words to keys with a vocabulary of the most frequent words of the data it is fitted on, then to Keras ids,
/// padded/truncated to the max length. Fit it on the training split only.
/// </summary>
public sealed class ReviewFeaturizerEstimator : IEstimator<ITransformer>
{
    private readonly MLContext _mlContext;
    private readonly FeaturizerOptions _options;

    public ReviewFeaturizerEstimator(MLContext mlContext, FeaturizerOptions options)
    {
        options.Validate();
        _mlContext = mlContext;
        _options = options;
    }

    public ITransformer Fit(IDataView input)
    {
        if (input.Schema.GetColumnOrNull(_options.TextColumnName) is not { Type: TextDataViewType })
            throw new ArgumentException($"The data has no text column {_options.TextColumnName}: name the review text column with TextColumnName.", nameof(input));
        var tokenizer = Tokenizer().Fit(input);
        var tokenized = tokenizer.Transform(input);
        // Tokenised again for each count rather than held: every training review's tokens as strings are hundreds of MB.
        var tokens = ReadTokens(tokenized);
        var vocabulary = Vocabulary.Build(tokens, _options.VocabularySize);
        var ngramVocabulary = _options.NgramLength > 0
            ? TermCounts.MostFrequent(tokens.Select(review => Ngrams.Distinct(review, _options.NgramLength)), _options.NgramVocabularySize - 1)
            : [];
        return tokenizer.Append(IdMappers(vocabulary, ngramVocabulary).Fit(tokenized));
    }

    public SchemaShape GetOutputSchema(SchemaShape inputSchema) =>
        Tokenizer().Append(IdMappers(PlaceholderVocabulary, ["placeholder"])).GetOutputSchema(inputSchema);

    private static Vocabulary PlaceholderVocabulary { get; } =
        Vocabulary.Build([["placeholder"]], Vocabulary.ReservedIds + 1);

    private IEstimator<ITransformer> IdMappers(Vocabulary vocabulary, IReadOnlyList<string> ngramVocabulary) =>
        _options.NgramLength > 0 ? TokenIdMapper(vocabulary).Append(NgramIdMapper(ngramVocabulary)) : TokenIdMapper(vocabulary);

    private IEstimator<ITransformer> NgramIdMapper(IReadOnlyList<string> ngramVocabulary)
    {
        var keyData = _mlContext.Data.LoadFromEnumerable(ngramVocabulary.Select(ngram => new VocabularyWord { Word = ngram }));
        return ConstantColumn(ColumnNames.NgramLength, _options.NgramLength)
            .Append(_mlContext.Transforms.CustomMapping(new NgramsMapping().GetMapping(), NgramsMapping.ContractName))
            .Append(_mlContext.Transforms.Conversion.MapValueToKey(ColumnNames.NgramKeys, ColumnNames.Ngrams, keyOrdinality: ValueToKeyMappingEstimator.KeyOrdinality.ByOccurrence, keyData: keyData))
            .Append(_mlContext.Transforms.Conversion.ConvertType(ColumnNames.NgramKeyValues, ColumnNames.NgramKeys, DataKind.UInt32))
            .Append(_mlContext.Transforms.CustomMapping(new NgramIdsMapping().GetMapping(), NgramIdsMapping.ContractName))
            .Append(_mlContext.Transforms.DropColumns(ColumnNames.NgramLength, ColumnNames.Ngrams, ColumnNames.NgramKeyValues));
    }

    private IEstimator<ITransformer> Tokenizer()
    {
        var tokenize = _mlContext.Transforms.CustomMapping(new TokenizeReviewMapping().GetMapping(), TokenizeReviewMapping.ContractName);
        // The custom mappings read the contract's Text column; a default-named pipeline saves exactly as before.
        return _options.TextColumnName == ColumnNames.Text
            ? tokenize
            : _mlContext.Transforms.CopyColumns(ColumnNames.Text, _options.TextColumnName).Append(tokenize);
    }

    private IEstimator<ITransformer> TokenIdMapper(Vocabulary vocabulary)
    {
        var keyData = _mlContext.Data.LoadFromEnumerable(vocabulary.Words.Select(word => new VocabularyWord { Word = word }));
        return _mlContext.Transforms.Conversion
            .MapValueToKey(ColumnNames.TokenKeys, ColumnNames.Tokens, keyOrdinality: ValueToKeyMappingEstimator.KeyOrdinality.ByOccurrence, keyData: keyData)
            .Append(_mlContext.Transforms.Conversion.ConvertType(ColumnNames.TokenKeyValues, ColumnNames.TokenKeys, DataKind.UInt32))
            .Append(ConstantColumn(ColumnNames.SequenceLength, _options.MaxLength))
            .Append(ConstantColumn(ColumnNames.SequencePadding, (int)_options.Padding))
            .Append(ConstantColumn(ColumnNames.SequenceTruncating, (int)_options.Truncating))
            .Append(_mlContext.Transforms.CustomMapping(new TokenIdsMapping().GetMapping(), TokenIdsMapping.ContractName))
            .Append(_mlContext.Transforms.DropColumns(
                ColumnNames.TokenKeyValues,
                ColumnNames.SequenceLength, ColumnNames.SequencePadding, ColumnNames.SequenceTruncating));
    }

    private IEstimator<ITransformer> ConstantColumn(string name, int value) =>
        _mlContext.Transforms.Expression(name, $"text : {value}", ColumnNames.Text);

    private static IEnumerable<string[]> ReadTokens(IDataView tokenized)
    {
        var column = tokenized.Schema[ColumnNames.Tokens];
        using var cursor = tokenized.GetRowCursor([column]);
        var getter = cursor.GetGetter<VBuffer<ReadOnlyMemory<char>>>(column);
        var tokens = default(VBuffer<ReadOnlyMemory<char>>);
        while (cursor.MoveNext())
        {
            getter(ref tokens);
            yield return tokens.DenseValues().Select(token => token.ToString()).ToArray();
        }
    }

    private sealed class VocabularyWord
    {
        public string Word { get; set; } = "";
    }
}
